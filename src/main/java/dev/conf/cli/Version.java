package dev.conf.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** conf's version, from a properties file Maven fills in at build time. */
public final class Version implements IVersionProvider {
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

  @Override
  public String[] getVersion() {
    return new String[] {"conf " + get()};
  }
}
