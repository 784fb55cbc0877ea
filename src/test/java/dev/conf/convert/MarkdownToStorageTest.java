package dev.conf.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class MarkdownToStorageTest {
  static String storage(String md) {
    String s = MarkdownToStorage.convert(md).storage();
    StorageXml.parse(s);
    return s;
  }

  @Test
  void frontMatterIsMetadataAndNeverRendered() {
    StorageResult r =
        MarkdownToStorage.convert(
            "---\ntitle: \"Release: 2.0\"\nlabels:\n  - release\n  - howto\nparent: Home\n"
                + "owner: jane # a comment\n---\n# Body\n");

    assertThat(r.meta().title()).isEqualTo("Release: 2.0");
    assertThat(r.meta().labels()).containsExactly("release", "howto");
    assertThat(r.meta().parent()).isEqualTo("Home");
    assertThat(r.meta().raw()).containsEntry("owner", "jane");
    assertThat(r.storage()).isEqualTo("<h1>Body</h1>\n");
  }

  @Test
  void frontMatterLabelsMayBeAFlowListOrCommaSeparated() {
    assertThat(MarkdownToStorage.convert("---\nlabels: [a, 'b c']\n---\n").meta().labels())
        .containsExactly("a", "b c");
    assertThat(MarkdownToStorage.convert("---\nlabels: a, b\n---\n").meta().labels())
        .containsExactly("a", "b");
  }

  @Test
  void withoutAClosingLineThereIsNoFrontMatter() {
    StorageResult r = MarkdownToStorage.convert("---\ntitle: x\n");

    assertThat(r.meta().isEmpty()).isTrue();
    assertThat(r.storage()).isEqualTo("<hr/>\n<p>title: x</p>\n");
  }

  @Test
  void frontMatterRendersBackForExport() {
    FrontMatter fm = FrontMatter.of("A \"quoted\" title", java.util.List.of("x"), null);
    StorageResult r = MarkdownToStorage.convert(fm.toMarkdown() + "text\n");

    assertThat(r.meta().title()).isEqualTo("A \"quoted\" title");
    assertThat(r.meta().labels()).containsExactly("x");
    assertThat(r.storage()).isEqualTo("<p>text</p>\n");
  }

  @Test
  void cdataTerminatorInsideCodeIsSplitAndReadsBackAsTheSameCode() {
    String code = "a]]>b]]>\n]]]>";
    String s = storage("```\n" + code + "\n```\n");

    Document doc = StorageXml.parse(s);
    assertThat(
            doc.getElementsByTagNameNS("http://atlassian.com/content", "plain-text-body")
                .item(0)
                .getTextContent())
        .isEqualTo(code);
  }

  @Test
  void resolversDecideWhichLinksArePagesAndWhatImagesAreCalled() {
    ConvertOptions opts =
        ConvertOptions.defaults()
            .withPageForLink(
                path -> Optional.ofNullable(Map.of("docs/setup.md", "Setting up").get(path)))
            .withAttachmentForImage(path -> path.replace('/', '_'));
    StorageResult r =
        MarkdownToStorage.convert(
            "[a](docs/setup.md) [b](other.md) ![c](img/x%20y.png) ![d](img/x%20y.png)\n", opts);

    assertThat(r.storage())
        .isEqualTo(
            "<p><ac:link><ri:page ri:content-title=\"Setting up\"/><ac:plain-text-link-body>"
                + "<![CDATA[a]]></ac:plain-text-link-body></ac:link> <a href=\"other.md\">b</a> "
                + "<ac:image ac:alt=\"c\"><ri:attachment ri:filename=\"img_x y.png\"/></ac:image> "
                + "<ac:image ac:alt=\"d\"><ri:attachment ri:filename=\"img_x y.png\"/></ac:image>"
                + "</p>\n");
    assertThat(r.pageLinks()).containsExactly("docs/setup.md");
    assertThat(r.localImages()).containsExactly("img/x y.png");
  }

  @Test
  void defaultsTurnMarkdownFilesIntoPagesByFileName() {
    StorageResult r = MarkdownToStorage.convert("[a](../guide/Install%20it.markdown)\n");

    assertThat(r.storage()).contains("<ri:page ri:content-title=\"Install it\"/>");
    assertThat(r.pageLinks()).containsExactly("../guide/Install it.markdown");
  }

  @Test
  void bareUrlsBecomeLinks() {
    assertThat(storage("see https://example.com/x and www.example.org\n"))
        .isEqualTo(
            "<p>see <a href=\"https://example.com/x\">https://example.com/x</a> and "
                + "<a href=\"http://www.example.org\">www.example.org</a></p>\n");
  }

  @Test
  void indentedCodeIsACodeMacroWithoutLanguage() {
    assertThat(storage("    x < y\n"))
        .isEqualTo(
            "<ac:structured-macro ac:name=\"code\"><ac:plain-text-body><![CDATA[x < y]]>"
                + "</ac:plain-text-body></ac:structured-macro>\n");
  }

  @Test
  void anInfoStringThatIsNotKeyValuePairsKeepsOnlyTheLanguage() {
    assertThat(storage("```sh title A b\nls\n```\n"))
        .isEqualTo(
            "<ac:structured-macro ac:name=\"code\"><ac:parameter ac:name=\"language\">sh"
                + "</ac:parameter><ac:plain-text-body><![CDATA[ls]]></ac:plain-text-body>"
                + "</ac:structured-macro>\n");
  }

  @Test
  void rawHtmlIsShownAsTextUnlessItIsASimpleKnownTag() {
    assertThat(storage("<div onclick=\"x()\">\nhi & bye\n</div>\n\na <span>b</span><br> c\n"))
        .isEqualTo(
            "<p>&lt;div onclick=\"x()\"&gt;<br/>hi &amp; bye<br/>&lt;/div&gt;</p>\n"
                + "<p>a &lt;span&gt;b&lt;/span&gt;<br/> c</p>\n");
  }

  @Test
  void htmlCommentsAreTheAuthorsNotesAndAreLeftOut() {
    assertThat(storage("<!-- todo -->\n\ntext <!-- inline --> more\n"))
        .isEqualTo("<p>text  more</p>\n");
  }

  @Test
  void aListMixingTasksAndPlainItemsStaysAPlainList() {
    assertThat(storage("- [ ] a\n- b\n")).isEqualTo("<ul><li>[ ] a</li><li>b</li></ul>\n");
  }

  @Test
  void taskIdsAreUniqueAcrossTheDocument() {
    String s = storage("- [ ] a\n\ntext\n\n- [x] b\n");

    assertThat(s).contains("<ac:task-id>1</ac:task-id>").contains("<ac:task-id>2</ac:task-id>");
  }

  @Test
  void aQuoteIsAnAlertOnlyWhenTheMarkerIsAloneOnItsLine() {
    assertThat(storage("> [!NOTE] not alone\n")).startsWith("<blockquote>");
    assertThat(storage("> [!DANGER]\n> unknown kind\n")).startsWith("<blockquote>");
    assertThat(storage("> [!tip]\n> lower case\n"))
        .isEqualTo(
            "<ac:structured-macro ac:name=\"tip\"><ac:rich-text-body><p>lower case</p>"
                + "</ac:rich-text-body></ac:structured-macro>\n");
  }

  @Test
  void specialCharactersAreEscapedEverywhere() {
    String s = storage("# a < b & \"c\"\n\n[x](https://e.com/?a=1&b=\"2\" \"t<\")\n");

    assertThat(s)
        .isEqualTo(
            "<h1>a &lt; b &amp; \"c\"</h1>\n"
                + "<p><a href=\"https://e.com/?a=1&amp;b=&quot;2&quot;\" title=\"t&lt;\">x</a></p>\n");
  }

  @Test
  void controlCharactersThatXmlForbidsAreReplaced() {
    assertThat(storage("a\u0001b\n")).isEqualTo("<p>a\uFFFDb</p>\n");
  }

  @Test
  void windowsLineEndingsAndAByteOrderMarkAreAccepted() {
    assertThat(storage("\uFEFF# T\r\n\r\ntext\r\n")).isEqualTo("<h1>T</h1>\n<p>text</p>\n");
  }

  @Test
  void emptyInputGivesEmptyStorage() {
    assertThat(MarkdownToStorage.convert("").storage()).isEmpty();
  }

  @Test
  void htmlTagsFromMarkdownAreBalancedWithinTheirParagraphAndFormatting() {
    assertThat(storage("a <u>b\n\nc</u> d\n")).isEqualTo("<p>a <u>b</u></p>\n<p>c d</p>\n");
    assertThat(storage("<u>*a</u>*\n")).isEqualTo("<p><u><em>a</em></u></p>\n");
    assertThat(storage("<sub><sup>x</sub></sup>\n")).isEqualTo("<p><sub><sup>x</sup></sub></p>\n");
    assertThat(storage("<u>\n\nx\n")).isEqualTo("<p>&lt;u&gt;</p>\n<p>x</p>\n");
  }

  @Test
  void dataCenterGetsCodeLanguagesItsMacroKnowsOrNone() {
    ConvertOptions dc = ConvertOptions.defaults().withCodeLanguage(CodeLanguages::dataCenter);
    String md = "```Python\na\n```\n\n```kotlin\nb\n```\n";

    assertThat(MarkdownToStorage.convert(md, dc).storage())
        .isEqualTo(
            "<ac:structured-macro ac:name=\"code\"><ac:parameter ac:name=\"language\">py"
                + "</ac:parameter><ac:plain-text-body><![CDATA[a]]></ac:plain-text-body>"
                + "</ac:structured-macro>\n"
                + "<ac:structured-macro ac:name=\"code\"><ac:plain-text-body><![CDATA[b]]>"
                + "</ac:plain-text-body></ac:structured-macro>\n");
    assertThat(MarkdownToStorage.convert(md).storage())
        .contains(">Python</ac:parameter>")
        .contains(">kotlin</ac:parameter>");
  }
}
