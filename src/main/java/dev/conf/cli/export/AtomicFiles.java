package dev.conf.cli.export;

import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.util.AtomicMove;
import dev.conf.util.TempFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes files that are either whole or absent: the content goes into a hidden temporary file in
 * the target's directory ({@code .NAME.RANDOM.part}), private while it is written, which is given
 * the mode a new file gets there ({@link TempFiles}) and moved over the target atomically only once
 * it is complete. Temporary files still open when the JVM stops (Ctrl-C) are deleted by one
 * shutdown hook for the whole export, which also moves files parked during a rename ({@link
 * #parked}) back to where they were.
 */
final class AtomicFiles implements AutoCloseable {
  /** The start of the name a moved file is parked under. */
  static final String MOVE_PREFIX = ".conf-export-move-";

  /** The names of conf's own temporary files: {@code .NAME.DIGITS.part} and parked moves. */
  private static final Pattern TEMP =
      Pattern.compile("\\.conf-export-move-[0-9a-f]+-[0-9]+\\.part|\\..+\\.[0-9]+\\.part");

  /**
   * Deletes the temporary files a run that was killed (so no shutdown hook ran) left in an export
   * directory: only files named as conf names its own.
   */
  static void removeStale(Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.filter(p -> TEMP.matcher(p.getFileName().toString()).matches())
          .filter(Files::isRegularFile)
          .forEach(AtomicFiles::deleteQuietly);
    } catch (IOException | java.io.UncheckedIOException e) {
      // Best effort: a leftover is hidden and never under a final name.
    }
  }

  /** Writes content into a stream; may fail with an I/O or conf error. */
  @FunctionalInterface
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private final Set<Path> open = ConcurrentHashMap.newKeySet();
  private final Map<Path, Path> parked = new ConcurrentHashMap<>();
  private final Thread hook = new Thread(this::deleteOpen, "conf-export-cleanup");
  private boolean hooked;

  AtomicFiles() {
    try {
      Runtime.getRuntime().addShutdownHook(hook);
      hooked = true;
    } catch (IllegalStateException e) {
      // Already shutting down: nothing will be written anyway.
    }
  }

  /** Writes {@code target} (creating its directory), replacing what was there. */
  void write(Path target, Content content) {
    Path dir = target.toAbsolutePath().getParent();
    Path temp;
    TempFiles.Temp made;
    OutputStream file;
    try {
      Files.createDirectories(dir);
      String name = target.getFileName().toString();
      made =
          TempFiles.createPrivate(
              dir, "." + (name.length() > 60 ? name.substring(0, 60) : name) + ".", ".part");
      temp = made.path();
      file = Files.newOutputStream(temp);
    } catch (IOException e) {
      throw new ConfException(
          ExitCode.ERROR, "cannot write in " + dir + ": " + FileErrors.reason(e), e);
    }
    open.add(temp);
    try {
      try (OutputStream out = new BufferedOutputStream(file, 1 << 16)) {
        content.writeTo(out);
      }
      made.finish();
      AtomicMove.replace(temp, target);
    } catch (IOException e) {
      throw new ConfException(
          ExitCode.ERROR, "cannot write " + target + ": " + FileErrors.reason(e), e);
    } finally {
      deleteQuietly(temp);
      open.remove(temp);
    }
  }

  void write(Path target, byte[] bytes) {
    write(target, out -> out.write(bytes));
  }

  /** A file moved aside to {@code at} from {@code home}; put back if the JVM stops first. */
  void parked(Path at, Path home) {
    parked.put(at, home);
  }

  void unparked(Path at) {
    parked.remove(at);
  }

  private void deleteOpen() {
    open.forEach(AtomicFiles::deleteQuietly);
    parked.forEach(
        (at, home) -> {
          try {
            Files.move(at, home, StandardCopyOption.REPLACE_EXISTING);
          } catch (IOException e) {
            // Best effort: the manifest still names home, so the next export fetches it again.
          }
        });
  }

  static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // Best effort: a leftover .part file is hidden and never under a final name.
    }
  }

  @Override
  public void close() {
    if (hooked) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is shutting down: the hook runs and deletes what is left.
      }
    }
  }
}
