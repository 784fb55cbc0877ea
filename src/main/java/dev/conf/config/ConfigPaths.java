package dev.conf.config;

import java.nio.file.Path;
import java.util.Map;

/** Where conf keeps its files, following the XDG base directory conventions. */
public final class ConfigPaths {
  private ConfigPaths() {}

  /**
   * {@code CONF_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/conf}, else the platform's usual place.
   */
  public static Path configDir(Map<String, String> env) {
    String explicit = env.get("CONF_CONFIG_DIR");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "conf");
    }
    String appData = env.get("APPDATA");
    if (isWindows() && appData != null && !appData.isBlank()) {
      return Path.of(appData, "conf");
    }
    return Path.of(home(env), ".config", "conf");
  }

  /** {@code $XDG_CACHE_HOME/conf}, else {@code ~/.cache/conf}. */
  public static Path cacheDir(Map<String, String> env) {
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "conf");
    }
    String localAppData = env.get("LOCALAPPDATA");
    if (isWindows() && localAppData != null && !localAppData.isBlank()) {
      return Path.of(localAppData, "conf", "cache");
    }
    return Path.of(home(env), ".cache", "conf");
  }

  private static String home(Map<String, String> env) {
    String home = env.get("HOME");
    return home != null && !home.isBlank() ? home : System.getProperty("user.home");
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").startsWith("Windows");
  }
}
