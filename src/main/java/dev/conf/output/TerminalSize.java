package dev.conf.output;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The terminal's width, asked only when a table is about to be drawn on a terminal. */
final class TerminalSize {
  static final int DEFAULT = 80;

  private TerminalSize() {}

  static int columns(Map<String, String> env) {
    String columns = env.get("COLUMNS");
    if (columns != null) {
      try {
        int n = Integer.parseInt(columns.trim());
        if (n > 0) {
          return n;
        }
      } catch (NumberFormatException ignored) {
        // fall through to stty
      }
    }
    File tty = new File("/dev/tty");
    if (!tty.exists()) {
      return DEFAULT;
    }
    try {
      Process p =
          new ProcessBuilder("stty", "size")
              .redirectInput(tty)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(500, TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        return DEFAULT;
      }
      String[] parts =
          new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)
              .trim()
              .split(" ");
      return parts.length == 2 ? Integer.parseInt(parts[1]) : DEFAULT;
    } catch (Exception e) {
      return DEFAULT;
    }
  }
}
