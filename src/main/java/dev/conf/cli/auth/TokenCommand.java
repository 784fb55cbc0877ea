package dev.conf.cli.auth;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code conf auth token}: prints the secret in use, for piping into another tool. */
@Access(Access.Kind.READS)
@Examples({
  "curl -H \"$(conf auth token --header)\" https://x.atlassian.net/wiki/api/v2/spaces",
  "conf auth token --profile corp | pbcopy"
})
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = {
      "Print the secret conf would use, for piping into another tool (for OAuth profiles: a "
          + "current access token, refreshed first when it is about to expire).",
      "",
      "How it goes into an Authorization header depends on the site: Data Center takes a "
          + "personal access token as 'Bearer TOKEN'; Cloud takes an API token with the account's "
          + "email as 'Basic base64(email:token)', an OAuth access token as 'Bearer TOKEN'. "
          + "--header prints the whole header for either."
    })
public final class TokenCommand implements Callable<Integer> {
  private final CommandContext ctx;

  TokenCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Option(
      names = "--header",
      description = "Print the whole 'Authorization: ...' header the site expects instead.")
  boolean header;

  @Override
  public Integer call() {
    var credentials = ctx.connection().credentials();
    ctx.io()
        .out()
        .println(
            header
                ? "Authorization: " + credentials.authorizationHeader()
                : credentials.currentSecret());
    ctx.io().out().flush();
    return 0;
  }
}
