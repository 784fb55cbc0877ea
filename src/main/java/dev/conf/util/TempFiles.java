package dev.conf.util;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;

/**
 * Temporary files that become the user's files once renamed into place: private while they are
 * written, then the mode any new file in that directory gets.
 *
 * <p>Not {@link Files#createTempFile}: its files are 0600 whatever the umask, so an exported or
 * downloaded file would end up readable by its owner only. Java cannot read the umask, so the file
 * is created the normal way ({@code open(O_CREAT, 0666)}, which the kernel masks with the umask and
 * any default ACL of the directory), its mode is noted, and it is made 0600 at once, before a byte
 * is written; {@link Temp#finish} gives it the noted mode back just before the atomic move. So a
 * half-written file is never readable by others, and the final file has exactly the mode {@code
 * touch} or a shell redirection would give it (0644 under the usual umask 022, 0664 under 002). On
 * file systems without POSIX permissions nothing is changed.
 */
public final class TempFiles {
  private TempFiles() {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private static final Set<PosixFilePermission> PRIVATE =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  /**
   * A temporary file and the mode it gets when finished.
   *
   * @param mode the mode a new file gets here; null where the file system has no POSIX modes
   */
  public record Temp(Path path, Set<PosixFilePermission> mode) {
    /** Gives the file its final mode: call when it is complete, just before moving it. */
    public void finish() throws IOException {
      if (mode != null && !mode.equals(PRIVATE)) {
        Files.setPosixFilePermissions(path, mode);
      }
    }
  }

  /**
   * Creates {@code dir/PREFIX<digits>SUFFIX}, a new empty file no other call returned, readable
   * only by its owner until {@link Temp#finish}.
   */
  public static Temp createPrivate(Path dir, String prefix, String suffix) throws IOException {
    Path p = create(dir, prefix, suffix);
    if (Files.getFileAttributeView(p, PosixFileAttributeView.class) == null) {
      return new Temp(p, null);
    }
    try {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(p);
      Files.setPosixFilePermissions(p, PRIVATE);
      return new Temp(p, mode);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(p);
      throw e;
    }
  }

  /** Creates {@code dir/PREFIX<digits>SUFFIX} with the mode a new file gets (umask applied). */
  public static Path create(Path dir, String prefix, String suffix) throws IOException {
    while (true) {
      Path p = dir.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong()) + suffix);
      try {
        return Files.createFile(p);
      } catch (FileAlreadyExistsException e) {
        // Drawn twice: draw again.
      }
    }
  }
}
