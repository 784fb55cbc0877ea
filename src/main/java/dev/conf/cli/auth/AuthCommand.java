package dev.conf.cli.auth;

import dev.conf.cli.Access;
import dev.conf.cli.Examples;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code conf auth}: log in and out, and see how conf authenticates. */
@Access(Access.Kind.LOCAL)
@Examples({"conf auth login --url https://x.atlassian.net --email me@x.com", "conf auth status"})
@Command(
    name = "auth",
    mixinStandardHelpOptions = true,
    description = "Log in to a Confluence site, check or switch the credentials in use.")
public final class AuthCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
