package dev.conf.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StorageToMarkdownTest {
  static String md(String storage) {
    return StorageToMarkdown.convert(storage);
  }

  /** Storage → Markdown → storage. */
  static String back(String storage) {
    String s = MarkdownToStorage.convert(md(storage)).storage();
    StorageXml.parse(s);
    return s;
  }

  @Test
  void editorStyleParagraphsInListItemsAndCellsReadNaturally() {
    assertThat(
            md(
                "<ol start=\"3\"><li><p>Merge</p></li><li><p>Build</p><ul><li>linux</li></ul></li></ol>"
                    + "<table data-layout=\"default\"><colgroup><col/></colgroup><tbody>"
                    + "<tr><th><p><strong>Platform</strong></p></th></tr>"
                    + "<tr><td><p>linux | amd64</p></td></tr></tbody></table>"))
        .isEqualTo(
            "3. Merge\n\n4. Build\n\n   - linux\n\n| **Platform** |\n| --- |\n| linux \\| amd64 |\n");
  }

  @Test
  void mentionsBecomeUserLinksAndComeBack() {
    String storage = "<p>By <ac:link><ri:user ri:account-id=\"5b10\" /></ac:link>.</p>";

    assertThat(md(storage)).isEqualTo("By [@5b10](conf:user?account-id=5b10).\n");
    assertThat(back(storage))
        .isEqualTo("<p>By <ac:link><ri:user ri:account-id=\"5b10\"/></ac:link>.</p>\n");
  }

  @Test
  void emoticonsStayEmoticonsShowingTheirEmoji() {
    String tick =
        "<ac:emoticon ac:name=\"tick\" ac:emoji-shortname=\":white_check_mark:\""
            + " ac:emoji-fallback=\"✅\" />";
    assertThat(
            md(
                "<p>"
                    + tick
                    + " <ac:emoticon ac:name=\"warning\" />"
                    + " <ac:emoticon ac:name=\"blue-rocket\" /></p>"))
        .isEqualTo(
            "[✅]("
                + ConfLinks.of("storage", "xml", tick)
                + ") [⚠️]("
                + ConfLinks.of("storage", "xml", "<ac:emoticon ac:name=\"warning\" />")
                + ") [\\:blue-rocket:]("
                + ConfLinks.of("storage", "xml", "<ac:emoticon ac:name=\"blue-rocket\" />")
                + ")\n");
  }

  @Test
  void layoutsKeepTheirStructureAroundTheirCellsMarkdown() {
    assertThat(
            md(
                "<ac:layout><ac:layout-section ac:type=\"two_equal\"><ac:layout-cell><h2>Left</h2>"
                    + "</ac:layout-cell><ac:layout-cell><p>Right</p></ac:layout-cell>"
                    + "</ac:layout-section></ac:layout>"))
        .isEqualTo(
            "```confluence-storage\n<ac:layout><ac:layout-section ac:type=\"two_equal\">"
                + "<ac:layout-cell>\n```\n\n## Left\n\n```confluence-storage\n"
                + "</ac:layout-cell><ac:layout-cell>\n```\n\nRight\n\n```confluence-storage\n"
                + "</ac:layout-cell></ac:layout-section></ac:layout>\n```\n");
  }

  @Test
  void tablesMarkdownCannotHoldAreKeptVerbatim() {
    String table =
        "<table><tbody><tr><td colspan=\"2\"><p>Merged</p></td></tr>"
            + "<tr><td><p>a</p></td><td><ul><li>b</li></ul></td></tr></tbody></table>";

    assertThat(md(table)).isEqualTo("```confluence-storage\n" + table + "\n```\n");
    assertThat(back(table)).isEqualTo(table + "\n");
  }

  @Test
  void aPanelWithATitleIsKeptVerbatimBecauseAnAlertHasNone() {
    String panel =
        "<ac:structured-macro ac:name=\"note\"><ac:parameter ac:name=\"title\">Careful</ac:parameter>"
            + "<ac:rich-text-body><p>x</p></ac:rich-text-body></ac:structured-macro>";

    assertThat(md(panel)).startsWith("```confluence-storage\n");
    assertThat(back(panel)).isEqualTo(panel + "\n");
  }

  @Test
  void panelIconParametersAndMacroIdsAreNotContent() {
    assertThat(
            md(
                "<ac:structured-macro ac:name=\"warning\" ac:macro-id=\"a1\"><ac:parameter"
                    + " ac:name=\"icon\">true</ac:parameter><ac:rich-text-body>Loose text"
                    + "</ac:rich-text-body></ac:structured-macro>"))
        .isEqualTo("> [!CAUTION]\n> Loose text\n");
  }

  @Test
  void inlineMacrosAndMarkersTravelInsideALinkShowingTheirText() {
    String storage =
        "<p><ac:inline-comment-marker ac:ref=\"77aa\">Reviewed</ac:inline-comment-marker> on"
            + " <time datetime=\"2024-03-05\" />.</p>";

    String md = md(storage);
    assertThat(md).startsWith("[Reviewed](conf:storage?xml=%3Cac%3Ainline-comment-marker");
    assertThat(md).contains(" on [time](conf:storage?xml=%3Ctime");
    assertThat(back(storage)).isEqualTo(storage + "\n");
  }

  @Test
  void codeMacroParametersBecomeTheInfoString() {
    assertThat(
            md(
                "<ac:structured-macro ac:name=\"code\"><ac:parameter ac:name=\"language\">yaml"
                    + "</ac:parameter><ac:parameter ac:name=\"title\">a b</ac:parameter>"
                    + "<ac:plain-text-body><![CDATA[x: ``` ]]]]><![CDATA[>]]></ac:plain-text-body>"
                    + "</ac:structured-macro>"))
        .isEqualTo("````yaml title=\"a b\"\nx: ``` ]]>\n````\n");
  }

  @Test
  void aCodeMacroWithOptionsButNoLanguageIsKeptVerbatim() {
    String code =
        "<ac:structured-macro ac:name=\"code\"><ac:parameter ac:name=\"title\">t</ac:parameter>"
            + "<ac:plain-text-body><![CDATA[x]]></ac:plain-text-body></ac:structured-macro>";

    assertThat(back(code)).isEqualTo(code + "\n");
  }

  @Test
  void entitiesAndWhitespaceAreReadAsTextNotMarkup() {
    assertThat(md("<p>\n  a&nbsp;b   c &lt;d&gt; &amp;amp;\n  e\n</p>"))
        .isEqualTo("a\u00a0b c \\<d> \\&amp;\ne\n");
  }

  @Test
  void textThatLooksLikeMarkdownStaysText() {
    String storage = "<p>1. * _x_ [TOC] # h</p><p>[!NOTE]</p><p>-</p>";

    assertThat(md(storage)).isEqualTo("1\\. \\* \\_x\\_ \\[TOC\\] # h\n\n\\[!NOTE\\]\n\n\\-\n");
    assertThat(back(storage)).isEqualTo("<p>1. * _x_ [TOC] # h</p>\n<p>[!NOTE]</p>\n<p>-</p>\n");
  }

  @Test
  void formattingEdgesKeepTheirSpacesOutsideTheMarkers() {
    assertThat(md("<p>a<strong> b </strong>c<em></em>d</p>")).isEqualTo("a **b** cd\n");
  }

  @Test
  void colouredTextKeepsItsTextAndLineThroughSpansAreStrikethrough() {
    assertThat(
            md(
                "<p><span style=\"color: red;\">red</span> <span"
                    + " style=\"text-decoration: line-through;\">old</span></p>"))
        .isEqualTo("red ~~old~~\n");
  }

  @Test
  void resolversPickLinkTargetsForExport() {
    ConvertOptions opts =
        ConvertOptions.defaults()
            .withLinkForPage(p -> Optional.of("../" + p.title().toLowerCase() + ".md"))
            .withPathForAttachment(f -> "attachments/" + f);

    assertThat(
            StorageToMarkdown.convert(
                "<p><ac:link ac:anchor=\"s\"><ri:page ri:content-title=\"Setup\"/></ac:link>"
                    + "<ac:image><ri:attachment ri:filename=\"a.png\"/></ac:image></p>",
                opts))
        .isEqualTo("[Setup](../setup.md#s)![](attachments/a.png)\n");
  }

  @Test
  void linksToOtherSpacesAndAnchorsUseConfTargets() {
    assertThat(
            md(
                "<p><ac:link ac:anchor=\"x y\"><ri:page ri:space-key=\"OPS\""
                    + " ri:content-title=\"Run book\"/></ac:link> <ac:link ac:anchor=\"top\">"
                    + "<ac:plain-text-link-body><![CDATA[up]]></ac:plain-text-link-body></ac:link></p>"))
        .isEqualTo("[Run book](conf:page?space=OPS&title=Run%20book&anchor=x%20y) [up](#top)\n");
  }

  @Test
  void preformattedTextIsACodeBlock() {
    assertThat(md("<pre>a  b\n c</pre>")).isEqualTo("```\na  b\n c\n```\n");
  }

  @Test
  void anEmptyBodyIsAnEmptyDocument() {
    assertThat(md("")).isEmpty();
    assertThat(md("<p> </p>")).isEmpty();
  }

  @Test
  void formattingThatMarkdownDelimitersCannotOpenOrCloseUsesHtmlTags() {
    String storage = "<p>x<em>\"y\"</em>z, <strong>(a)</strong>b and <em>ok</em>.</p>";

    assertThat(md(storage)).isEqualTo("x<em>\"y\"</em>z, <strong>(a)</strong>b and *ok*.\n");
    assertThat(back(storage)).isEqualTo(storage + "\n");
  }

  @Test
  void anExclamationMarkBeforeALinkIsNotAnImage() {
    String storage = "<p>Wow!<a href=\"https://e.com\">link</a></p>";

    assertThat(md(storage)).isEqualTo("Wow\\![link](https://e.com)\n");
    assertThat(back(storage)).isEqualTo(storage + "\n");
  }

  @Test
  void lineBreaksAtTheEdgesOfAParagraphAreDropped() {
    assertThat(md("<p><br/>a<br/>b<br/></p><p><br/></p>")).isEqualTo("a\\\nb\n");
  }

  @Test
  void adjacentCodeElementsBecomeOneSpan() {
    assertThat(md("<p><code>a</code><code>b</code></p>")).isEqualTo("`ab`\n");
  }

  @Test
  void adjacentListsStayApart() {
    String storage = "<ul><li>a</li></ul>\n<ul><li>b</li></ul>";

    assertThat(md(storage)).isEqualTo("- a\n\n<!-- -->\n\n- b\n");
    assertThat(back(storage)).isEqualTo("<ul><li>a</li></ul>\n<ul><li>b</li></ul>\n");
  }

  @Test
  void formattingInsideTheSameFormattingIsWrittenOnce() {
    assertThat(md("<p><strong>a <strong>b</strong></strong></p>")).isEqualTo("**a b**\n");
    assertThat(md("<p><em>a</em><em>b</em></p>")).isEqualTo("<em>a</em>*b*\n");
  }

  @Test
  void anEmptyTaskStaysATask() {
    String storage =
        "<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>incomplete"
            + "</ac:task-status><ac:task-body></ac:task-body></ac:task></ac:task-list>";

    assertThat(md(storage)).isEqualTo("- [ ] <!---->\n");
    assertThat(back(storage)).isEqualTo(storage + "\n");
  }

  @Test
  void aLineBreakInAHeadingIsKept() {
    String storage = "<h2>a<br/>b</h2>";

    assertThat(md(storage)).isEqualTo("## a<br>b\n");
    assertThat(back(storage)).isEqualTo("<h2>a<br/>b</h2>\n");
  }

  @Test
  void escapedTocAndAlertMarkersStayText() {
    String storage = "<p>[TOC]</p><blockquote><p>[!NOTE]</p><p>x</p></blockquote>";

    assertThat(back(storage))
        .isEqualTo("<p>[TOC]</p>\n<blockquote><p>[!NOTE]</p><p>x</p></blockquote>\n");
  }

  @Test
  void aRuleFirstIsNotReadAsFrontMatter() {
    String storage = "<hr/><p>a</p><hr/>";

    assertThat(md(storage)).isEqualTo("***\n\na\n\n---\n");
    assertThat(back(storage)).isEqualTo("<hr/>\n<p>a</p>\n<hr/>\n");
  }

  @Test
  void textShapedLikeATableStaysText() {
    String storage = "<p>| a | b |\n| --- | --- |\n:-- | x</p>";

    assertThat(md(storage)).isEqualTo("\\| a | b |\n\\| --- | --- |\n\\:-- | x\n");
    assertThat(back(storage)).isEqualTo("<p>| a | b |\n| --- | --- |\n:-- | x</p>\n");
  }

  @Test
  void listsApartStayApartAcrossEmptyParagraphs() {
    assertThat(md("<ol><li>a</li></ol><p><br/></p><ol><li>b</li></ol>"))
        .isEqualTo("1. a\n\n<!-- -->\n\n1. b\n");
  }
}
