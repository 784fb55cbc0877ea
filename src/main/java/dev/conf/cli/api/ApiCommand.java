package dev.conf.cli.api;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code conf api PATH}: any REST call, authenticated, like {@code gh api}. The answer's body goes
 * to stdout whatever the status; a status that is not 2xx also prints one line on stderr and exits
 * with the mapped code (401/403 → 4, 404 → 3, 409 → 5, 429/503 → 6, others → 1).
 */
@Access(Access.Kind.BY_REQUEST)
@Examples({
  "conf api /wiki/api/v2/pages --paginate -f space-id=98305 --jq '.[].title'",
  "conf api -X PUT /wiki/api/v2/pages/123 --input page.json",
  "conf api -i /wiki/rest/api/user/current"
})
@Command(
    name = "api",
    mixinStandardHelpOptions = true,
    description = {
      "Make an authenticated request to the Confluence REST API.",
      "",
      "PATH hangs from the site: /wiki/api/v2/pages or /wiki/rest/api/search on Cloud",
      "(through the API gateway for scoped tokens), /rest/api/space on Data Center",
      "(after the context path). A full URL is accepted only on the profile's own host.",
      "",
      "The method is GET, or POST when fields or --input are given (GET with --paginate). "
          + "For GET, HEAD and DELETE, fields are query parameters; otherwise they form a JSON "
          + "body: key[sub]=v nests, key[]=v appends. -F turns true, false, null and integers "
          + "into JSON values and reads @file (@- stdin)."
    })
public final class ApiCommand implements Callable<Integer> {
  private final CommandContext ctx;

  @Parameters(paramLabel = "PATH", description = "The path, e.g. /wiki/api/v2/spaces.")
  String path;

  @Option(
      names = {"-X", "--method"},
      paramLabel = "METHOD",
      description = "The HTTP method (default: GET, or POST with fields or --input).")
  String method;

  @Option(
      names = {"-f", "--raw-field"},
      paramLabel = "KEY=VALUE",
      description = "A string field.")
  List<String> rawFields = new ArrayList<>();

  @Option(
      names = {"-F", "--field"},
      paramLabel = "KEY=VALUE",
      description = "A typed field: true, false, null, integers; @file reads a file (@- stdin).")
  List<String> typedFields = new ArrayList<>();

  @Option(
      names = {"-H", "--header"},
      paramLabel = "'NAME: VALUE'",
      description = "An extra request header.")
  List<String> headers = new ArrayList<>();

  @Option(
      names = "--input",
      paramLabel = "FILE",
      description = "The request body from a file ('-' for stdin); fields then go to the query.")
  String input;

  @Option(
      names = {"-i", "--include"},
      description = "Print the status line and response headers before the body.")
  boolean include;

  @Option(names = "--silent", description = "Do not print the response body.")
  boolean silent;

  @Option(names = "--jq", paramLabel = "EXPR", description = "Filter the JSON response with jq.")
  String jq;

  @Option(
      names = "--paginate",
      description =
          "Follow next links (Cloud cursors, start/limit) and print every page's results as one"
              + " JSON array.")
  boolean paginate;

  ApiCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    // The work lives in ApiCall so that picocli's reflection over this class, which runs for
    // every command line (--help and --version too), loads no Jackson class.
    return new ApiCall(ctx, this).run();
  }
}
