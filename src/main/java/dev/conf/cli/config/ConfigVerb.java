package dev.conf.cli.config;

import dev.conf.cli.CommandContext;
import dev.conf.config.ConfigFile;
import dev.conf.error.ConfException;

/**
 * What the verbs of {@code conf config} share: whose settings (the global {@code --profile}, read
 * here, selects one profile's; without it, those for every profile).
 */
abstract class ConfigVerb {
  final CommandContext ctx;

  ConfigVerb(CommandContext ctx) {
    this.ctx = ctx;
  }

  /** The profile named with --profile (it must exist), or null for every profile. */
  String profile() {
    String name = ctx.globals().profile();
    if (name != null && ctx.config().profile(name) == null) {
      throw ConfException.notFound(
          "no profile '"
              + name
              + "'"
              + (ctx.config().profiles().isEmpty()
                  ? "; run `conf auth login` first"
                  : "; saved profiles: " + String.join(", ", ctx.config().profiles().keySet())));
    }
    return name;
  }

  ConfigFile config() {
    return ctx.config();
  }

  static String scope(String profile) {
    return profile == null ? "every profile" : "profile '" + profile + "'";
  }
}
