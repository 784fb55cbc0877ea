package dev.conf.cli.auth;

import dev.conf.cli.CommandContext;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code conf auth token}: prints the secret in use, for piping into another tool. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = {
      "Print the secret conf would use, for piping into another tool (for OAuth",
      "profiles: a current access token, refreshed first when it is about to expire).",
      "Example: curl -H \"Authorization: Bearer $(conf auth token)\" ..."
    })
public final class TokenCommand implements Callable<Integer> {
  private final CommandContext ctx;

  TokenCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    ctx.io().out().println(ctx.connection().credentials().currentSecret());
    ctx.io().out().flush();
    return 0;
  }
}
