package dev.conf.cli.auth;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.config.ConfigFile;
import dev.conf.config.Profile;
import dev.conf.error.ConfException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code conf auth switch NAME}: makes a saved profile the current one. */
@Access(Access.Kind.LOCAL)
@Examples({"conf auth switch corp", "conf auth switch default"})
@Command(
    name = "switch",
    mixinStandardHelpOptions = true,
    description = "Make a saved profile the current one.")
public final class SwitchCommand implements Callable<Integer> {
  private final CommandContext ctx;

  @Parameters(paramLabel = "NAME", description = "The profile to use from now on.")
  String name;

  SwitchCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    ConfigFile config = ctx.config();
    Profile profile = config.profile(name);
    if (profile == null) {
      throw ConfException.notFound(
          "no profile '"
              + name
              + "'"
              + (config.profiles().isEmpty()
                  ? "; log in with `conf auth login --profile " + name + "`"
                  : "; saved profiles: " + String.join(", ", config.profiles().keySet())));
    }
    config.setCurrent(name);
    config.save();
    ctx.io().err().println("Switched to profile '" + name + "' (" + profile.url() + ")");
    return 0;
  }
}
