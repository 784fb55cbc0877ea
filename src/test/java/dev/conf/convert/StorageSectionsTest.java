package dev.conf.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conf.convert.StorageSections.SectionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StorageSectionsTest {
  private static final String PAGE = resource("sections/runbook.storage.xhtml");

  static String resource(String name) {
    try (InputStream in = StorageSectionsTest.class.getResourceAsStream("/convert/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Asserts that {@code edited} is {@code PAGE} with exactly {@code old} turned into {@code neu}.
   */
  private static void assertOnlyChanged(String edited, String old, String neu) {
    int at = PAGE.indexOf(old);
    assertThat(at).as("the old text is in the page once").isNotNegative();
    assertThat(PAGE.indexOf(old, at + 1)).isNegative();
    assertThat(edited.substring(0, at)).isEqualTo(PAGE.substring(0, at));
    assertThat(edited.substring(at, at + neu.length())).isEqualTo(neu);
    assertThat(edited.substring(at + neu.length())).isEqualTo(PAGE.substring(at + old.length()));
  }

  @Test
  void sectionHeadingsAreTopLevelOrInLayoutCellsNotInMacrosOrTables() {
    assertThat(StorageSections.headings(PAGE))
        .extracting(StorageSections.Heading::text)
        .containsExactly(
            "Overview", "Install", "Prerequisites", "Contacts", "Rollback & recovery", "Changelog");
  }

  @Test
  void aTopLevelSectionRunsToTheNextHeadingOfItsLevelAcrossTheLayout() {
    String edited = StorageSections.replace(PAGE, "Overview", "<p>Short.</p>");
    String old =
        PAGE.substring(
            PAGE.indexOf("<p>This page"),
            PAGE.indexOf("</ac:layout>\n<h1>") + "</ac:layout>".length());
    assertOnlyChanged(edited, old, "<p>Short.</p>");
  }

  @Test
  void aSectionInACellEndsAtASubheadingsParentLevelOrTheCell() {
    String install = StorageSections.replace(PAGE, "Install", "<p>new</p>");
    String old =
        PAGE.substring(
            PAGE.indexOf("<p>Run the installer"), PAGE.indexOf("</ul>") + "</ul>".length());
    assertOnlyChanged(install, old, "<p>new</p>");

    String prereq = StorageSections.replace(PAGE, "Prerequisites", "<p>none</p>");
    assertOnlyChanged(
        prereq,
        "<ul><li><p>Java&nbsp;17</p></li><li><p>a <strong>service</strong> account</p></li></ul>",
        "<p>none</p>");
  }

  @Test
  void headingsAreNamedByTheirDecodedText() {
    String edited = StorageSections.replace(PAGE, "  Rollback   &  recovery ", "<p>x</p>");
    String old =
        PAGE.substring(
            PAGE.indexOf("<ac:structured-macro ac:name=\"expand\""),
            PAGE.indexOf("backup.</p>") + "backup.</p>".length());
    assertOnlyChanged(edited, old, "<p>x</p>");
  }

  @Test
  void replacingASectionWithItsOwnContentGivesThePageBack() {
    for (StorageSections.Heading h : StorageSections.headings(PAGE)) {
      String content = StorageSections.content(PAGE, h.text());
      assertThat(StorageSections.replace(PAGE, h.text(), content.strip())).isEqualTo(PAGE);
    }
  }

  @Test
  void theLastSectionRunsToTheEndOfThePage() {
    String edited = StorageSections.replace(PAGE, "Changelog", "<p>v2</p>");
    assertOnlyChanged(
        edited,
        "<p><time datetime=\"2026-11-30\" /> first version</p>\n<!-- kept as it is -->",
        "<p>v2</p>");
  }

  @Test
  void appendGoesToTheEndOrIntoTheLastCellOfAPageThatIsALayout() {
    assertThat(StorageSections.append(PAGE, "<p>end</p>")).isEqualTo(PAGE + "<p>end</p>");
    String layout = resource("sections/layout-only.storage.xhtml");
    String appended = StorageSections.append(layout, "<p>end</p>");
    int cellEnd = layout.lastIndexOf("</ac:layout-cell>");
    assertThat(appended)
        .isEqualTo(layout.substring(0, cellEnd) + "<p>end</p>" + layout.substring(cellEnd));
  }

  @Test
  void aMissingHeadingListsEverySectionHeading() {
    assertThatThrownBy(() -> StorageSections.replace(PAGE, "Inside the expand", "<p/>"))
        .isInstanceOfSatisfying(
            SectionException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(SectionException.Kind.MISSING);
              assertThat(e.candidates())
                  .containsExactly(
                      "Overview",
                      "Install",
                      "Prerequisites",
                      "Contacts",
                      "Rollback & recovery",
                      "Changelog");
              assertThat(e.getMessage())
                  .isEqualTo(
                      "no section heading \"Inside the expand\"; headings: Overview, Install,"
                          + " Prerequisites, Contacts, Rollback & recovery, Changelog");
            });
  }

  @Test
  void aHeadingThatAppearsTwiceIsAmbiguous() {
    String doc = "<h2>Notes</h2><p>a</p><h1>Part</h1><h2>Notes</h2><p>b</p>";
    assertThatThrownBy(() -> StorageSections.replace(doc, "Notes", "<p/>"))
        .isInstanceOfSatisfying(
            SectionException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(SectionException.Kind.AMBIGUOUS);
              assertThat(e.candidates()).containsExactly("h2 Notes (1 of 2)", "h2 Notes (2 of 2)");
              assertThat(e.getMessage()).isEqualTo("the section heading \"Notes\" appears 2 times");
            });
  }

  @Test
  void tagsThatDoNotNestAreMalformed() {
    assertThatThrownBy(() -> StorageSections.replace("<h1>A</h1><p>x</div>", "A", ""))
        .isInstanceOfSatisfying(
            SectionException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(SectionException.Kind.MALFORMED);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "the page's storage is not well-formed: </div> closes nothing open (at"
                          + " character 14)");
            });
  }

  @Test
  void quotedGreaterThanSignsAndEmptySectionsAreHandled() {
    String doc = "<h1 title=\"a>b\">A</h1>\n\n<h1>B</h1><p>b</p>";
    assertThat(StorageSections.replace(doc, "A", "<p>new</p>"))
        .isEqualTo("<h1 title=\"a>b\">A</h1>\n\n<p>new</p><h1>B</h1><p>b</p>");
  }
}
