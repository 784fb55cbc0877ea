package dev.conf.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Storage → Markdown → storage keeps what pages are full of: layouts, every {@code ac:image}
 * attribute, and emoticons as {@code ac:emoticon} (issue 13, "Round trips that keep the page").
 */
class KeepThePageTest {
  private static List<String> kept(String storage) {
    Document doc = Jsoup.parse(storage, "", Parser.xmlParser());
    doc.outputSettings().prettyPrint(false);
    return doc
        .select("ac|layout, ac|layout-section, ac|layout-cell, ac|image, ac|image > *, ac|emoticon")
        .stream()
        .map(KeepThePageTest::shape)
        .toList();
  }

  /** The element's name and attributes in order, without its content. */
  private static String shape(Element e) {
    StringBuilder sb = new StringBuilder(e.tagName());
    e.attributes().forEach(a -> sb.append(' ').append(a.getKey()).append("=").append(a.getValue()));
    return sb.toString();
  }

  private static String roundTrip(String storage) {
    return MarkdownToStorage.convert(StorageToMarkdown.convert(storage)).storage();
  }

  @ParameterizedTest
  @ValueSource(strings = {"keep/two-columns.storage.xhtml", "sections/runbook.storage.xhtml"})
  void layoutsImagesAndEmoticonsComeBackWithEveryAttribute(String name) {
    String storage = StorageSectionsTest.resource(name);
    List<String> before = kept(storage);
    assertThat(before).isNotEmpty();
    assertThat(kept(roundTrip(storage))).isEqualTo(before);
  }

  @Test
  void theLayoutShapeAndTheCellsContentStayInTheirCells() {
    String back = roundTrip(StorageSectionsTest.resource("keep/two-columns.storage.xhtml"));
    Document doc = Jsoup.parse(back, "", Parser.xmlParser());
    List<Element> cells = doc.select("ac|layout-cell");
    assertThat(cells).hasSize(3);
    assertThat(cells.get(0).select("h1").text()).isEqualTo("Release 2.0");
    assertThat(cells.get(1).select("strong").text()).isEqualTo("Owner");
    assertThat(cells.get(2).select("h2").text()).isEqualTo("Notes");
  }

  @Test
  void anImageWithOnlyAltAndTitleIsStillMarkdown() {
    assertThat(
            StorageToMarkdown.convert(
                "<p><ac:image ac:alt=\"a\" ac:title=\"t\"><ri:attachment ri:filename=\"x.png\"/>"
                    + "</ac:image></p>"))
        .isEqualTo("![a](x.png \"t\")\n");
  }

  @Test
  void editorFixtureKeepsItsEmoticonAndImage() throws java.io.IOException {
    String storage = ReferenceFixturesTest.fixture("mark-export-editor.xml");
    assertThat(kept(roundTrip(storage))).isEqualTo(kept(storage));
  }
}
