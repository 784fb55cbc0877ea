package dev.conf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conf.testing.ConfRunner;
import dev.conf.testing.ConfRunner.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code conf convert}: offline, from a file or stdin, with usage errors for what it cannot do. */
class ConvertCommandTest {
  static final String MD = "---\ntitle: Notes\n---\n# Hello\n\n- [x] done\n";
  static final String STORAGE =
      "<h1>Hello</h1>\n<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>complete"
          + "</ac:task-status><ac:task-body>done</ac:task-body></ac:task></ac:task-list>\n";

  @TempDir Path tmp;
  ConfRunner conf;

  @BeforeEach
  void setUp() {
    conf = new ConfRunner(tmp.resolve("config"));
  }

  @Test
  void markdownFileToStorageByItsExtension() throws IOException {
    Path file = Files.writeString(tmp.resolve("notes.md"), MD);

    Result r = conf.run("convert", file.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo(STORAGE);
    assertThat(r.err()).isEmpty();
    assertThat(tmp.resolve("config")).doesNotExist();
    assertThat(conf.keychainOpened).isZero();
  }

  @Test
  void storageFileToMarkdownByItsExtension() throws IOException {
    Path file = Files.writeString(tmp.resolve("page.XHTML"), STORAGE);

    Result r = conf.run("convert", file.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("# Hello\n\n- [x] done\n");
  }

  @Test
  void stdinWithFrom() {
    Result toStorage = conf.stdin(MD).run("convert", "--from", "md", "-");
    assertThat(toStorage.exitCode()).as(toStorage.toString()).isZero();
    assertThat(toStorage.out()).isEqualTo(STORAGE);

    Result toMd = conf.stdin(STORAGE).run("convert", "--from=storage");
    assertThat(toMd.exitCode()).as(toMd.toString()).isZero();
    assertThat(toMd.out()).isEqualTo("# Hello\n\n- [x] done\n");
  }

  @Test
  void markdownIsMdInAnyCaseAsEveryFormatOptionTakesIt() {
    Result from = conf.stdin(MD).run("convert", "--from", "markdown", "-");
    assertThat(from.exitCode()).as(from.toString()).isZero();
    assertThat(from.out()).isEqualTo(STORAGE);
    Result to = conf.stdin(STORAGE).run("convert", "--from", "STORAGE", "--to", "Markdown");
    assertThat(to.exitCode()).as(to.toString()).isZero();
    assertThat(to.out()).isEqualTo("# Hello\n\n- [x] done\n");
  }

  @Test
  void fromOverridesTheExtension() throws IOException {
    Path file = Files.writeString(tmp.resolve("body.txt"), "<p>a <strong>b</strong></p>");

    Result r = conf.run("convert", "--from", "storage", "--to", "md", file.toString());

    assertThat(r.out()).isEqualTo("a **b**\n");
  }

  @Test
  void stdinWithoutFromIsAUsageError() {
    Result r = conf.stdin(MD).run("convert");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("conf: reading stdin needs --from md or --from storage\n");
  }

  @Test
  void aMissingFileIsAUsageErrorOnOneLine() {
    Result r = conf.run("convert", tmp.resolve("nope.md").toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("conf: no such file: " + tmp.resolve("nope.md") + "\n");
  }

  @Test
  void anUnknownExtensionOrADirectoryIsAUsageError() throws IOException {
    Path file = Files.writeString(tmp.resolve("notes.txt"), "x");

    Result unknown = conf.run("convert", file.toString());
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("add --from md or --from storage");

    Path dir = Files.createDirectory(tmp.resolve("docs.md"));
    Result directory = conf.run("convert", dir.toString());
    assertThat(directory.exitCode()).isEqualTo(2);
    assertThat(directory.err()).isEqualTo("conf: '" + dir + "' is a directory, not a file\n");
  }

  @Test
  void badFlagsAreUsageErrors() {
    Result badFormat = conf.run("convert", "--from", "docx", "-");
    assertThat(badFormat.exitCode()).isEqualTo(2);
    assertThat(badFormat.err()).contains("--from").contains("md (or markdown) or storage");

    Result same = conf.stdin("x").run("convert", "--from", "md", "--to", "md");
    assertThat(same.exitCode()).isEqualTo(2);
    assertThat(same.err()).isEqualTo("conf: --from and --to are both md: nothing to convert\n");

    Result extra = conf.run("convert", "a.md", "b.md");
    assertThat(extra.exitCode()).isEqualTo(2);
    assertThat(extra.out()).isEmpty();
  }

  @Test
  void helpListsTheCommand() {
    assertThat(conf.run("--help").out()).contains("convert");
    assertThat(conf.run("convert", "--help").out()).contains("--from", "--to", "FILE");
  }

  @Test
  void onATerminalItSaysItIsWaitingForInput() {
    Result r = conf.terminal().stdin(MD).run("convert", "--from", "md");

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEqualTo("Reading md from the terminal; end with Ctrl-D.\n");
    assertThat(r.out()).isEqualTo(STORAGE);
  }

  @Test
  void forDataCenterCodeLanguagesAreOnesItsMacroKnows() {
    String md = "```yaml\na: 1\n```\n";

    Result dc = conf.stdin(md).run("--deployment", "dc", "convert", "--from", "md");
    assertThat(dc.out()).contains("<ac:parameter ac:name=\"language\">yml</ac:parameter>");

    Result env = conf.env("CONFLUENCE_DEPLOYMENT", "dc").stdin(md).run("convert", "--from", "md");
    assertThat(env.out()).isEqualTo(dc.out());

    Result cloud = conf.stdin(md).run("convert", "--from", "md", "--deployment", "cloud");
    assertThat(cloud.out()).contains("<ac:parameter ac:name=\"language\">yaml</ac:parameter>");
  }
}
