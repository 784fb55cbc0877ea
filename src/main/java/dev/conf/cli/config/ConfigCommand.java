package dev.conf.cli.config;

import dev.conf.cli.Access;
import dev.conf.cli.Examples;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code conf config}: the non-secret settings, for every profile or one. */
@Access(Access.Kind.LOCAL)
@Examples({
  "conf config set space DOCS --profile work",
  "conf config get space",
  "conf config list"
})
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = {
      "Read and change conf's non-secret settings.",
      "",
      "A setting applies to every profile, or with --profile to that one (which wins). An "
          + "environment variable named in `conf config list` wins over both for one command. "
          + "Secrets are never settings: they stay in the keychain (`conf auth login`)."
    })
public final class ConfigCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
