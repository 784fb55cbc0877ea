package dev.conf.output;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Sends long terminal output through a pager: {@code CONF_PAGER}, else the {@code pager} setting
 * ({@code conf config set pager ...}), else {@code PAGER}, else {@code less -FRX} (quit at once
 * when the text fits one screen, pass colours, leave the text on screen). {@code CONF_PAGER=} or
 * the setting empty, or either {@code cat}, turns it off. Only {@link Io#system} has a launcher
 * that starts a process; an {@link Io} built by tests never spawns one.
 */
public final class OutputPager {
  static final String DEFAULT = "less -FRX";

  /** Starts a pager command and returns the writer feeding it; null to write to stdout directly. */
  @FunctionalInterface
  public interface Launcher {
    Writer start(String command);
  }

  private OutputPager() {}

  /** The pager command the environment asks for; null when paging is turned off. */
  static String command(Map<String, String> env) {
    return command(env, null);
  }

  /**
   * The pager to run: {@code CONF_PAGER}, else {@code setting} (the {@code pager} setting; null
   * when not set), else {@code PAGER}, else {@code less -FRX}; null when the one that decides is
   * empty or {@code cat} (paging off).
   */
  public static String command(Map<String, String> env, String setting) {
    String cmd = env.get("CONF_PAGER");
    if (cmd == null) {
      cmd = setting;
    }
    if (cmd == null) {
      cmd = env.get("PAGER");
      if (cmd == null || cmd.isBlank()) {
        cmd = DEFAULT;
      }
    }
    cmd = cmd.trim();
    return cmd.isEmpty() || cmd.equals("cat") ? null : cmd;
  }

  /** A launcher running a pager command as a process, with the terminal as its output. */
  static Launcher launcher(Map<String, String> env) {
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    return cmd -> start(cmd, windows, env);
  }

  private static Writer start(String cmd, boolean windows, Map<String, String> env) {
    List<String> argv = new ArrayList<>();
    if (windows) {
      argv.addAll(List.of(cmd.split("\\s+")));
    } else {
      argv.addAll(List.of("/bin/sh", "-c", cmd));
    }
    ProcessBuilder pb =
        new ProcessBuilder(argv)
            .redirectOutput(ProcessBuilder.Redirect.INHERIT)
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    if (!env.containsKey("LESS")) {
      // As git and gh do: a bare PAGER=less should still quit on one screen and show colours.
      pb.environment().put("LESS", "FRX");
    }
    try {
      Process p = pb.start();
      return new FilterWriter(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
        @Override
        public void close() throws IOException {
          try {
            super.close();
          } catch (IOException quitEarly) {
            // The user left the pager before reading everything: not an error.
          }
          try {
            p.waitFor(1, TimeUnit.DAYS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      };
    } catch (IOException e) {
      // No such pager: print straight to the terminal rather than fail.
      return null;
    }
  }
}
