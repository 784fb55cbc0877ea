package dev.conf.cli.config;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.Settings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code conf config set KEY VALUE}: checks the value, then saves it. */
@Access(Access.Kind.LOCAL)
@Examples({
  "conf config set space DOCS",
  "conf config set read-only true --profile prod",
  "conf config set ca-cert /etc/ssl/corp-ca.pem"
})
@Command(
    name = "set",
    mixinStandardHelpOptions = true,
    description = {
      "Save a setting, for every profile or (--profile) one. A value the setting does not "
          + "accept is refused (exit 2) and nothing is saved."
    })
public final class ConfigSetCommand extends ConfigVerb implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "KEY", description = "The setting (see conf config list).")
  String key;

  @Parameters(index = "1", paramLabel = "VALUE", description = "Its new value.")
  String value;

  ConfigSetCommand(CommandContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    Settings.Key k = Settings.key(key);
    String checked = Settings.validate(k.name(), value);
    String profile = profile();
    config().putSetting(profile, k.name(), checked);
    config().save();
    ctx.io().err().println("Set " + k.name() + " to '" + checked + "' for " + scope(profile));
    return 0;
  }
}
