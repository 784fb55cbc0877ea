package dev.conf.cli.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding a Markdown file's images on disk: resolution, names, hashes and the local errors. */
class LocalImagesTest {
  @TempDir Path dir;

  Path write(String rel, String text) throws Exception {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  static ExitCode exitOf(Throwable t) {
    return ((ConfException) t).exitCode();
  }

  @Test
  void relativePathsResolveAgainstTheFolderAndSlashPathsAgainstTheRoot() throws Exception {
    Path a = write("docs/img/a.png", "aaa");
    Path b = write("shared/b.png", "bb");
    Path c = write("c.png", "c");
    List<LocalImages.Image> images =
        LocalImages.find(
            List.of("img/a.png", "../shared/b.png", "/c.png"), dir.resolve("docs"), dir, null);
    assertThat(images)
        .extracting(LocalImages.Image::name)
        .containsExactly("a.png", "b.png", "c.png");
    assertThat(images)
        .extracting(LocalImages.Image::file)
        .containsExactly(
            a.toAbsolutePath().normalize(),
            b.toAbsolutePath().normalize(),
            c.toAbsolutePath().normalize());
    assertThat(images).extracting(LocalImages.Image::size).containsExactly(3L, 2L, 1L);
  }

  @Test
  void theHashIsSha256OfTheBytes() throws Exception {
    write("a.png", "abc");
    LocalImages.Image image = LocalImages.find(List.of("a.png"), dir, dir, null).get(0);
    assertThat(image.hash())
        .isEqualTo("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void theSameFileWrittenTwoWaysIsOneImage() throws Exception {
    write("img/a.png", "a");
    List<LocalImages.Image> images =
        LocalImages.find(List.of("img/a.png", "./img/../img/a.png"), dir, dir, null);
    assertThat(images).hasSize(1);
  }

  @Test
  void twoDifferentFilesWithOneNameAreRefusedNamingBoth() throws Exception {
    write("one/p.png", "1");
    write("two/p.png", "2");
    assertThatThrownBy(
            () -> LocalImages.find(List.of("one/p.png", "two/p.png"), dir, dir, "notes.md"))
        .satisfies(t -> assertThat(exitOf(t)).isEqualTo(ExitCode.USAGE))
        .hasMessage(
            "notes.md: two different images would be attached as 'p.png': one/p.png and"
                + " two/p.png; rename one");
  }

  @Test
  void aMissingImageOrAFolderIsAUsageError() throws Exception {
    Files.createDirectories(dir.resolve("img"));
    assertThatThrownBy(() -> LocalImages.find(List.of("nope.png"), dir, dir, "a.md"))
        .satisfies(t -> assertThat(exitOf(t)).isEqualTo(ExitCode.USAGE))
        .hasMessage("a.md: image not found: nope.png");
    assertThatThrownBy(() -> LocalImages.find(List.of("img"), dir, dir, null))
        .satisfies(t -> assertThat(exitOf(t)).isEqualTo(ExitCode.USAGE))
        .hasMessage("image is not a file: img");
  }

  @Test
  void anUnreadableImageIsAUsageError() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
        "needs POSIX file permissions");
    Path p = write("secret.png", "x");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
    try {
      // root reads everything: the check only means something for other users.
      org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(p), "running as root");
      assertThatThrownBy(() -> LocalImages.find(List.of("secret.png"), dir, dir, null))
          .satisfies(t -> assertThat(exitOf(t)).isEqualTo(ExitCode.USAGE))
          .hasMessageContaining("cannot read image secret.png");
    } finally {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
    }
  }

  @Test
  void backslashesAndTheLastSegmentMakeTheName() {
    assertThat(LocalImages.fileName("img\\win.png")).isEqualTo("win.png");
    assertThat(LocalImages.fileName("a b/c d.png")).isEqualTo("c d.png");
    assertThat(LocalImages.fileName("plain.png")).isEqualTo("plain.png");
  }

  @Test
  void noImagesIsAnEmptyList() {
    assertThat(LocalImages.find(List.of(), dir, dir, null)).isEmpty();
  }
}
