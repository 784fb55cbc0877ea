package dev.conf;

import dev.conf.cli.ConfApp;
import dev.conf.output.Io;
import java.util.Map;

/** The process entry point: real streams and environment in, an exit code out. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    int code = ConfApp.run(Io.system(env), env, args);
    System.exit(code);
  }
}
