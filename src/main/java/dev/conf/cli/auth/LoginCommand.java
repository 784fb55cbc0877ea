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
      "Cloud, as an Atlassian Connect app (every request signed with a fresh JWT):",
      "  conf auth login --type connect-jwt --url https://x.atlassian.net \\",
      "      --app-key KEY --with-token < shared-secret.txt",
      "Data Center without a PAT (form login; cookies kept in the keychain):",
      "  conf auth login --type session --url https://wiki.corp.example --username me",
      "Data Center behind SSO (cookies copied from the browser, on stdin):",
      "  conf auth login --type cookie --url https://wiki.corp.example \\",
      "      --with-token < cookies.txt",
      "Data Center OAuth 2.0 (an incoming link's client id; PKCE, browser login):",
      "  conf auth login --web --url https://wiki.corp.example --client-id ID",
      "Data Center OAuth 1.0a application link (browser; --no-browser to paste):",
      "  conf auth login --type oauth1 --url https://wiki.corp.example \\",
      "      --consumer-key KEY --private-key key.pem",
      "Cloud service account:",
      "  conf auth login --type client-credentials --url https://x.atlassian.net \\",
      "      --client-id ID --with-token < secret.txt",
      "",
      "The secret is read without echo on a terminal, or from stdin with --with-token;",
      "it is stored in the OS keychain (or, with --insecure-storage, a file readable",
      "only by you).",
      "",
      "The login is saved as the current profile (or --profile NAME). One that holds",
      "another site or user is replaced only after a question on a terminal, or with",
      "--force; the same site and user (a renewed token) is simply replaced.",
      "A custom domain is Cloud with --email in a script; on a terminal conf asks the",
      "site's public /_edge/tenant_info, then you (--deployment cloud|dc says it)."
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
              + " stdin with --with-token), connect-jwt (Cloud: a Connect app's requests signed"
              + " with its shared secret; --app-key), session (Data Center form login with"
              + " --username), cookie (Data Center: browser cookies on stdin, for SSO sites), oauth1 (Data Center"
              + " application link; --consumer-key, --private-key).")
  String type;

  @Option(
      names = "--app-key",
      paramLabel = "KEY",
      description = "--type connect-jwt: the Connect app's key (the JWT's iss).")
  String appKey;

  @Option(
      names = "--remember-password",
      description =
          "--type session: keep the password in the keychain too, so conf logs in again by itself"
              + " when the session ends (without it, you run auth login again).")
  boolean rememberPassword;

  @Option(
      names = "--with-pat",
      description =
          "--type cookie: a personal access token goes with the cookies (both are sent): on stdin"
              + " the cookie string's line, then the PAT's line; on a terminal it is asked for.")
  boolean withPat;

  @Option(
      names = "--consumer-key",
      paramLabel = "KEY",
      description = "--type oauth1: the consumer key the admin entered in the application link.")
  String consumerKey;

  @Option(
      names = "--private-key",
      paramLabel = "FILE",
      description =
          "--type oauth1: the RSA private key (PEM) whose public key the application link holds;"
              + " conf keeps a copy in the keychain.")
  java.nio.file.Path privateKey;

  @Option(
      names = "--web",
      description =
          "Log in in the browser: on Cloud through your OAuth 2.0 app, on Data Center through"
              + " the site's OAuth 2.0 provider (an incoming link; PKCE). No token needed.")
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
          "--web and --type oauth1: the callback's port on 127.0.0.1 (default: ${DEFAULT-VALUE});"
              + " an OAuth 2.0 app must have exactly that callback URL registered.")
  int callbackPort;

  @Option(
      names = "--no-browser",
      description =
          "--web: only print the URL to open, do not start a browser; --type oauth1: print the"
              + " authorize URL and paste the verifier it shows (oob).")
  boolean noBrowser;

  @Option(
      names = "--login-timeout",
      paramLabel = "SECONDS",
      defaultValue = "300",
      description =
          "--web and --type oauth1: how long to wait for the browser (default: ${DEFAULT-VALUE}).")
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

  @Option(
      names = "--force",
      description =
          "Replace the profile even when it holds another site or user (without --profile, a"
              + " login writes the current profile; on a terminal conf asks, in a script it"
              + " refuses).")
  boolean force;

  /** The deployment was a script's default for a URL that does not tell (see deployment()). */
  private boolean deploymentGuessed;

  LoginCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Io io = ctx.io();
    AuthType requested = parseType();
    if (web || requested == AuthType.OAUTH || requested == AuthType.CLIENT_CREDENTIALS) {
      boolean asks =
          io.isStdinTty() && !(web || requested == AuthType.OAUTH ? withClientSecret : withToken);
      if (url == null && asks) {
        url = ask(true, "Confluence site URL: ", "--url");
      }
      if (url != null) {
        // Who the browser or service account logs in as is known only afterwards: the site is.
        guardProfile(detect(url, ctx.deploymentOverride()), null, asks);
      }
      return web || requested == AuthType.OAUTH
          ? new OAuthLogin(ctx, this).web()
          : new OAuthLogin(ctx, this).clientCredentials();
    }
    boolean interactive = io.isStdinTty() && !withToken;
    String siteUrl = url != null ? url : ask(interactive, "Confluence site URL: ", "--url");
    Site site = detect(siteUrl, deployment(siteUrl, requested, interactive));

    AuthType authType = authType(site);
    if (scoped && authType == AuthType.CONNECT_JWT) {
      throw ConfException.usage("--scoped is for API tokens; a Connect app signs its own requests");
    }
    if (scoped && site.deployment() != Deployment.CLOUD) {
      throw ConfException.usage("--scoped is for Confluence Cloud API tokens");
    }
    String user = null;
    if (authType == AuthType.TOKEN) {
      user = email != null ? email : ask(interactive, "Atlassian account email: ", "--email");
    } else if (authType == AuthType.PASSWORD || authType == AuthType.SESSION) {
      user = username != null ? username : ask(interactive, "Username: ", "--username");
    } else if (authType == AuthType.OAUTH1) {
      user =
          consumerKey != null ? consumerKey : ask(interactive, "Consumer key: ", "--consumer-key");
    } else if (authType == AuthType.CONNECT_JWT) {
      user = appKey != null ? appKey : ask(interactive, "Connect app key: ", "--app-key");
    }
    if (appKey != null && authType != AuthType.CONNECT_JWT) {
      throw ConfException.usage("--app-key is for --type connect-jwt");
    }
    if (rememberPassword && authType != AuthType.SESSION) {
      throw ConfException.usage("--remember-password is for --type session");
    }
    if (withPat && authType != AuthType.COOKIE) {
      throw ConfException.usage("--with-pat is for --type cookie");
    }
    if ((consumerKey != null || privateKey != null) && authType != AuthType.OAUTH1) {
      throw ConfException.usage("--consumer-key and --private-key are for --type oauth1");
    }
    guardProfile(site, user, interactive);
    if (!insecureStorage) {
      keychainReachable(authType);
    }
    String secret =
        authType == AuthType.OAUTH1 ? oauth1(site, user) : readSecret(interactive, authType);
    if (authType == AuthType.SESSION) {
      secret = ctx.sessionLogin(site, user, secret, rememberPassword);
    } else if (authType == AuthType.COOKIE) {
      secret = cookieSecret(interactive, secret);
    }

    String cloudId = null;
    if (scoped || site.scoped()) {
      cloudId = site.scoped() ? site.cloudId() : ctx.cloudIdOf(site.siteUrl());
      site = Site.scoped(ctx.gateway(), cloudId, site.scoped() ? null : site.siteUrl());
    }

    SecretStore store = insecureStorage ? ctx.fileStore() : ctx.keychain();
    SiteCredentials credentials = new SiteCredentials(authType, user, secret, store.describe());
    User me;
    if (authType == AuthType.TOKEN && !site.scoped()) {
      Checked checked;
      try {
        checked = checkCloudToken(site, credentials);
      } catch (ConfException e) {
        if (!deploymentGuessed || e.exitCode() != dev.conf.error.ExitCode.NOT_FOUND) {
          throw e;
        }
        throw new ConfException(
            e.exitCode(),
            e.getMessage()
                + "; "
                + site.displayUrl()
                + " was taken for Confluence Cloud because --email was given: if it is Data"
                + " Center, log in with --deployment dc",
            e);
      }
      site = checked.site;
      me = checked.user;
      cloudId = site.cloudId();
    } else {
      try {
        me = ctx.serviceFor(site, credentials).currentUser();
      } catch (ConfException e) {
        throw refusedAtLogin(site, authType, e);
      }
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
            authType == AuthType.PASSWORD
                    || authType == AuthType.CONNECT_JWT
                    || authType == AuthType.SESSION
                    || authType == AuthType.OAUTH1
                ? user
                : null,
            space,
            cloudId,
            ctx.globals().caCert(),
            insecureStorage ? Profile.STORAGE_FILE : Profile.STORAGE_KEYCHAIN));
    if (readOnly) {
      config.putSetting(profileName, CommandContext.READ_ONLY, "true");
    }
    config.setCurrent(profileName);
    config.save();
    if (authType == AuthType.SESSION) {
      io.err()
          .println(
              rememberPassword
                  ? "The password is stored in the "
                      + store.describe()
                      + ": when the session ends, conf logs in again by itself"
                  : "The password is not stored: when the session ends, run conf auth login again"
                      + " (with --remember-password conf logs in again by itself)");
    }

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

  /**
   * The site's refusal of the secret just given, said as what it is: the hint {@code run `conf auth
   * login`} would point at the command that is running. When the deployment was only a guess (a
   * custom domain), it also says how to try the other one.
   */
  private ConfException refusedAtLogin(Site site, AuthType authType, ConfException e) {
    if (e.exitCode() != dev.conf.error.ExitCode.AUTH
        || e.getMessage() == null
        || !e.getMessage().startsWith("authentication failed for ")) {
      return e;
    }
    boolean guessed = deploymentGuessed;
    return new ConfException(
        dev.conf.error.ExitCode.AUTH,
        "authentication failed for "
            + site.displayUrl()
            + ": the site refused the "
            + authType.description()
            + "; check that it is right and has not expired"
            + (guessed && site.deployment() == Deployment.DATA_CENTER
                ? "; if the site is Confluence Cloud, log in with --deployment cloud --email EMAIL"
                    + " and an API token"
                : guessed
                    ? "; if the site is Confluence Data Center, log in with --deployment dc"
                    : ""),
        e);
  }

  /**
   * Without {@code --profile}, a login writes the current profile (or {@code default}): when that
   * profile already holds another site or user, a terminal asks before it is replaced and a script
   * is refused (exit 2) unless {@code --force}. Logging in again to the same site as the same user
   * (a renewed token) just replaces it, as {@code gh auth login} does.
   *
   * @param user who the new login is (null when not known yet, or a PAT's unnamed user)
   */
  void guardProfile(Site site, String user, boolean interactive) {
    if (force || ctx.globals().profile() != null) {
      return;
    }
    String name = ctx.profileName();
    Profile existing = ctx.config().profile(name);
    if (existing == null || existing.url() == null) {
      return;
    }
    boolean sameSite;
    try {
      Deployment saved = Deployment.parse(existing.deployment());
      sameSite =
          Site.detect(existing.url(), saved).displayUrl().equals(site.displayUrl())
              || existing.url().equals(site.displayUrl());
    } catch (IllegalArgumentException e) {
      sameSite = false;
    }
    String savedUser = existing.user();
    boolean sameUser =
        user == null || savedUser == null || savedUser.equalsIgnoreCase(user.strip());
    if (sameSite && sameUser) {
      return;
    }
    String holds = existing.url() + (savedUser == null ? "" : " as " + savedUser);
    if (!interactive) {
      throw ConfException.usage(
              "profile '"
                  + name
                  + "' already holds "
                  + holds
                  + ": pass --profile NAME to save this login beside it, or --force to replace it")
          .hint("conf auth status lists the saved profiles");
    }
    String answer = ctx.io().prompt("Replace profile '" + name + "' (" + holds + ")? [y/N] ");
    String a = answer.toLowerCase(java.util.Locale.ROOT);
    if (!a.equals("y") && !a.equals("yes")) {
      throw new ConfException(
          dev.conf.error.ExitCode.ERROR,
          "cancelled: profile '"
              + name
              + "' is unchanged; log in with --profile NAME to save this site beside it");
    }
  }

  /**
   * Which deployment a URL is, when it says nothing itself (a custom domain: not *.atlassian.net,
   * not the gateway) and {@code --deployment} did not say either; null: let the URL decide.
   *
   * <p>Options that exist on one deployment only settle it ({@code --username}, the Data Center
   * login types; {@code --type connect-jwt}). Otherwise {@code --email} is taken for Cloud, said on
   * stderr, in a script ({@code --type token} alone is not: a Data Center user may mean a PAT); on
   * a terminal conf first asks the site's public {@code /_edge/tenant_info} (one request, no
   * credentials: only Cloud answers it with a cloud id), and when that does not settle it asks the
   * user, the email making Cloud the default answer.
   */
  private Deployment deployment(String siteUrl, AuthType requested, boolean interactive) {
    Deployment override = ctx.deploymentOverride();
    if (override != null) {
      return override;
    }
    Site detected = detect(siteUrl, null);
    if (Site.hostTellsDeployment(detected)) {
      return null;
    }
    if (requested == AuthType.CONNECT_JWT) {
      return Deployment.CLOUD;
    }
    if (requested != null && requested != AuthType.TOKEN || username != null) {
      return Deployment.DATA_CENTER;
    }
    Io io = ctx.io();
    if (!interactive) {
      if (email != null) {
        io.err()
            .println(
                "conf: "
                    + detected.displayUrl()
                    + " is taken for Confluence Cloud because --email was given (use --deployment"
                    + " dc if it is Data Center)");
        deploymentGuessed = true;
        return Deployment.CLOUD;
      }
      deploymentGuessed = true;
      return Deployment.DATA_CENTER;
    }
    String cloudId = ctx.probeCloudId(detected.siteUrl());
    if (cloudId != null) {
      io.err()
          .println(
              detected.displayUrl() + " is Confluence Cloud (its cloud id is " + cloudId + ")");
      return Deployment.CLOUD;
    }
    // No cloud id: most likely Data Center, but a proxy may hide it; the user knows.
    String hint = email != null ? "cloud" : "dc";
    while (true) {
      String answer =
          io.prompt(
                  "Is "
                      + detected.displayUrl()
                      + " Confluence Cloud or Data Center? [cloud/dc] ("
                      + hint
                      + "): ")
              .toLowerCase(java.util.Locale.ROOT);
      try {
        Deployment d = Deployment.parse(answer.isEmpty() ? hint : answer);
        if (d != null) {
          return d;
        }
      } catch (IllegalArgumentException e) {
        io.err().println("Answer cloud or dc.");
      }
    }
  }

  /**
   * Says, before the secret is asked for, when there is no keychain to keep it in: conf never falls
   * back to a plain-text file by itself.
   */
  private void keychainReachable(AuthType authType) {
    try {
      ctx.keychain().get(ctx.profileName());
    } catch (dev.conf.auth.SecretStoreException e) {
      String env =
          switch (authType) {
            case TOKEN -> "or set CONFLUENCE_EMAIL and CONFLUENCE_API_TOKEN in the environment";
            case PAT -> "or set CONFLUENCE_PAT in the environment";
            case PASSWORD ->
                "or set CONFLUENCE_USERNAME and CONFLUENCE_PASSWORD in the environment";
            default -> "or unlock or start the keychain and log in again";
          };
      throw new ConfException(
          dev.conf.error.ExitCode.ERROR,
          "no keychain could be reached"
              + (e.reason() == null ? "" : " (" + e.reason() + ")")
              + ": the "
              + (authType == AuthType.PASSWORD || authType == AuthType.SESSION
                  ? "password"
                  : "secret")
              + " would be stored in plain text in "
              + ctx.fileStore().file()
              + "; use --insecure-storage to allow that, "
              + env,
          e);
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
    if (site.deployment() == Deployment.CLOUD && t != AuthType.TOKEN && t != AuthType.CONNECT_JWT) {
      throw ConfException.usage(
          "Confluence Cloud takes an API token (--type token) with the account's email, a"
              + " browser login (--web), a service account (--type client-credentials) or a"
              + " Connect app's shared secret (--type connect-jwt)");
    }
    if (site.deployment() == Deployment.DATA_CENTER && t == AuthType.CONNECT_JWT) {
      throw ConfException.usage(
          "--type connect-jwt is for Confluence Cloud: Connect apps are installed on Cloud sites");
    }
    if (site.deployment() == Deployment.DATA_CENTER && t == AuthType.TOKEN) {
      throw ConfException.usage(
          "--type token is for Cloud; Data Center takes a personal access token (--type pat) or"
              + " --type password (a Cloud site on its own domain: add --email, or --deployment"
              + " cloud)");
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

  /**
   * The OAuth 1.0a dance: the browser comes back to a loopback callback; with --no-browser (or no
   * browser here) the verifier is pasted (in a script, the first line of stdin).
   */
  private String oauth1(Site site, String key) {
    if (privateKey == null) {
      throw ConfException.usage("--type oauth1 needs --private-key FILE (the RSA key in PEM)");
    }
    String pem;
    try {
      pem = java.nio.file.Files.readString(privateKey);
    } catch (java.io.IOException e) {
      throw ConfException.usage(
          "cannot read the private key " + privateKey + ": " + e.getMessage());
    }
    return new OAuth1Login(ctx, this).run(site, key, pem);
  }

  /** The cookie login's secret: the cookie string, and with --with-pat the PAT after it. */
  private String cookieSecret(boolean interactive, String read) {
    String cookies = read;
    String pat = null;
    if (withPat) {
      int nl = read.indexOf('\n');
      if (nl >= 0) {
        cookies = read.substring(0, nl).strip();
        pat = read.substring(nl + 1).strip();
      } else if (interactive) {
        char[] chars = ctx.io().promptSecret("Personal access token: ");
        pat = chars == null ? "" : new String(chars).strip();
      }
      if (pat == null || pat.isEmpty()) {
        throw ConfException.usage(
            "--with-pat: no PAT given (on stdin, the line after the cookie string)");
      }
    }
    return new dev.conf.auth.session.SessionSecret(cookies, null, pat).toJson();
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
            case CONNECT_JWT -> "Connect app shared secret: ";
            case SESSION -> "Password: ";
            case COOKIE -> "Cookie string from the browser (JSESSIONID=...; ...): ";
            case OAUTH1 -> "Verifier: ";
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
