package dev.conf.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporary files get the umask's mode, as any new file does (private ones only once finished), and
 * never collide.
 */
class TempFilesTest {
  @TempDir Path dir;

  @Test
  void aTemporaryFileHasTheModeOfAnyNewFile() throws Exception {
    Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path temp = TempFiles.create(dir, ".x.", ".part");
    Path plain = Files.createFile(dir.resolve("plain"));
    assertThat(Files.getPosixFilePermissions(temp)).isEqualTo(Files.getPosixFilePermissions(plain));
    assertThat(temp.getFileName().toString()).matches("\\.x\\.[0-9]+\\.part");
  }

  @Test
  void aPrivateTemporaryFileIsOwnerOnlyUntilFinishedThenHasTheModeOfAnyNewFile() throws Exception {
    Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    TempFiles.Temp temp = TempFiles.createPrivate(dir, ".x.", ".part");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.path())))
        .isEqualTo("rw-------");
    Files.writeString(temp.path(), "secret until whole");
    temp.finish();
    Path plain = Files.createFile(dir.resolve("plain"));
    assertThat(Files.getPosixFilePermissions(temp.path()))
        .isEqualTo(Files.getPosixFilePermissions(plain))
        .isEqualTo(temp.mode());
  }

  @Test
  void everyCallGivesANewFile() throws Exception {
    Path a = TempFiles.create(dir, ".x.", ".part");
    Path b = TempFiles.create(dir, ".x.", ".part");
    assertThat(a).isNotEqualTo(b);
    assertThat(a).exists();
    assertThat(b).exists();
  }
}
