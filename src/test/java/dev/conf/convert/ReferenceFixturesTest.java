package dev.conf.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real storage documents from a public project (kovetskiy/mark, Apache-2.0), read where the team
 * keeps them: {@code CONF_FIXTURES_DIR}, by default {@code ../shared/fixtures} next to the project.
 * They are not copied into the repository; without them these tests are skipped.
 */
class ReferenceFixturesTest {
  static Path storageDir() {
    String env = System.getenv("CONF_FIXTURES_DIR");
    return Path.of(env == null || env.isBlank() ? "../shared/fixtures" : env).resolve("storage");
  }

  static String fixture(String name) throws IOException {
    Path file = storageDir().resolve(name);
    assumeTrue(
        Files.isRegularFile(file),
        "reference fixture " + file.toAbsolutePath() + " not found (set CONF_FIXTURES_DIR)");
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  static Stream<String> allFixtures() throws IOException {
    Path dir = storageDir();
    if (!Files.isDirectory(dir)) {
      return Stream.of("(none: " + dir.toAbsolutePath() + " not found)");
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @Test
  void taskListsBecomeTaskListItems() throws IOException {
    assertThat(StorageToMarkdown.convert(fixture("mark-tasklists.xhtml")))
        .isEqualTo(
            "- [x] \\#739\n"
                + "- [ ] <https://github.com/octo-org/octo-repo/issues/740>\n"
                + "- [ ] Add delight to the experience when all tasks are complete :tada:\n");
  }

  @Test
  void unknownMacrosSurviveARoundTripByteForByte() throws IOException {
    String storage = fixture("mark-macro-include.xhtml");
    String md = StorageToMarkdown.convert(storage);

    assertThat(md).contains("```confluence-storage\n<foo>bar</foo>\n```");
    assertThat(MarkdownToStorage.convert(md).storage()).isEqualTo(storage);
  }

  @Test
  void panelsBecomeAlertsEvenNested() throws IOException {
    String md = StorageToMarkdown.convert(fixture("mark-admonitions.xhtml"));

    assertThat(md)
        .contains("> [!WARNING]\n> **NOTES:**\n>\n> 1. Note number one\n")
        .contains("> > [!WARNING]\n> > a\\\n> > b\n")
        .contains("> [!CAUTION]\n> **Warn**\n")
        .contains("> [!NOTE]\n> Test\n")
        .contains("> [!TIP]\n> - Tip bullet 1\n")
        .contains("## Simple Blockquote\n\n> This paragraph is a simple blockquote\n");
  }

  @Test
  void layoutsKeepTheirCellsAndTheCellsTheirContent() throws IOException {
    String md = StorageToMarkdown.convert(fixture("mark-pagelayout.xhtml"));
    assertThat(md.lines().filter(l -> !l.startsWith("<") && !l.startsWith("```") && !l.isEmpty()))
        .containsExactly("More Content", "More Content", "Even More Content", "Still More Content");
    String back = MarkdownToStorage.convert(md).storage();
    assertThat(back.replaceAll(">\\s+<", "><").replaceAll("<p>[^<]*</p>", "").strip())
        .isEqualTo(
            fixture("mark-pagelayout.xhtml")
                .replaceAll(">\\s+<", "><")
                .replaceAll("<p>[^<]*</p>", "")
                .strip());
  }

  @Test
  void editorStorageKeepsMentionsEmoticonsAndWhatMarkdownCannotSay() throws IOException {
    String storage = fixture("mark-export-editor.xml");
    String md = StorageToMarkdown.convert(storage);
    String back = MarkdownToStorage.convert(md).storage();

    assertThat(md)
        .startsWith("# Release\u00a0process\n")
        .contains("[@5b10a2844c20165700ede21g](conf:user?account-id=5b10a2844c20165700ede21g)")
        .contains("[the rota](On-call%20rota.md)")
        .contains("A second line [✅](conf:storage?xml=%3Cac%3Aemoticon")
        .contains("```yaml theme=Midnight linenumbers=true breakoutMode=wide\n")
        .contains("[Runbook](conf:page?space=OPS&title=Runbook)")
        .contains("[Pipeline](conf:storage?xml=%3Cac%3Aimage%20ac%3Aalign%3D%22center%22");
    // Macros conf has no Markdown for come back exactly as they were.
    assertThat(back)
        .contains(
            "<ac:structured-macro ac:name=\"status\" ac:schema-version=\"1\" ac:macro-id=\"0f1a\">"
                + "<ac:parameter ac:name=\"colour\">Green</ac:parameter><ac:parameter"
                + " ac:name=\"title\">Done</ac:parameter></ac:structured-macro>")
        .contains("<ac:task-uuid>9a8b</ac:task-uuid>")
        .contains("<td colspan=\"2\"><p>Merged</p></td>")
        .contains("<ac:inline-comment-marker ac:ref=\"77aa\">Reviewed</ac:inline-comment-marker>");
  }

  @Test
  void markdownInputsConvertToWellFormedStorage() throws IOException {
    String storage = MarkdownToStorage.convert(fixture("mark-codes.input.md")).storage();

    StorageXml.parse(storage);
    assertThat(storage)
        .contains(
            "<ac:parameter ac:name=\"language\">nested</ac:parameter><ac:plain-text-body>"
                + "<![CDATA[code\n``` more code ```\neven more code]]>");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allFixtures")
  void everyFixtureConvertsToWellFormedStorageAndAStableMarkdown(String name) throws IOException {
    String input = fixture(name);
    String md =
        name.endsWith(".md")
            ? StorageToMarkdown.convert(MarkdownToStorage.convert(input).storage())
            : StorageToMarkdown.convert(input);
    String storage = MarkdownToStorage.convert(md).storage();

    StorageXml.parse(storage);
    assertThat(StorageToMarkdown.convert(storage)).isEqualTo(md);
  }
}
