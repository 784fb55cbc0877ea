package dev.conf.cli.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conf.cli.export.ExportLayout.Place;
import dev.conf.service.PageNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where pages go: names, clashes, folders, attachments directories and relative links. */
class ExportLayoutTest {
  private static PageNode page(String id, String title, String parent, Integer position) {
    return new PageNode(id, title, "page", parent, position, 1);
  }

  private static Map<String, String> files(List<PageNode> nodes) {
    Map<String, Place> plan = ExportLayout.plan(nodes, ".md");
    Map<String, String> out = new java.util.LinkedHashMap<>();
    plan.forEach((id, p) -> out.put(id, p.file()));
    return out;
  }

  @Test
  void titlesBecomeSafeNamesKeepingUnicode() {
    assertThat(ExportLayout.fileName("A/B: \"odd\" <x>|y?*\\z")).isEqualTo("A-B- -odd- -x--y---z");
    assertThat(ExportLayout.fileName("  ..Überblick – 概要.. ")).isEqualTo("Überblick – 概要");
    assertThat(ExportLayout.fileName("tab\there")).isEqualTo("tab-here");
    assertThat(ExportLayout.fileName("...")).isEqualTo("untitled");
    assertThat(ExportLayout.fileName(null)).isEqualTo("untitled");
    assertThat(ExportLayout.fileName("CON")).isEqualTo("CON_");
    assertThat(ExportLayout.fileName("nul")).isEqualTo("nul_");
    assertThat(ExportLayout.fileName("Com1.notes")).isEqualTo("Com1_.notes");
    assertThat(ExportLayout.fileName("Console")).isEqualTo("Console");
    assertThat(ExportLayout.fileName("LPT10")).isEqualTo("LPT10");
    assertThat(ExportLayout.fileName("x".repeat(300))).hasSize(ExportLayout.MAX_NAME);
  }

  @Test
  void parentsAreFoldersWithAnIndexAndLeavesAreFiles() {
    Map<String, Place> plan =
        ExportLayout.plan(
            List.of(
                page("1", "Home", null, 1), page("2", "Guide", "1", 1), page("3", "Setup", "2", 1)),
            ".md");
    assertThat(plan.get("1").file()).isEqualTo("Home/index.md");
    assertThat(plan.get("1").attachmentsDir()).isEqualTo("Home/index.attachments/");
    assertThat(plan.get("2").file()).isEqualTo("Home/Guide/index.md");
    assertThat(plan.get("3").file()).isEqualTo("Home/Guide/Setup.md");
    assertThat(plan.get("3").attachmentsDir()).isEqualTo("Home/Guide/Setup.attachments/");
  }

  @Test
  void clashingSiblingsGetTheirIdAndTheFirstKeepsTheName() {
    Map<String, String> f =
        files(
            List.of(
                page("1", "Parent", null, 1),
                page("2", "Notes", "1", 1),
                page("3", "notes", "1", 2),
                page("4", "Index", "1", 3),
                page("5", "Notes?", "1", 4),
                page("6", "Notes/", "1", 5)));
    assertThat(f)
        .containsEntry("2", "Parent/Notes.md")
        .containsEntry("3", "Parent/notes (3).md")
        .containsEntry("4", "Parent/Index (4).md")
        .containsEntry("5", "Parent/Notes-.md")
        .containsEntry("6", "Parent/Notes- (6).md");
  }

  @Test
  void aFolderHasNoIndexAndOtherContentIsLeftOutWithWhatIsUnderIt() {
    Map<String, String> f =
        files(
            List.of(
                new PageNode("10", "Archive", "folder", null, 1, null),
                page("11", "Old", "10", 1),
                new PageNode("20", "Board", "whiteboard", null, 2, null),
                page("21", "Under the board", "20", 1),
                page("30", "Orphan", "999", 3)));
    assertThat(f).containsEntry("10", "Archive/").containsEntry("11", "Archive/Old.md");
    assertThat(f).doesNotContainKeys("20", "21");
    assertThat(f).containsEntry("30", "Orphan.md");
  }

  @Test
  void linksAreRelativeAndEncoded() {
    assertThat(ExportLayout.link("Home/Guide/Setup.md", "Home/FAQ.md")).isEqualTo("../FAQ.md");
    assertThat(ExportLayout.link("Home/Guide/Setup.md", "Home/Guide/index.md"))
        .isEqualTo("index.md");
    assertThat(ExportLayout.link("Top.md", "Home/Guide/My Page.md"))
        .isEqualTo("Home/Guide/My%20Page.md");
    assertThat(ExportLayout.link("a/b/c.md", "x.md")).isEqualTo("../../x.md");
    assertThat(ExportLayout.link("a/b.md", "a/b.attachments/d (1).png"))
        .isEqualTo("b.attachments/d%20%281%29.png");
  }

  @Test
  void attachmentNamesCannotLeaveTheirDirectory() {
    assertThat(ExportLayout.attachmentName("../x")).isEqualTo(".._x");
    assertThat(ExportLayout.attachmentName("..")).isEqualTo("attachment_..");
    assertThat(ExportLayout.attachmentName("a\\b/c.png")).isEqualTo("a_b_c.png");
  }
}
