package dev.conf.cli.page;

import dev.conf.error.ConfException;
import dev.conf.output.Io;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A body given with {@code --file F} or {@code -} (stdin), read before any request so that a
 * missing or unreadable file changes nothing on the server.
 */
public final class BodySource {
  private BodySource() {}

  /**
   * @param file the --file value; "-" for stdin; null when none was given
   * @return the text, or null when no body was given
   */
  public static String read(Io io, String file) {
    if (file == null) {
      return null;
    }
    if (file.equals("-")) {
      return io.readAllStdin();
    }
    Path path = Path.of(file);
    if (Files.isDirectory(path)) {
      throw ConfException.usage("cannot read " + file + ": it is a directory");
    }
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw ConfException.usage("cannot read " + file + ": no such file");
    } catch (IOException e) {
      throw ConfException.usage("cannot read " + file + ": " + e.getMessage());
    }
  }
}
