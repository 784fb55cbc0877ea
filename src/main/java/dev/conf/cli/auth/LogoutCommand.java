package dev.conf.cli.auth;

import dev.conf.auth.OAuthTokenStore;
import dev.conf.auth.SecretStore;
import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.config.ConfigFile;
import dev.conf.config.Profile;
import dev.conf.error.ConfException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code conf auth logout}: forgets a profile and deletes its stored secret, then says which
 * profile is current now (another saved one when the current one was removed), or that none is
 * left.
 */
@Access(Access.Kind.LOCAL)
@Examples({"conf auth logout", "conf auth logout --profile corp"})
@Command(
    name = "logout",
    mixinStandardHelpOptions = true,
    description =
        "Remove the current (or --profile) profile and its stored secret (for OAuth profiles:"
            + " the access and refresh tokens and the client secret).")
public final class LogoutCommand implements Callable<Integer> {
  private final CommandContext ctx;

  LogoutCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    String name = ctx.profileName();
    ConfigFile config = ctx.config();
    Profile profile = config.profile(name);
    if (profile == null) {
      throw ConfException.notFound("no profile '" + name + "' to log out of");
    }
    boolean wasCurrent = name.equals(config.current());
    SecretStore store = ctx.storeFor(profile);
    // An OAuth profile's entry heads its tokens' parts: delete those too, then the entry.
    boolean deleted = new OAuthTokenStore(store).delete(name) | store.delete(name);
    config.remove(name);
    config.save();
    ctx.io()
        .err()
        .println(
            "Logged out of "
                + profile.url()
                + " (profile '"
                + name
                + "')"
                + (deleted ? "; secret removed from the " + store.describe() : ""));
    String now = config.current();
    Profile next = now == null ? null : config.profile(now);
    String after;
    if (next != null) {
      after =
          (wasCurrent ? "Now using profile '" : "Current profile (unchanged): '")
              + now
              + "' ("
              + next.url()
              + ")"
              + (config.profiles().size() > 1 ? "; change it with `conf auth switch`" : "");
    } else if (config.profiles().isEmpty()) {
      after = "No profile is left: log in with `conf auth login`";
    } else {
      after = "No profile is current: pick one with `conf auth switch`";
    }
    ctx.io().err().println(after);
    return 0;
  }
}
