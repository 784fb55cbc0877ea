package dev.conf;

import dev.conf.cli.ConfApp;
import dev.conf.config.ConfigFile;
import dev.conf.config.ConfigPaths;
import dev.conf.http.TlsPrestart;
import dev.conf.output.Io;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

/** The process entry point: real streams and environment in, an exit code out. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    startTls(args, env);
    int code = ConfApp.run(Io.system(env), env, args);
    System.exit(code);
  }

  /**
   * Starts, on a second thread, the TLS set-up of a command that will make a request to an https
   * site ({@link TlsPrestart}): decided from the command line, the environment and, when that names
   * no site, whether the config file names an https one. The training run calls it too, so the
   * archive holds what it loads.
   */
  public static void startTls(String[] args, Map<String, String> env) {
    if (args.length == 1 && args[0].startsWith("-")) {
      return; // --version, --help: answered before anything else is loaded
    }
    TlsPrestart.start(args, env, () -> configText(env));
  }

  private static String configText(Map<String, String> env) {
    try {
      return Files.readString(
          ConfigPaths.configDir(env).resolve(ConfigFile.FILE_NAME), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return null; // none, or unreadable: the command itself will say so
    }
  }
}
