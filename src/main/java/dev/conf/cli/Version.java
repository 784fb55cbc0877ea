package dev.conf.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * conf's version, from a properties file Maven fills in at build time; {@code conf --version} adds
 * the Java runtime it runs on and the class archive the launcher uses for every other command (the
 * launcher hands it over in the system property {@value #ARCHIVE_PROPERTY}: {@code "KIND STATE
 * PATH"} or {@code "none REASON"}).
 */
public final class Version implements IVersionProvider {
  static final String ARCHIVE_PROPERTY = "conf.launcher.archive";
  private static String version;

  public static synchronized String get() {
    if (version == null) {
      Properties p = new Properties();
      try (InputStream in = Version.class.getResourceAsStream("/dev/conf/version.properties")) {
        if (in != null) {
          p.load(in);
        }
      } catch (IOException e) {
        // fall through to "unknown"
      }
      version = p.getProperty("version", "unknown");
    }
    return version;
  }

  /** The three lines of {@code conf --version}; the first is {@code conf VERSION}, as before. */
  @Override
  public String[] getVersion() {
    return new String[] {
      "conf " + get(),
      "java: "
          + System.getProperty("java.runtime.version", System.getProperty("java.version"))
          + " ("
          + System.getProperty("java.vendor", "unknown vendor")
          + "), "
          + System.getProperty("java.home"),
      "archive: " + archive(System.getProperty(ARCHIVE_PROPERTY))
    };
  }

  /** The launcher's archive report in words. */
  static String archive(String launcher) {
    if (launcher == null || launcher.isBlank()) {
      return "none (not started through bin/conf)";
    }
    String[] f = launcher.strip().split(" ", 3);
    if (f[0].equals("none")) {
      return "none (" + (f.length > 1 ? launcher.strip().substring(5) : "off") + ")";
    }
    if (f.length < 3) {
      return launcher.strip();
    }
    String kind =
        switch (f[0]) {
          case "aot" -> "AOT cache";
          case "jsa" -> "AppCDS archive";
          default -> f[0];
        };
    return switch (f[1]) {
      case "ready" -> kind + " " + f[2];
      case "missing" -> kind + " " + f[2] + " (not recorded yet: the next command records it)";
      default -> kind + " " + f[2] + " (" + f[1] + ")";
    };
  }
}
