package dev.conf.cli.config;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.Settings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code conf config get KEY}: the stored value, exit 3 when it is not set. */
@Access(Access.Kind.LOCAL)
@Examples({"conf config get space", "conf config get read-only --profile work"})
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = {
      "Print a setting's stored value (with --profile: that profile's, else the one for every "
          + "profile). Exit 3 when it is not set."
    })
public final class ConfigGetCommand extends ConfigVerb implements Callable<Integer> {
  @Parameters(paramLabel = "KEY", description = "The setting (see conf config list).")
  String key;

  ConfigGetCommand(CommandContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    Settings.Key k = Settings.key(key);
    String profile = profile();
    String value = config().setting(profile, k.name());
    if (value == null) {
      ctx.io().err().println(k.name() + " is not set for " + scope(profile));
      return 3;
    }
    ctx.io().out().println(value);
    return 0;
  }
}
