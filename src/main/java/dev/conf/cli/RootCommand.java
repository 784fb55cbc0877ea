package dev.conf.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code conf}: the root command and the options every command takes. Its subcommands: {@link
 * Commands}.
 */
@Access(Access.Kind.LOCAL)
@Examples({
  "conf auth login --url https://x.atlassian.net --email me@x.com",
  "conf space list",
  "conf search kubernetes --space ENG --type page"
})
@Command(
    name = "conf",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Work with Confluence Cloud and Data Center from the command line.",
    footerHeading = "%nEnvironment:%n",
    footer = {
      "  CONFLUENCE_URL           the site, when no profile is saved (CI)",
      "  CONFLUENCE_EMAIL, CONFLUENCE_API_TOKEN   Cloud account email and API token",
      "  CONFLUENCE_PAT           Data Center personal access token",
      "  CONFLUENCE_USERNAME, CONFLUENCE_PASSWORD   Data Center basic auth (legacy)",
      "  CONFLUENCE_DEPLOYMENT    cloud or dc, when the URL does not tell",
      "  CONF_PROFILE, CONF_CONFIG_DIR, NO_COLOR",
      "",
      "Exit codes: 0 ok, 1 error, 2 usage, 3 not found, 4 authentication or",
      "permission, 5 conflict, 6 rate-limited after retries.",
      "",
      "More: conf help environment | exit-codes | json;  conf COMMAND --help."
    })
public final class RootCommand implements Runnable {
  private final CommandContext context;

  @Spec CommandSpec spec;

  RootCommand(CommandContext context) {
    this.context = context;
  }

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      scope = ScopeType.INHERIT,
      description = "Use this saved profile (default: CONF_PROFILE, then the current one).")
  void setProfile(String profile) {
    context.globals().profile = profile;
  }

  @Option(
      names = "--deployment",
      paramLabel = "cloud|dc",
      scope = ScopeType.INHERIT,
      description = "Treat the site as Cloud or Data Center instead of detecting it from the URL.")
  void setDeployment(String deployment) {
    context.globals().deployment = deployment;
  }

  @Option(
      names = "--ca-cert",
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description = "Also trust the CA certificates in this PEM file.")
  void setCaCert(String file) {
    context.globals().caCert = file;
  }

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Log HTTP requests and responses to stderr (secrets redacted).")
  void setDebug(boolean debug) {
    context.globals().debug = debug;
  }

  @Option(
      names = "--no-color",
      scope = ScopeType.INHERIT,
      description = "Never use colour (also: NO_COLOR).")
  void setNoColor(boolean noColor) {
    context.globals().noColor = noColor;
  }

  @Override
  public void run() {
    spec.commandLine().usage(context.io().out());
  }
}
