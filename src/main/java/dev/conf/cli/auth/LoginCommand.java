package dev.conf.cli.auth;

import dev.conf.auth.AuthType;
import dev.conf.auth.Deployment;
import dev.conf.auth.SecretStore;
import dev.conf.auth.Site;
import dev.conf.auth.SiteCredentials;
import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.config.ConfigFile;
import dev.conf.config.Profile;
import dev.conf.error.ConfException;
import dev.conf.output.Io;
import dev.conf.service.User;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code conf auth login}: asks for (or reads) a site and credentials, proves they work against the
 * current-user endpoint, then saves the profile and puts the secret in the keychain. Nothing is
 * saved when the check fails. A secret is never taken from argv: it comes from a no-echo prompt or
 * stdin.
 */
@Access(Access.Kind.LOCAL)
@Examples({
  "conf auth login --url https://x.atlassian.net --email me@x.com",
  "conf auth login --url https://wiki.corp.example --profile corp",
  "conf auth login --url https://x.atlassian.net --email me@x.com --with-token < token.txt"
})
@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    description = {
      "Log in to a Confluence site and save the credentials.",
      "",
      "Cloud:",
      "  conf auth login --url https://x.atlassian.net --email me@x.com \\",
      "      --with-token < token.txt",
      "Data Center:",
      "  conf auth login --url https://wiki.corp.example --with-token < pat.txt",
      "Cloud without an API token (browser login through your OAuth app):",
      "  conf auth login --web --url https://x.atlassian.net --client-id ID",
      "Cloud service account:",
      "  conf auth login --type client-credentials --url https://x.atlassian.net \\",
      "      --client-id ID --with-token < secret.txt",
      "",
      "The secret is read without echo on a terminal, or from stdin with --with-token;",
      "it is stored in the OS keychain (or, with --insecure-storage, a file readable",
      "only by you)."
    })
public final class LoginCommand implements Callable<Integer> {
  private final CommandContext ctx;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "The site, e.g. https://x.atlassian.net.")
  String url;

  @Option(
      names = "--email",
      paramLabel = "EMAIL",
      description = "Cloud: the Atlassian account's email.")
  String email;

  @Option(
      names = "--username",
      paramLabel = "NAME",
      description = "Data Center: the username (password auth).")
  String username;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      description =
          "token (Cloud API token, the Cloud default), pat (Data Center default), password,"
              + " oauth (as --web), client-credentials (Cloud service account; its secret on"
              + " stdin with --with-token).")
  String type;

  @Option(
      names = "--web",
      description =
          "Cloud: log in in the browser through your OAuth 2.0 app (no API token needed).")
  boolean web;

  @Option(
      names = "--client-id",
      paramLabel = "ID",
      description = "The OAuth app's client id (default: $CONF_OAUTH_CLIENT_ID).")
  String clientId;

  @Option(
      names = "--with-client-secret",
      description =
          "--web: read the app's client secret from stdin (else $CONF_OAUTH_CLIENT_SECRET, else a"
              + " prompt).")
  boolean withClientSecret;

  @Option(
      names = "--scopes",
      paramLabel = "SCOPES",
      description =
          "--web: the scopes to ask for, space- or comma-separated (default: classic Confluence"
              + " scopes and offline_access).")
  String scopes;

  @Option(
      names = "--callback-port",
      paramLabel = "PORT",
      defaultValue = "8765",
      description =
          "--web: the callback's port on 127.0.0.1 (default: ${DEFAULT-VALUE}); the app must have"
              + " exactly that callback URL registered.")
  int callbackPort;

  @Option(
      names = "--no-browser",
      description = "--web: only print the URL to open, do not start a browser.")
  boolean noBrowser;

  @Option(
      names = "--login-timeout",
      paramLabel = "SECONDS",
      defaultValue = "300",
      description = "--web: how long to wait for the browser (default: ${DEFAULT-VALUE}).")
  int loginTimeout;

  @Option(names = "--with-token", description = "Read the secret from stdin.")
  boolean withToken;

  @Option(
      names = "--scoped",
      description =
          "Cloud: the API token is scoped; route calls through api.atlassian.com (found out"
              + " anyway when the site refuses the token).")
  boolean scoped;

  @Option(
      names = "--insecure-storage",
      description = "Keep the secret in a plain file (mode 0600) instead of the OS keychain.")
  boolean insecureStorage;

  @Option(
      names = "--read-only",
      description =
          "Make the profile read-only: every command that would change the site refuses (exit 4),"
              + " conf api allows only GET and HEAD. Undo: conf config unset read-only.")
  boolean readOnly;

  @Option(
      names = "--space",
      paramLabel = "KEY",
      description = "A default space key for this profile.")
  String space;

  LoginCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Io io = ctx.io();
    AuthType requested = parseType();
    if (web || requested == AuthType.OAUTH) {
      return new OAuthLogin(ctx, this).web();
    }
    if (requested == AuthType.CLIENT_CREDENTIALS) {
      return new OAuthLogin(ctx, this).clientCredentials();
    }
    boolean interactive = io.isStdinTty() && !withToken;
    String siteUrl = url != null ? url : ask(interactive, "Confluence site URL: ", "--url");
    Site site = detect(siteUrl, ctx.deploymentOverride());

    AuthType authType = authType(site);
    if (scoped && site.deployment() != Deployment.CLOUD) {
      throw ConfException.usage("--scoped is for Confluence Cloud API tokens");
    }
    String user = null;
    if (authType == AuthType.TOKEN) {
      user = email != null ? email : ask(interactive, "Atlassian account email: ", "--email");
    } else if (authType == AuthType.PASSWORD) {
      user = username != null ? username : ask(interactive, "Username: ", "--username");
    }
    String secret = readSecret(interactive, authType);

    String cloudId = null;
    if (scoped || site.scoped()) {
      cloudId = site.scoped() ? site.cloudId() : ctx.cloudIdOf(site.siteUrl());
      site = Site.scoped(ctx.gateway(), cloudId, site.scoped() ? null : site.siteUrl());
    }

    SecretStore store = insecureStorage ? ctx.fileStore() : ctx.keychain();
    SiteCredentials credentials = new SiteCredentials(authType, user, secret, store.describe());
    User me;
    if (authType == AuthType.TOKEN && !site.scoped()) {
      Checked checked = checkCloudToken(site, credentials);
      site = checked.site;
      me = checked.user;
      cloudId = site.cloudId();
    } else {
      me = ctx.serviceFor(site, credentials).currentUser();
    }

    if (authType == AuthType.PASSWORD) {
      io.err()
          .println(
              "warning: username and password authentication is legacy; a personal access token"
                  + " (--type pat) is preferred");
    }
    String profileName = ctx.profileName();
    // An earlier OAuth login of this profile leaves token parts behind its entry: remove them.
    new dev.conf.auth.OAuthTokenStore(store).delete(profileName);
    store.put(profileName, secret);
    if (insecureStorage) {
      io.err()
          .println(
              "warning: the secret is stored in plain text in "
                  + ctx.fileStore().file()
                  + " (readable only by you); the OS keychain is safer");
    } else {
      // A secret left in the plain-text file by an earlier --insecure-storage login is no longer
      // used.
      ctx.fileStore().delete(profileName);
    }

    ConfigFile config = ctx.config();
    config.put(
        profileName,
        new Profile(
            site.displayUrl(),
            site.deployment().id(),
            authType.id(),
            authType == AuthType.TOKEN ? user : null,
            authType == AuthType.PASSWORD ? user : null,
            space,
            cloudId,
            ctx.globals().caCert(),
            insecureStorage ? Profile.STORAGE_FILE : Profile.STORAGE_KEYCHAIN));
    if (readOnly) {
      config.putSetting(profileName, CommandContext.READ_ONLY, "true");
    }
    config.setCurrent(profileName);
    config.save();

    io.err()
        .println(
            "Logged in to "
                + site.displayUrl()
                + " ("
                + site.deployment().displayName()
                + (site.scoped() ? ", scoped token" : "")
                + ") as "
                + me.describe()
                + "; profile '"
                + profileName
                + "', secret in the "
                + store.describe());
    return 0;
  }

  private record Checked(Site site, User user) {}

  /**
   * Checks a Cloud API token on the site; when the site refuses the Basic pair, tries the gateway
   * (the token may be scoped, which the site itself never accepts) and keeps that route when it
   * works. A token refused both ways is reported with where to make a new one.
   */
  private Checked checkCloudToken(Site site, SiteCredentials credentials) {
    ConfException refused;
    try {
      return new Checked(site, ctx.serviceFor(site, credentials).currentUser());
    } catch (ConfException e) {
      if (e.exitCode() != dev.conf.error.ExitCode.AUTH || site.siteUrl() == null) {
        throw e;
      }
      refused = e;
    }
    Site gateway;
    try {
      String id = ctx.cloudIdOf(site.siteUrl());
      gateway = Site.scoped(ctx.gateway(), id, site.siteUrl());
    } catch (ConfException e) {
      // No cloud id (not a Cloud site's host, or no answer): the site's own refusal stands.
      throw refused;
    }
    try {
      User me = ctx.serviceFor(gateway, credentials).currentUser();
      ctx.io()
          .err()
          .println(
              "The site refused the token as a classic API token but the API gateway took it: it"
                  + " is a scoped token, so calls go through "
                  + gateway.root());
      return new Checked(gateway, me);
    } catch (ConfException e) {
      if (e.exitCode() != dev.conf.error.ExitCode.AUTH) {
        throw e;
      }
      throw tokenRefused(site, refused);
    }
  }

  private static ConfException tokenRefused(Site site, ConfException cause) {
    return new ConfException(
        dev.conf.error.ExitCode.AUTH,
        cause.getMessage()
            + "; the API gateway refused it too, so it is no scoped token either: the token may be"
            + " wrong, expired or revoked — create one at "
            + TOKENS_PAGE,
        cause);
  }

  static final String TOKENS_PAGE = "https://id.atlassian.com/manage-profile/security/api-tokens";

  private AuthType parseType() {
    try {
      return AuthType.parse(type);
    } catch (IllegalArgumentException e) {
      throw ConfException.usage(e.getMessage());
    }
  }

  private Site detect(String siteUrl, Deployment override) {
    try {
      return Site.detect(siteUrl, override);
    } catch (IllegalArgumentException e) {
      throw ConfException.usage(e.getMessage());
    }
  }

  private AuthType authType(Site site) {
    AuthType t = parseType();
    if (t == null) {
      return username != null && site.deployment() == Deployment.DATA_CENTER
          ? AuthType.PASSWORD
          : AuthType.defaultFor(site.deployment());
    }
    if (site.deployment() == Deployment.CLOUD && t != AuthType.TOKEN) {
      throw ConfException.usage(
          "Confluence Cloud takes an API token (--type token) with the account's email, or a"
              + " browser login (--web) or service account (--type client-credentials)");
    }
    if (site.deployment() == Deployment.DATA_CENTER && t == AuthType.TOKEN) {
      throw ConfException.usage(
          "--type token is for Cloud; Data Center takes a personal access token (--type pat) or"
              + " --type password");
    }
    return t;
  }

  String ask(boolean interactive, String question, String option) {
    if (!interactive) {
      throw ConfException.usage(option + " is required when not on a terminal");
    }
    String answer = ctx.io().prompt(question);
    if (answer.isEmpty()) {
      throw ConfException.usage("no answer given for " + option);
    }
    return answer;
  }

  private String readSecret(boolean interactive, AuthType authType) {
    String secret;
    if (withToken) {
      secret = ctx.io().readAllStdin().strip();
      if (secret.isEmpty()) {
        throw ConfException.usage("--with-token: no secret on stdin");
      }
    } else if (interactive) {
      String label =
          switch (authType) {
            case TOKEN ->
                "API token (https://id.atlassian.com/manage-profile/security/api-tokens): ";
            case PAT -> "Personal access token: ";
            case PASSWORD -> "Password: ";
            case OAUTH, CLIENT_CREDENTIALS -> "OAuth client secret: ";
          };
      char[] chars = ctx.io().promptSecret(label);
      secret = chars == null ? "" : new String(chars).strip();
      if (secret.isEmpty()) {
        throw ConfException.usage("no secret given");
      }
    } else {
      throw ConfException.usage(
          "not on a terminal: pass the secret on stdin with --with-token (never as an argument)");
    }
    return secret;
  }
}
