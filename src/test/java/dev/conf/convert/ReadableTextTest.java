package dev.conf.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The text {@code conf page view} shows, checked against golden files: real storage documents
 * (src/test/resources/text, see SOURCES.md there) rendered plain at 80 and 40 columns and unwrapped
 * (a pipe), and with styles.
 */
class ReadableTextTest {
  private static final ReadableText.Options STYLED =
      new ReadableText.Options(
          80, s -> "<T>" + s + "</T>", s -> "<H>" + s + "</H>", s -> "<L>" + s + "</L>");

  static String resource(String name) throws IOException {
    try (InputStream in = ReadableTextTest.class.getResourceAsStream("/text/" + name)) {
      if (in == null) {
        throw new IOException("missing test resource text/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest(name = "{0} at {1} columns")
  @CsvSource({
    "editor.storage.xml, 80, editor.80.txt",
    "editor.storage.xml, 40, editor.40.txt",
    "editor.storage.xml, 0, editor.pipe.txt",
    "admonitions.storage.xhtml, 80, admonitions.80.txt"
  })
  void realDocumentsReadWell(String storage, int width, String golden) throws IOException {
    String text = ReadableText.render(resource(storage), ReadableText.Options.plain(width));
    assertThat(text).isEqualTo(resource(golden));
    if (width > 0) {
      assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(width));
    }
  }

  @Test
  void stylesGoOnHeadingsLabelsAndTableHeadersOnly() throws IOException {
    assertThat(ReadableText.render(resource("editor.storage.xml"), STYLED))
        .isEqualTo(resource("editor.styled.txt"));
  }

  @Test
  void orderedListsAreNumberedFromTheirStartAndNestedListsIndented() {
    String storage =
        "<ol><li>one</li><li><p>two</p><ol><li>two.a</li><li>two.b<ul><li>deep</li></ul></li>"
            + "</ol></li><li>three</li></ol><ol start=\"7\"><li>seven</li></ol>";
    assertThat(ReadableText.render(storage, ReadableText.Options.PLAIN))
        .isEqualTo(
            "1. one\n2. two\n   1. two.a\n   2. two.b\n      ▪ deep\n3. three\n\n7. seven\n");
  }

  @Test
  void aMentionShowsTheNameKnownForItsIdElseTheIdAndAUsernameAsItIs() {
    String storage =
        "<p>ask <ac:link><ri:user ri:account-id=\"557058:abc\"/></ac:link>, "
            + "<ac:link><ri:user ri:userkey=\"8a7f\"/></ac:link> or "
            + "<ac:link><ri:user ri:username=\"jdoe\"/></ac:link></p>";
    assertThat(
            ReadableText.render(
                storage, ReadableText.Options.PLAIN, Mentions.of(Map.of("557058:abc", "Ada L"))))
        .isEqualTo("ask @Ada L, @8a7f or @jdoe\n");
  }

  @Test
  void aParagraphIsWrappedWithAHangingIndentInAListItem() {
    String storage = "<ul><li>alpha beta gamma delta epsilon zeta eta theta</li></ul>";
    assertThat(ReadableText.render(storage, ReadableText.Options.plain(20)))
        .isEqualTo("• alpha beta gamma\n  delta epsilon zeta\n  eta theta\n");
  }

  @Test
  void aTableTooWideBecomesOneRecordPerRow() {
    String storage =
        "<table><tbody><tr><th>Name</th><th>Description</th></tr>"
            + "<tr><td>conf</td><td>a command-line client for Confluence Cloud and Data Center"
            + "</td></tr></tbody></table>";
    assertThat(ReadableText.render(storage, ReadableText.Options.plain(30)))
        .isEqualTo(
            "Name: conf\nDescription: a command-line\n  client for Confluence Cloud\n"
                + "  and Data Center\n");
    ReadableText.Options styled = new ReadableText.Options(30, s -> s, s -> s, s -> "<" + s + ">");
    assertThat(ReadableText.render(storage, styled))
        .startsWith("<Name:> conf\n<Description:> a command-line\n");
    assertThat(ReadableText.render(storage, ReadableText.Options.PLAIN))
        .isEqualTo(
            "Name  Description\n────  "
                + "─".repeat("a command-line client for Confluence Cloud and Data Center".length())
                + "\nconf  a command-line client for Confluence Cloud and Data Center\n");
  }

  @Test
  void linksShowTheirTargetOnlyWhenItDiffersFromTheText() {
    String storage =
        "<p><a href=\"https://example.com\">https://example.com</a>, "
            + "<a href=\"https://example.com/a\">docs</a>, <a href=\"#top\">top</a>, "
            + "<ac:link><ri:page ri:content-title=\"Runbook\"/></ac:link>, "
            + "<ac:link><ri:page ri:content-title=\"Runbook\"/><ac:plain-text-link-body>"
            + "<![CDATA[the runbook]]></ac:plain-text-link-body></ac:link></p>";
    assertThat(ReadableText.render(storage, ReadableText.Options.PLAIN))
        .isEqualTo(
            "https://example.com, docs (https://example.com/a), top, Runbook, the runbook"
                + " (Runbook)\n");
  }

  @Test
  void emptyIsEmpty() {
    assertThat(ReadableText.render(null, ReadableText.Options.PLAIN)).isEmpty();
    assertThat(ReadableText.render("<p> </p>", ReadableText.Options.PLAIN)).isEmpty();
  }
}
