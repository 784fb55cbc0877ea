package dev.conf.util;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * Temporary files that become the user's files once renamed into place. Not {@link
 * Files#createTempFile}: its files are 0600 whatever the umask, so an exported or downloaded file
 * would end up readable by its owner only. These get the mode any new file gets (0644 under the
 * usual umask 022).
 */
public final class TempFiles {
  private TempFiles() {}

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Creates {@code dir/PREFIX<digits>SUFFIX}, a new empty file no other call returned. */
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
