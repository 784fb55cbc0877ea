package dev.conf.cli.auth;

import dev.conf.auth.AtlassianHosts;
import dev.conf.auth.AuthType;
import dev.conf.auth.ConnectionResolver;
import dev.conf.auth.Deployment;
import dev.conf.auth.OAuthGrants;
import dev.conf.auth.OAuthTokenStore;
import dev.conf.auth.OAuthTokens;
import dev.conf.auth.SecretStore;
import dev.conf.auth.Site;
import dev.conf.auth.SiteCredentials;
import dev.conf.auth.TokenSource;
import dev.conf.auth.pkce.DataCenterOAuth;
import dev.conf.auth.pkce.Pkce;
import dev.conf.cli.CommandContext;
import dev.conf.config.ConfigFile;
import dev.conf.config.Profile;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.output.Io;
import dev.conf.service.User;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * The two OAuth logins of {@code conf auth login}: {@code --web} (3LO: the browser consents, conf's
 * loopback listener takes the code, the token endpoint exchanges it with the client secret) and
 * {@code --type client-credentials} (a service account's token, minted with its secret). Either way
 * the site is then reached through the gateway, the login is checked against the current user, and
 * only then saved: the profile (no secret) in the config, the tokens and client secret in the
 * keychain.
 */
final class OAuthLogin {
  /**
   * Classic scopes for everything conf does (read and write content, spaces, attachments, labels,
   * comments, search, the current user), and offline_access for a refresh token.
   */
  static final List<String> DEFAULT_SCOPES =
      List.of(
          "read:confluence-content.all",
          "read:confluence-content.summary",
          "write:confluence-content",
          "read:confluence-space.summary",
          "write:confluence-file",
          "readonly:content.attachment:confluence",
          "read:confluence-props",
          "write:confluence-props",
          "read:confluence-user",
          "search:confluence",
          "offline_access");

  private static final Duration POLL = Duration.ofMillis(200);

  private final CommandContext ctx;
  private final LoginCommand o;

  OAuthLogin(CommandContext ctx, LoginCommand options) {
    this.ctx = ctx;
    this.o = options;
  }

  /** {@code --web}: the browser login. */
  int web() {
    Io io = ctx.io();
    boolean interactive = io.isStdinTty() && !o.withClientSecret;
    Site given = site(interactive);
    if (given.deployment() == Deployment.DATA_CENTER) {
      return webDataCenter(given, interactive);
    }
    Site site = cloudSite(given);
    String clientId = clientId();
    String secret = clientSecret(o.withClientSecret, "--with-client-secret", interactive);
    AtlassianHosts hosts = ctx.atlassianHosts(null);
    OAuthGrants client = ctx.oauthClient(hosts, clientId, secret);
    String scopes = scopes();
    String state = randomState();

    OAuthTokens tokens =
        browserFlow(
            state, client, redirect -> authorizeUrl(hosts, clientId, scopes, redirect, state));
    if (tokens.refreshToken() == null) {
      io.err()
          .println(
              "warning: no refresh token came back (was offline_access granted?): this login"
                  + " lasts until "
                  + tokens.expiresAt());
    }
    OAuthGrants.Resource resource =
        chooseSite(client.accessibleResources(tokens.accessToken()), site);
    URI siteUrl = Site.siteRoot(resource.url());
    Site through = Site.oauth(hosts.api(), resource.id(), siteUrl);
    User me = check(through, AuthType.OAUTH, tokens);
    save(AuthType.OAUTH, through, clientId, hosts, tokens, secret);
    io.err()
        .println(
            "Logged in to "
                + through.displayUrl()
                + " (Cloud, OAuth through "
                + through.root()
                + ") as "
                + me.describe()
                + "; profile '"
                + ctx.profileName()
                + "', tokens in the "
                + store().describe()
                + "; access token valid until "
                + tokens.expiresAt());
    return 0;
  }

  /** {@code --type client-credentials}: a service account. */
  int clientCredentials() {
    Io io = ctx.io();
    boolean interactive = io.isStdinTty() && !o.withToken;
    Site given = site(interactive);
    if (given.deployment() == Deployment.DATA_CENTER) {
      return clientCredentialsDataCenter(given, interactive);
    }
    Site site = cloudSite(given);
    String clientId = clientId();
    String secret = clientSecret(o.withToken, "--with-token", interactive);
    AtlassianHosts hosts = ctx.atlassianHosts(null);
    OAuthGrants client = ctx.oauthClient(hosts, clientId, secret);
    OAuthTokens tokens = client.clientCredentials();
    String cloudId = ctx.cloudIdOf(site.siteUrl());
    Site through = Site.oauth(hosts.api(), cloudId, site.siteUrl());
    User me = check(through, AuthType.CLIENT_CREDENTIALS, tokens);
    save(AuthType.CLIENT_CREDENTIALS, through, clientId, hosts, tokens, secret);
    io.err()
        .println(
            "Logged in to "
                + through.displayUrl()
                + " (Cloud, service account through "
                + through.root()
                + ") as "
                + me.describe()
                + "; profile '"
                + ctx.profileName()
                + "', client secret and token in the "
                + store().describe());
    return 0;
  }

  /**
   * {@code --web} on Data Center: the site's own OAuth 2.0 provider, with PKCE S256 and the same
   * loopback callback and state check as Cloud's; the tokens then go to the site itself as Bearer.
   */
  private int webDataCenter(Site site, boolean interactive) {
    Io io = ctx.io();
    String clientId = clientId();
    String secret = clientSecret(o.withClientSecret, "--with-client-secret", interactive);
    Pkce pkce = Pkce.generate();
    OAuthGrants client = ctx.dataCenterOAuth(site.apiBase(), clientId, secret, pkce);
    String scope =
        o.scopes == null || o.scopes.isBlank()
            ? DataCenterOAuth.DEFAULT_SCOPE
            : String.join(" ", o.scopes.trim().split("[\\s,]+"));
    String state = randomState();
    OAuthTokens tokens =
        browserFlow(
            state,
            client,
            redirect ->
                DataCenterOAuth.authorizeUrl(
                    site.apiBase(), clientId, scope, redirect, state, pkce));
    if (tokens.refreshToken() == null) {
      io.err()
          .println(
              "warning: no refresh token came back: this login lasts until " + tokens.expiresAt());
    }
    User me = check(site, AuthType.OAUTH, tokens);
    save(AuthType.OAUTH, site, clientId, null, tokens, secret);
    io.err()
        .println(
            "Logged in to "
                + site.displayUrl()
                + " (Data Center, OAuth 2.0) as "
                + me.describe()
                + "; profile '"
                + ctx.profileName()
                + "', tokens in the "
                + store().describe()
                + "; access token valid until "
                + tokens.expiresAt());
    return 0;
  }

  /** {@code --type client-credentials} on Data Center: a service account of an incoming link. */
  private int clientCredentialsDataCenter(Site site, boolean interactive) {
    String clientId = clientId();
    String secret = clientSecret(o.withToken, "--with-token", interactive);
    OAuthTokens tokens =
        ctx.dataCenterOAuth(site.apiBase(), clientId, secret, null).clientCredentials();
    User me = check(site, AuthType.CLIENT_CREDENTIALS, tokens);
    save(AuthType.CLIENT_CREDENTIALS, site, clientId, null, tokens, secret);
    ctx.io()
        .err()
        .println(
            "Logged in to "
                + site.displayUrl()
                + " (Data Center, service account) as "
                + me.describe()
                + "; profile '"
                + ctx.profileName()
                + "', client secret and token in the "
                + store().describe());
    return 0;
  }

  private Site site(boolean interactive) {
    String siteUrl = o.url != null ? o.url : o.ask(interactive, "Confluence site URL: ", "--url");
    try {
      return Site.detect(siteUrl, ctx.deploymentOverride());
    } catch (IllegalArgumentException e) {
      throw ConfException.usage(e.getMessage());
    }
  }

  private Site cloudSite(Site site) {
    if (site.deployment() != Deployment.CLOUD || site.scoped()) {
      throw ConfException.usage(
          "OAuth logins are for Confluence Cloud sites: give the site's URL"
              + " (https://x.atlassian.net), or --deployment cloud for a custom domain");
    }
    return site;
  }

  private String clientId() {
    if (o.clientId != null && !o.clientId.isBlank()) {
      return o.clientId.trim();
    }
    String env = ctx.env().get(ConnectionResolver.CLIENT_ID_VAR);
    if (env != null && !env.isBlank()) {
      return env.trim();
    }
    throw ConfException.usage(
        "--client-id (or "
            + ConnectionResolver.CLIENT_ID_VAR
            + ") is required: the id of your"
            + " OAuth app in Atlassian's developer console");
  }

  private String clientSecret(boolean fromStdin, String flag, boolean interactive) {
    String secret;
    if (fromStdin) {
      secret = ctx.io().readAllStdin().strip();
      if (secret.isEmpty()) {
        throw ConfException.usage(flag + ": no client secret on stdin");
      }
      return secret;
    }
    String env = ctx.env().get(ConnectionResolver.CLIENT_SECRET_VAR);
    if (env != null && !env.isBlank()) {
      return env.trim();
    }
    if (interactive) {
      char[] chars = ctx.io().promptSecret("OAuth client secret: ");
      secret = chars == null ? "" : new String(chars).strip();
      if (secret.isEmpty()) {
        throw ConfException.usage("no client secret given");
      }
      return secret;
    }
    throw ConfException.usage(
        "the app's client secret is required (Atlassian accepts no client without it): pass it"
            + " on stdin with "
            + flag
            + " or set "
            + ConnectionResolver.CLIENT_SECRET_VAR
            + " (never as an argument)");
  }

  private String scopes() {
    if (o.scopes == null || o.scopes.isBlank()) {
      return String.join(" ", DEFAULT_SCOPES);
    }
    return String.join(" ", o.scopes.trim().split("[\\s,]+"));
  }

  /**
   * The browser half of an authorization-code login: a loopback callback, the authorize URL printed
   * (and opened where a browser can be), the code awaited and exchanged.
   *
   * @param authorizeFor the authorize URL for the callback's redirect URI
   */
  private OAuthTokens browserFlow(
      String state, OAuthGrants client, java.util.function.UnaryOperator<String> authorizeFor) {
    Io io = ctx.io();
    try (LoopbackCallback callback = LoopbackCallback.start(o.callbackPort, state)) {
      String authorize = authorizeFor.apply(callback.redirectUri());
      io.err().println("Open this URL in a browser to log in (conf waits for it to come back):");
      io.err().println("  " + authorize);
      io.err().flush();
      if (!o.noBrowser && !ctx.browser().open(authorize)) {
        io.err().println("(No browser could be started here: open the URL yourself.)");
        io.err().flush();
      }
      String code = await(callback);
      return client.exchangeCode(code, callback.redirectUri());
    }
  }

  private static String randomState() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String authorizeUrl(
      AtlassianHosts hosts, String clientId, String scopes, String redirectUri, String state) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("audience", "api.atlassian.com");
    q.put("client_id", clientId);
    q.put("scope", scopes);
    q.put("redirect_uri", redirectUri);
    q.put("state", state);
    q.put("response_type", "code");
    q.put("prompt", "consent");
    return hosts.authorize()
        + "?"
        + q.entrySet().stream()
            .map(e -> e.getKey() + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * Waits for the browser to come back, polling through the injected sleeper and clock: the timeout
   * is measured on the clock, so a test's fake clock reaches it without waiting.
   */
  private String await(LoopbackCallback callback) {
    Instant deadline = ctx.clock().instant().plusSeconds(o.loginTimeout);
    while (!callback.code().isDone()) {
      if (!ctx.clock().instant().isBefore(deadline)) {
        throw ConfException.auth(
            "no answer from the browser within "
                + o.loginTimeout
                + "s: run the login again (--login-timeout gives more time)");
      }
      ctx.pause(POLL);
    }
    try {
      return callback.code().get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ConfException ce) {
        throw ce;
      }
      throw new ConfException(ExitCode.ERROR, "the login failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConfException(ExitCode.ERROR, "interrupted while waiting for the browser", e);
    }
  }

  /** The consented site that is the one the user named; never the first in the list. */
  static OAuthGrants.Resource chooseSite(List<OAuthGrants.Resource> resources, Site wanted) {
    String origin = origin(wanted.displayUrl());
    for (OAuthGrants.Resource r : resources) {
      if (origin(r.url()).equals(origin)) {
        return r;
      }
    }
    List<String> listed = new ArrayList<>();
    for (OAuthGrants.Resource r : resources) {
      listed.add(r.url() + (r.name().isEmpty() ? "" : " (" + r.name() + ")"));
    }
    throw ConfException.auth(
        "the consent does not cover "
            + wanted.displayUrl()
            + (listed.isEmpty()
                ? ": it covers no site at all"
                : "; it covers " + String.join(", ", listed))
            + ": log in again and choose that site on Atlassian's consent page, or pass one of"
            + " those as --url");
  }

  private static String origin(String url) {
    try {
      URI u = Site.siteRoot(url);
      int port = u.getPort();
      String scheme = u.getScheme().toLowerCase(Locale.ROOT);
      boolean dflt =
          port == -1
              || (scheme.equals("https") && port == 443)
              || (scheme.equals("http") && port == 80);
      return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (dflt ? "" : ":" + port);
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  /** The current user through the gateway with the new token: proves the login before saving. */
  private User check(Site through, AuthType kind, OAuthTokens tokens) {
    TokenSource fixed =
        new TokenSource() {
          @Override
          public String accessToken() {
            return tokens.accessToken();
          }

          @Override
          public String renewAfterRejection(String rejected) {
            return null;
          }

          @Override
          public OAuthTokens current() {
            return tokens;
          }
        };
    return ctx.serviceFor(through, SiteCredentials.oauth(kind, fixed, "login")).currentUser();
  }

  private SecretStore store() {
    return o.insecureStorage ? ctx.fileStore() : ctx.keychain();
  }

  private void save(
      AuthType kind,
      Site through,
      String clientId,
      AtlassianHosts hosts,
      OAuthTokens tokens,
      String secret) {
    String profileName = ctx.profileName();
    SecretStore store = store();
    new OAuthTokenStore(store).write(profileName, new OAuthTokenStore.Entry(tokens, secret));
    if (o.insecureStorage) {
      ctx.io()
          .err()
          .println(
              "warning: the tokens and client secret are stored in plain text in "
                  + ctx.fileStore().file()
                  + " (readable only by you); the OS keychain is safer");
    } else {
      new OAuthTokenStore(ctx.fileStore()).delete(profileName);
      ctx.fileStore().delete(profileName);
    }
    ConfigFile config = ctx.config();
    config.put(
        profileName,
        new Profile(
            through.displayUrl(),
            through.deployment().id(),
            kind.id(),
            null,
            null,
            o.space,
            through.cloudId(),
            ctx.globals().caCert(),
            o.insecureStorage ? Profile.STORAGE_FILE : Profile.STORAGE_KEYCHAIN,
            clientId,
            hosts == null || hosts.isDefault() ? null : hosts.auth().toString(),
            hosts == null || hosts.isDefault() ? null : hosts.api().toString()));
    config.setCurrent(profileName);
    config.save();
  }
}
