package dev.conf.cli.config;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.Settings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code conf config unset KEY}: back to the default. */
@Access(Access.Kind.LOCAL)
@Examples({"conf config unset space", "conf config unset read-only --profile prod"})
@Command(
    name = "unset",
    mixinStandardHelpOptions = true,
    description = "Remove a setting, for every profile or (--profile) one.")
public final class ConfigUnsetCommand extends ConfigVerb implements Callable<Integer> {
  @Parameters(paramLabel = "KEY", description = "The setting (see conf config list).")
  String key;

  ConfigUnsetCommand(CommandContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    Settings.Key k = Settings.key(key);
    String profile = profile();
    boolean was = config().settings(profile).containsKey(k.name());
    config().putSetting(profile, k.name(), null);
    config().save();
    ctx.io()
        .err()
        .println((was ? "Unset " : "Was not set: ") + k.name() + " for " + scope(profile));
    return 0;
  }
}
