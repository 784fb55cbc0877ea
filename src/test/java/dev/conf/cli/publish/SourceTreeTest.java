package dev.conf.cli.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conf.convert.CodeLanguages;
import dev.conf.error.ConfException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a folder: titles, tree, links, images and the errors found before any request. */
class SourceTreeTest {
  @TempDir Path dir;

  void write(String rel, String text) throws Exception {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  List<LocalPage> read() {
    return SourceTree.read(dir, CodeLanguages::cloud).pages();
  }

  @Test
  void inAnExportTheFileOfTheRootPageIsTheRootItselfAndItsChildrenGoUnderIt() throws Exception {
    write("Home/index.md", "---\ntitle: \"Home\"\n---\nWelcome, see [guide](Guide.md)\n");
    write("Home/Guide.md", "---\ntitle: \"Guide\"\n---\nBack [home](index.md)\n");
    write("Other.md", "---\ntitle: \"Other\"\n---\nx\n");
    write(
        ".conf-export.json",
        "{\"manifestVersion\":1,\"pages\":[{\"id\":\"1\",\"path\":\"Home/index.md\"},"
            + "{\"id\":\"2\",\"path\":\"Home/Guide.md\"},{\"id\":\"5\",\"path\":\"Other.md\"}]}");
    assertThat(SourceTree.isExport(dir)).isTrue();
    SourceTree.Result rooted = SourceTree.read(dir, CodeLanguages::cloud, "1");
    assertThat(rooted.rootFile()).isEqualTo("Home/index.md");
    assertThat(rooted.pages()).extracting(LocalPage::title).containsExactly("Other", "Guide");
    assertThat(rooted.pages()).extracting(LocalPage::parentPath).containsExactly(null, null);
    // A link to the root's file is a link to the root page, by its title.
    assertThat(rooted.pages().get(1).storage()).contains("ri:content-title=\"Home\"");
    // The same hash as a top-level file with that content: the root's children are top-level.
    LocalPage guide = rooted.pages().get(1);
    SourceTree.Result plain = SourceTree.read(dir, CodeLanguages::cloud);
    assertThat(plain.rootFile()).isNull();
    assertThat(plain.pages()).extracting(LocalPage::title).contains("Home", "Guide", "Other");
    assertThat(plain.pages().stream().filter(p -> p.title().equals("Guide")).findFirst())
        .get()
        .extracting(LocalPage::hash)
        .isNotEqualTo(guide.hash());
    // Another root: nothing is taken out.
    assertThat(SourceTree.read(dir, CodeLanguages::cloud, "9").rootFile()).isNull();
  }

  @Test
  void aFolderWithoutAnExportManifestIsNoExport() throws Exception {
    write("a.md", "# A\n");
    assertThat(SourceTree.isExport(dir)).isFalse();
    assertThat(SourceTree.read(dir, CodeLanguages::cloud, "1").pages()).hasSize(1);
  }

  @Test
  void titlesComeFromFrontMatterThenTheFirstH1ThenTheFileName() throws Exception {
    write("a.md", "---\ntitle: From front matter\n---\n# Heading\n");
    write("b.md", "Intro line\n\n# The *real* title\n\ntext\n");
    write("c.md", "## Only a second level\n");
    assertThat(read())
        .extracting(LocalPage::title)
        .containsExactly("From front matter", "The real title", "c");
    LocalPage a = read().get(0);
    assertThat(a.storage()).contains("<h1>Heading</h1>");
    LocalPage b = read().get(1);
    assertThat(b.storage()).doesNotContain("<h1>").contains("Intro line");
  }

  @Test
  void foldersBecomeParentsAndHiddenOrMarkdownlessFoldersAreIgnored() throws Exception {
    write("README.md", "# Home page\n");
    write("guide/README.md", "# Guide\n");
    write("guide/deep/x.md", "# X\n");
    write("images/a.png", "png");
    write(".git/notes.md", "# hidden\n");
    List<LocalPage> pages = read();
    assertThat(pages)
        .extracting(LocalPage::path)
        .containsExactly("README.md", "guide/README.md", "guide/deep/", "guide/deep/x.md");
    assertThat(pages)
        .extracting(LocalPage::parentPath)
        .containsExactly(null, null, "guide/README.md", "guide/deep/");
    assertThat(pages.get(2).title()).isEqualTo("deep");
    assertThat(pages.get(2).storage()).isEqualTo(SourceTree.CHILDREN_MACRO);
  }

  @Test
  void linksToFilesAndFoldersBecomePageLinks() throws Exception {
    write("a.md", "[f](guide/) [g](guide/index.md) [x](guide/x.md#top) [out](../else.md)\n");
    write("guide/index.md", "# Guide\n");
    write("guide/x.md", "# X\n\n[up](../a.md)\n");
    List<LocalPage> pages = SourceTree.read(dir, CodeLanguages::cloud).pages();
    assertThat(pages.get(0).storage())
        .contains("<ri:page ri:content-title=\"Guide\"/>")
        .contains("ac:anchor=\"top\"><ri:page ri:content-title=\"X\"/>")
        .contains("<a href=\"../else.md\">");
    assertThat(pages.get(2).storage()).contains("<ri:page ri:content-title=\"a\"/>");
  }

  @Test
  void theHashChangesWithTheParentTitleAndLabelsButNotTheirOrder() throws Exception {
    write("p/a.md", "---\nlabels: [x, y]\n---\nbody\n");
    String first = read().get(1).hash();
    write("p/a.md", "---\nlabels: [y, x]\n---\nbody\n");
    assertThat(read().get(1).hash()).isEqualTo(first);
    write("p/a.md", "---\nlabels: [y]\n---\nbody\n");
    assertThat(read().get(1).hash()).isNotEqualTo(first);
    write("p/a.md", "---\nlabels: [x, y]\n---\nbody\n");
    Files.move(dir.resolve("p"), dir.resolve("q"));
    assertThat(read().get(1).hash()).isNotEqualTo(first);
  }

  @Test
  void imagesAreHashedAndTwoDifferentImagesWithOneNameAreRefused() throws Exception {
    write("a.md", "![i](img/one/p.png)\n");
    write("img/one/p.png", "1");
    write("img/two/p.png", "2");
    LocalPage a = read().get(0);
    assertThat(a.images()).containsOnlyKeys("p.png");
    assertThat(a.imageHashes().get("p.png")).startsWith("sha256:");
    write("a.md", "![i](img/one/p.png) ![j](img/two/p.png)\n");
    assertThatThrownBy(this::read)
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("two different images would be attached as 'p.png'");
  }

  @Test
  void aMissingImageAndDuplicateTitlesAreUsageErrors() throws Exception {
    write("a.md", "![i](nope.png)\n");
    assertThatThrownBy(this::read).hasMessageContaining("a.md: image not found: nope.png");
    write("a.md", "# T\n");
    write("b.md", "# T\n");
    assertThatThrownBy(this::read).hasMessageContaining("'T': a.md and b.md");
  }
}
