package dev.conf.cli.config;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.Settings;
import dev.conf.output.Io;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code conf config list}: every setting, its value, and what overrides it. */
@Access(Access.Kind.LOCAL)
@Examples({"conf config list", "conf config list --profile work"})
@Command(
    name = "list",
    aliases = "ls",
    mixinStandardHelpOptions = true,
    description = {
      "List every setting: KEY, its stored value (- when not set), the environment variables "
          + "that override it, and what it means. Tab-separated in a pipe."
    })
public final class ConfigListCommand extends ConfigVerb implements Callable<Integer> {
  ConfigListCommand(CommandContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    String profile = profile();
    Io io = ctx.io();
    for (Settings.Key k : Settings.KEYS.values()) {
      String value = config().setting(profile, k.name());
      io.out()
          .println(
              k.name()
                  + "\t"
                  + (value == null ? "-" : value)
                  + "\t"
                  + (k.env().isEmpty() ? "-" : String.join(",", k.env()))
                  + "\t"
                  + k.meaning());
    }
    return 0;
  }
}
