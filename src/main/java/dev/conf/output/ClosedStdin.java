package dev.conf.output;

import dev.conf.error.ConfException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Tells a closed stdin ({@code conf page create - <&-}) from a real one before it is read. When
 * descriptor 0 is closed at start-up, the next file the JVM opens takes it (its runtime image, a
 * jar), and reading "stdin" would read that file: on Linux, /proc says what descriptor 0 is.
 */
public final class ClosedStdin {
  private ClosedStdin() {}

  /** Exit 2 when the process's stdin is closed or is one of the JVM's own files. */
  public static void refuseIfClosed() {
    Path fd0 = Path.of("/proc/self/fd/0");
    Optional<String> target;
    try {
      target = Optional.of(Files.readSymbolicLink(fd0).toString());
    } catch (NoSuchFileException e) {
      target = Optional.empty();
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return;
    }
    if (!Files.isDirectory(Path.of("/proc/self/fd"))) {
      return;
    }
    if (closed(target, System.getProperty("java.home"), System.getProperty("java.class.path"))) {
      throw ConfException.usage(
          "stdin is closed (or not readable), so there is no input to read: pipe it in or give a"
              + " file");
    }
  }

  /**
   * @param target what descriptor 0 is, empty when it is not open
   */
  static boolean closed(Optional<String> target, String javaHome, String classPath) {
    if (target.isEmpty()) {
      return true;
    }
    String t = target.get();
    if (javaHome != null && !javaHome.isEmpty() && t.startsWith(real(javaHome) + File.separator)) {
      return true;
    }
    if (classPath != null) {
      for (String entry : classPath.split(File.pathSeparator)) {
        if (!entry.isEmpty() && t.equals(real(entry))) {
          return true;
        }
      }
    }
    return false;
  }

  private static String real(String path) {
    try {
      return Path.of(path).toRealPath().toString();
    } catch (IOException | RuntimeException e) {
      return Path.of(path).toAbsolutePath().normalize().toString();
    }
  }
}
