package dev.conf.cli;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Opens a URL in the user's browser. Injected so that tests never start one; where none can be
 * started (no display, SSH, CI) {@link #open} returns false and the command prints the URL.
 */
@FunctionalInterface
public interface Browser {
  /** True when a browser was started for the URL. */
  boolean open(String url);

  /**
   * {@code $BROWSER} when set, else the platform's opener: {@code open} on macOS, {@code rundll32}
   * on Windows, {@code xdg-open} on Linux and BSD when a display is there.
   */
  static Browser system(Map<String, String> env) {
    return url -> {
      List<String> command = command(env, System.getProperty("os.name", ""), url);
      if (command == null) {
        return false;
      }
      try {
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
        return true;
      } catch (IOException e) {
        return false;
      }
    };
  }

  /** The command that opens the URL here, or null when nothing can. */
  static List<String> command(Map<String, String> env, String osName, String url) {
    String browser = env.get("BROWSER");
    if (browser != null && !browser.isBlank()) {
      return List.of(browser.trim(), url);
    }
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.contains("mac")) {
      return List.of("open", url);
    }
    if (os.contains("win")) {
      return List.of("rundll32", "url.dll,FileProtocolHandler", url);
    }
    boolean display = notBlank(env.get("DISPLAY")) || notBlank(env.get("WAYLAND_DISPLAY"));
    return display ? List.of("xdg-open", url) : null;
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
