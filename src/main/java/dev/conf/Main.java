package dev.conf;

import dev.conf.cli.ConfApp;
import dev.conf.cli.HelpCache;
import dev.conf.cli.Version;
import dev.conf.config.ConfigFile;
import dev.conf.config.ConfigPaths;
import dev.conf.http.TlsPrestart;
import dev.conf.output.Io;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

/** The process entry point: real streams and environment in, an exit code out. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    if (args.length == 1) {
      // `--version` (scripts call it to check for conf) and a `--help` rendered before are answered
      // before any of conf's own machinery (I/O set-up, terminal probes, the context) is loaded;
      // ConfApp answers them the same way in tests and when the help is not cached yet.
      String text =
          switch (args[0]) {
            case "--version", "-V" -> String.join("\n", new Version().getVersion()) + "\n";
            case "--help", "-h" -> HelpCache.cachedRootHelp(env);
            default -> null;
          };
      if (text != null) {
        PrintStream out =
            new PrintStream(
                new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        out.print(text);
        out.flush();
        System.exit(out.checkError() ? 1 : 0);
      }
    }
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
