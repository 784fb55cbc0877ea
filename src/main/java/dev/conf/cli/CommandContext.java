package dev.conf.cli;

import dev.conf.auth.AtlassianHosts;
import dev.conf.auth.Connection;
import dev.conf.auth.ConnectionResolver;
import dev.conf.auth.Deployment;
import dev.conf.auth.FileSecretStore;
import dev.conf.auth.KeyringSecretStore;
import dev.conf.auth.SecretStore;
import dev.conf.auth.SecretToolStore;
import dev.conf.auth.Site;
import dev.conf.auth.SiteCredentials;
import dev.conf.backend.Backends;
import dev.conf.backend.cloud.CloudBackend;
import dev.conf.config.ConfigFile;
import dev.conf.config.ConfigPaths;
import dev.conf.config.NameCache;
import dev.conf.config.Profile;
import dev.conf.error.ConfException;
import dev.conf.http.ApiClient;
import dev.conf.http.HttpClientFactory;
import dev.conf.http.OAuthClient;
import dev.conf.http.RetryPolicy;
import dev.conf.http.Sleeper;
import dev.conf.output.Io;
import dev.conf.service.Capabilities;
import dev.conf.service.ConfluenceService;
import dev.conf.service.RawApi;
import dev.conf.service.SiteUrls;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * What commands need from the outside world, each built on first use and at most once: {@code conf
 * --help} reads no config, opens no keychain and builds no HTTP client. Tests build one with fakes
 * for the clock, the sleeper and the keychain; everything else is real.
 */
public final class CommandContext {
  private final Io io;
  private final Map<String, String> env;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Supplier<SecretStore> keychainFactory;
  private final GlobalOptions globals = new GlobalOptions();

  private ConfigFile config;
  private SecretStore keychain;
  private Connection connection;
  private OkHttpClient http;
  private ConfluenceService service;
  private Io styledIo;
  private boolean styledNoColor;
  private Browser browser;
  private String commandName;

  public CommandContext(
      Io io,
      Map<String, String> env,
      Clock clock,
      Sleeper sleeper,
      Supplier<SecretStore> keychain) {
    this.io = io;
    this.env = env;
    this.clock = clock;
    this.sleeper = sleeper;
    this.keychainFactory = keychain != null ? keychain : () -> systemKeychain(env);
  }

  public GlobalOptions globals() {
    return globals;
  }

  /**
   * The streams, with colour turned off when --no-color said so, and paging by {@link
   * #pagerCommand()} (the config is read only when a command starts paging on a terminal).
   */
  public Io io() {
    // Asked for before the command line is parsed too (ConfApp wires picocli to it): built again
    // once --no-color has been seen, which is before any command prints.
    if (styledIo == null || styledNoColor != globals.noColor) {
      styledNoColor = globals.noColor;
      styledIo = (globals.noColor ? io.withoutColor() : io).withPagerCommand(this::pagerCommand);
    }
    return styledIo;
  }

  /**
   * The pager for long output on a terminal: {@code CONF_PAGER}, else the {@code pager} setting,
   * else {@code PAGER}, else {@code less -FRX}; null when paging is off (empty or {@code cat}).
   */
  public String pagerCommand() {
    return dev.conf.output.OutputPager.command(env, settingOrNull(Settings.PAGER));
  }

  /**
   * The editor {@code conf page edit} runs: {@code CONF_EDITOR}, else the {@code editor} setting,
   * else {@code VISUAL}, else {@code EDITOR}; null when none is set.
   */
  public String editorCommand() {
    for (String value :
        java.util.Arrays.asList(
            env.get("CONF_EDITOR"),
            settingOrNull(Settings.EDITOR),
            env.get("VISUAL"),
            env.get("EDITOR"))) {
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }

  /**
   * The default number of parallel workers of the commands that have {@code --concurrency} ({@code
   * conf export}): {@code CONF_CONCURRENCY}, else the {@code concurrency} setting; null for the
   * command's own default. A bad {@code CONF_CONCURRENCY} is a usage error naming it.
   */
  public String defaultConcurrency() {
    String fromEnv = env.get("CONF_CONCURRENCY");
    if (fromEnv != null && !fromEnv.isBlank()) {
      try {
        return Settings.validate(Settings.CONCURRENCY, fromEnv);
      } catch (ConfException e) {
        throw ConfException.usage("CONF_CONCURRENCY: " + e.getMessage());
      }
    }
    return config().setting(profileName(), Settings.CONCURRENCY);
  }

  /**
   * A setting for the current profile (its own, else every profile's), or null; null too when the
   * config cannot be read, for settings that only change how output looks.
   */
  private String settingOrNull(String key) {
    try {
      return config().setting(profileName(), key);
    } catch (RuntimeException e) {
      return null;
    }
  }

  public Map<String, String> env() {
    return env;
  }

  public Clock clock() {
    return clock;
  }

  public Path configDir() {
    return ConfigPaths.configDir(env);
  }

  public ConfigFile config() {
    if (config == null) {
      config = ConfigFile.load(configDir());
    }
    return config;
  }

  /** --profile, else CONF_PROFILE, else the config's current profile, else "default". */
  public String profileName() {
    if (globals.profile != null) {
      return globals.profile;
    }
    String fromEnv = env.get("CONF_PROFILE");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.trim();
    }
    String current = config().current();
    return current != null ? current : ConfigFile.DEFAULT_PROFILE;
  }

  /** The setting that makes a profile read-only (see {@link Access}). */
  public static final String READ_ONLY = "read-only";

  /**
   * Why this run may not change the site, or null when it may: {@code CONF_READ_ONLY} set to
   * 1/true/yes, or the profile's {@code read-only} setting ({@code auth login --read-only}). The
   * environment can only add the protection, never lift a profile's.
   */
  public String readOnlyReason() {
    String env = this.env.get("CONF_READ_ONLY");
    if (env != null && List.of("1", "true", "yes").contains(env.trim().toLowerCase(Locale.ROOT))) {
      return "CONF_READ_ONLY is set";
    }
    String name = profileName();
    if ("true".equals(config().setting(name, READ_ONLY))) {
      return "profile '" + name + "' is read-only";
    }
    return null;
  }

  /** The refusal a read-only run gives for {@code what} (exit 4, error code {@code read_only}). */
  public ConfException readOnlyRefusal(String what, String reason) {
    return ConfException.auth("this profile is read-only: " + what + " (" + reason + ")")
        .code("read_only")
        .hint(
            reason.startsWith("CONF_READ_ONLY")
                ? "unset CONF_READ_ONLY to write"
                : "use another profile, or `conf config unset read-only --profile "
                    + profileName()
                    + "`");
  }

  /** Names earlier commands saw, for shell completion (see {@link NameCache}). */
  public NameCache names() {
    return new NameCache(env, profileName());
  }

  /** --deployment, else CONFLUENCE_DEPLOYMENT; null to detect from the URL. */
  public Deployment deploymentOverride() {
    try {
      return Deployment.parse(
          globals.deployment != null ? globals.deployment : env.get("CONFLUENCE_DEPLOYMENT"));
    } catch (IllegalArgumentException e) {
      throw ConfException.usage(e.getMessage());
    }
  }

  public SecretStore keychain() {
    if (keychain == null) {
      // Every secret goes through the chunking layer: Windows' keychain holds 2,560 bytes a secret.
      keychain = dev.conf.auth.ChunkedSecretStore.of(keychainFactory.get());
    }
    return keychain;
  }

  public FileSecretStore fileStore() {
    return new FileSecretStore(configDir().resolve("secrets.json"));
  }

  /** The store a profile's secret lives in, by what the user chose at login. */
  public SecretStore storeFor(Profile profile) {
    return Profile.STORAGE_FILE.equals(profile.storage())
        ? dev.conf.auth.ChunkedSecretStore.of(fileStore())
        : keychain();
  }

  /** api.atlassian.com, or the server a test puts in its place with CONF_ATLASSIAN_API_URL. */
  public URI gateway() {
    return atlassianHosts(null).api();
  }

  /**
   * Atlassian's authorization server and API host: CONF_ATLASSIAN_AUTH_URL and
   * CONF_ATLASSIAN_API_URL, else the profile's settings, else the public hosts.
   */
  public AtlassianHosts atlassianHosts(Profile profile) {
    return resolver().hosts(profile);
  }

  /**
   * What {@code --space} means when it is not given, for the commands {@link ConfApp} lets default
   * it: {@code CONF_SPACE}, else the {@code space} setting (the profile's, then every profile's),
   * else the space saved with {@code auth login --space}; null when none says.
   */
  public String defaultSpace() {
    String fromEnv = env.get("CONF_SPACE");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.trim();
    }
    String name = profileName();
    String setting = config().setting(name, "space");
    if (setting != null) {
      return setting;
    }
    Profile profile = config().profile(name);
    return profile == null ? null : profile.space();
  }

  public ConnectionResolver resolver() {
    return new ConnectionResolver(
            env,
            this::storeFor,
            new ConnectionResolver.OAuthSupport(
                clock,
                configDir(),
                this::oauthClient,
                url -> cloudIdOf(url),
                (base, clientId, secret) -> dataCenterOAuth(base, clientId, secret, null)))
        .withWarnings(w -> io().err().println("conf: warning: " + w));
  }

  /**
   * The OAuth 2.0 provider of a Data Center site, for one incoming link; {@code pkce} is the
   * browser login's pair (null for refreshes and client credentials).
   */
  public dev.conf.auth.OAuthGrants dataCenterOAuth(
      URI base, String clientId, String clientSecret, dev.conf.auth.pkce.Pkce pkce) {
    return new dev.conf.auth.pkce.DataCenterOAuth(
        httpClient(globals.caCert, base.getScheme()), base, clientId, clientSecret, clock, pkce);
  }

  /** The OAuth endpoints of one app (client id and secret) on these Atlassian hosts. */
  public dev.conf.auth.OAuthGrants oauthClient(
      AtlassianHosts hosts, String clientId, String clientSecret) {
    return new OAuthClient(
        httpClient(globals.caCert, hosts.auth().getScheme()), hosts, clientId, clientSecret, clock);
  }

  private final List<Runnable> finishers = new java.util.ArrayList<>();

  /** Runs {@code action} when the command has finished, however it ended (see {@link #finish}). */
  public void atFinish(Runnable action) {
    finishers.add(action);
  }

  /**
   * The end of the command: what {@link #atFinish} registered (saving renewed session cookies). A
   * failure there is a warning; the command's own result stands.
   */
  public void finish() {
    for (Runnable action : finishers) {
      try {
        action.run();
      } catch (RuntimeException e) {
        io().err()
            .println(
                "warning: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      }
    }
    finishers.clear();
    if (http != null) {
      // Close the kept-alive connections now: a JVM exiting while a thread still sits in a native
      // socket call (OkHttp's, over TLS) waits up to 300 ms for it (HotSpot's VM_Exit grace for
      // threads in native), which was a third of an https command's wall time.
      http.connectionPool().evictAll();
      http.dispatcher().executorService().shutdown();
    }
  }

  /** The running command's name ({@code conf page view}), for messages that name it. */
  public void commandName(String name) {
    this.commandName = name;
  }

  /** The site and credentials this command runs against; exit 4 when there are none. */
  public Connection connection() {
    if (connection == null) {
      String name = profileName();
      if (globals.profile != null && config().profile(name) == null) {
        // Asked for by name: the environment's site and token must not stand in for it silently.
        throw new ConfException(
            dev.conf.error.ExitCode.NOT_FOUND,
            "no profile named '" + name + "': see `conf auth status`, or log in with it");
      }
      connection = resolver().resolve(name, config().profile(name), deploymentOverride());
    }
    return connection;
  }

  /** Where the current connection's site answers: its web UI, the URL logged in with, its API. */
  public SiteUrls siteUrls() {
    Site site = connection().site();
    return new SiteUrls(
        site.displayUrl(), java.util.Arrays.asList(site.webBase(), site.siteUrl(), site.root()));
  }

  /**
   * The service for the current connection: Cloud or Data Center, and which REST version serves
   * what, decided once by {@link Backends} from the site and the kind of credentials.
   */
  public ConfluenceService service() {
    if (service == null) {
      Connection c = connection();
      service =
          Backends.create(
              c.site(), c.credentials().type(), api(c.site(), c.credentials(), c.caCert()));
    }
    return service;
  }

  /**
   * Markdown to storage for this site: a fenced block's language to the name its {@code code} macro
   * knows. The one source every command that converts Markdown for a site uses; asked of the
   * service only when a block has a language, so reading and converting a file before any request
   * resolves no connection until it must.
   */
  public Function<String, Optional<String>> codeLanguage() {
    return language -> service().capabilities().codeLanguage().apply(language);
  }

  /**
   * What the site can do, for commands that may run offline ({@code conf convert}): from {@code
   * --deployment} (or {@code CONFLUENCE_DEPLOYMENT}) alone, without reading a profile; Cloud's when
   * neither says. Commands that talk to a site ask {@code service().capabilities()}.
   */
  public Capabilities offlineCapabilities() {
    return Backends.capabilities(deploymentOverride());
  }

  /**
   * Raw requests to the current connection's site, for {@code conf api}: the same client,
   * credentials, retries and debug log as {@link #service()}.
   */
  public RawApi rawApi() {
    Connection c = connection();
    return Backends.rawApi(c.site(), api(c.site(), c.credentials(), c.caCert()));
  }

  /** A service for a site and credentials that are not (yet) saved: login verifies with it. */
  public ConfluenceService serviceFor(Site site, SiteCredentials credentials) {
    return Backends.create(site, credentials.type(), api(site, credentials, globals.caCert));
  }

  /**
   * Whether a site whose URL does not tell is Confluence Cloud: its cloud id from the public {@code
   * /_edge/tenant_info} (no credentials), or null when it gives none. Bounded to a few seconds in
   * all, retries included, since a login waits on it before its first question.
   */
  public String probeCloudId(URI siteUrl) {
    OkHttpClient quick =
        httpClient(globals.caCert, siteUrl.getScheme())
            .newBuilder()
            .callTimeout(Duration.ofSeconds(4))
            .build();
    try {
      return CloudBackend.cloudId(quick, siteUrl);
    } catch (ConfException e) {
      return null;
    }
  }

  /** The cloud id of a Cloud site, for routing scoped tokens through the API gateway. */
  public String cloudIdOf(URI siteUrl) {
    return CloudBackend.cloudId(httpClient(globals.caCert, siteUrl.getScheme()), siteUrl);
  }

  private ApiClient api(Site site, SiteCredentials credentials, String caCert) {
    OkHttpClient base = httpClient(caCert, site.root().getScheme());
    HttpUrl siteRoot = HttpUrl.get(site.root().toString());
    OkHttpClient authed =
        switch (credentials.type()) {
          case CONNECT_JWT ->
              HttpClientFactory.withInterceptor(
                  base,
                  new dev.conf.auth.connect.ConnectJwtInterceptor(
                      siteRoot,
                      new dev.conf.auth.connect.ConnectJwt(
                          credentials.user(),
                          credentials.secret().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                          "/wiki",
                          clock)));
          case SESSION, COOKIE -> sessionClient(base, siteRoot, site, credentials);
          case OAUTH1 -> {
            dev.conf.auth.oauth1.OAuth1Secret s =
                dev.conf.auth.oauth1.OAuth1Secret.parse(credentials.secret());
            yield HttpClientFactory.withInterceptor(
                base,
                new dev.conf.auth.oauth1.OAuth1Interceptor(
                    siteRoot, oauth1Signer(credentials.user(), s.privateKey()), s::accessToken));
          }
          default ->
              HttpClientFactory.withAuth(
                  base,
                  siteRoot,
                  credentials::authorizationHeader,
                  credentials.tokens() == null ? null : rejected -> renewed(credentials, rejected));
        };
    String readOnly = readOnlyReason();
    OkHttpClient client =
        readOnly == null
            ? authed
            : authed.newBuilder().addInterceptor(readOnlyGuard(readOnly)).build();
    ApiClient.ErrorContext plain =
        new ApiClient.ErrorContext(site.displayUrl(), authHint(credentials), site.scoped());
    java.util.function.BooleanSupplier refused = null;
    if (credentials.type() == dev.conf.auth.AuthType.TOKEN) {
      HttpUrl me = HttpUrl.get(site.apiBase() + "/rest/api/user/current");
      refused =
          () -> {
            try {
              new ApiClient(client, plain).get(me);
              return false;
            } catch (ConfException e) {
              return e.exitCode() == dev.conf.error.ExitCode.AUTH;
            }
          };
    }
    return new ApiClient(
        client,
        new ApiClient.ErrorContext(
            site.displayUrl(), authHint(credentials), site.scoped(), () -> commandName, refused));
  }

  /**
   * A session's client: its cookies only to the site's host, the XSRF header on writes, every
   * answer read for the signs of an ended session, and for {@code --type session} with a stored
   * password one more form login (the new cookies saved to the profile's store) before giving up. A
   * cookie login's PAT, when given, goes along as Bearer.
   */
  private OkHttpClient sessionClient(
      OkHttpClient base, HttpUrl siteRoot, Site site, SiteCredentials credentials) {
    dev.conf.auth.session.SessionSecret secret =
        dev.conf.auth.session.SessionSecret.parse(credentials.secret());
    dev.conf.auth.session.SiteCookieJar jar =
        new dev.conf.auth.session.SiteCookieJar(siteRoot, clock);
    jar.addFromHeader(secret.cookies());
    HttpUrl apiBase = HttpUrl.get(site.apiBase().toString());
    dev.conf.auth.session.SessionInterceptor.Relogin relogin = null;
    boolean session = credentials.type() == dev.conf.auth.AuthType.SESSION;
    Connection saved = connection;
    Profile profile =
        saved != null && saved.credentials() == credentials && saved.profile() != null
            ? config().profile(saved.profile())
            : null;
    // Cookies the site renews during the run (a rotated JSESSIONID, a new remember-me or SSO
    // cookie) go back to the profile's store once, at the end, under the profile's lock.
    dev.conf.auth.session.SessionWriteBack writeBack =
        profile == null
            ? null
            : new dev.conf.auth.session.SessionWriteBack(
                storeFor(profile),
                saved.profile(),
                dev.conf.auth.TokenLock.forProfile(configDir(), saved.profile()),
                jar,
                secret.cookies());
    if (writeBack != null) {
      atFinish(writeBack::saveIfChanged);
    }
    if (session && secret.password() != null) {
      relogin =
          () -> {
            OkHttpClient form = base.newBuilder().cookieJar(jar).followRedirects(false).build();
            try {
              dev.conf.auth.session.SessionInterceptor.formLogin(
                  form, apiBase, site.displayUrl(), credentials.user(), secret.password(), jar);
            } catch (ConfException e) {
              return false;
            }
            io().err()
                .println("conf: the session had ended; logged in again with the stored password");
            if (writeBack != null) {
              writeBack.save();
            }
            return true;
          };
    }
    OkHttpClient client =
        dev.conf.auth.session.SessionInterceptor.install(
                base,
                siteRoot,
                jar,
                new dev.conf.auth.session.SessionInterceptor(
                    site.displayUrl(),
                    siteRoot,
                    session
                        ? dev.conf.auth.session.SessionSignals.Login.SESSION
                        : dev.conf.auth.session.SessionSignals.Login.COOKIE,
                    relogin))
            .build();
    return secret.pat() == null
        ? client
        : HttpClientFactory.withAuth(client, siteRoot, () -> "Bearer " + secret.pat());
  }

  /**
   * {@code conf auth login --type session}: a form login at the site; the session secret (the
   * cookies, and the password when {@code keepPassword}) to store.
   */
  public String sessionLogin(Site site, String username, String password, boolean keepPassword) {
    HttpUrl siteRoot = HttpUrl.get(site.root().toString());
    dev.conf.auth.session.SiteCookieJar jar =
        new dev.conf.auth.session.SiteCookieJar(siteRoot, clock);
    OkHttpClient form =
        httpClient(globals.caCert, site.root().getScheme())
            .newBuilder()
            .cookieJar(jar)
            .followRedirects(false)
            .build();
    dev.conf.auth.session.SessionInterceptor.formLogin(
        form, HttpUrl.get(site.apiBase().toString()), site.displayUrl(), username, password, jar);
    return new dev.conf.auth.session.SessionSecret(
            jar.toHeader(), keepPassword ? password : null, null)
        .toJson();
  }

  private dev.conf.auth.oauth1.OAuth1Signer oauth1Signer(String consumerKey, String pem) {
    return new dev.conf.auth.oauth1.OAuth1Signer(
        consumerKey,
        dev.conf.auth.oauth1.PemPrivateKey.read(pem, "the private key"),
        dev.conf.auth.oauth1.OAuth1Signer.randomNonces(),
        clock);
  }

  /**
   * {@code conf auth login --type oauth1}: the three HTTP steps of the dance against the site, for
   * a client without credentials; {@code cli/auth/OAuth1Login} drives them (loopback or {@code
   * oob}).
   */
  public dev.conf.auth.oauth1.OAuth1Dance oauth1Dance(Site site, String consumerKey, String pem) {
    return new dev.conf.auth.oauth1.OAuth1Dance(
        httpClient(globals.caCert, site.root().getScheme()),
        HttpUrl.get(site.apiBase().toString()),
        oauth1Signer(consumerKey, pem));
  }

  /** After a 401: the Bearer header of a renewed access token, or null when there is none. */
  private static String renewed(SiteCredentials credentials, String rejectedHeader) {
    String token =
        credentials.tokens().renewAfterRejection(rejectedHeader.substring("Bearer ".length()));
    return token == null ? null : "Bearer " + token;
  }

  /**
   * The process's one HTTP client, without credentials (public endpoints such as {@code
   * /_edge/tenant_info} use it as it is), built for the scheme of the site conf talks to.
   */
  public OkHttpClient httpClient(String caCert, String scheme) {
    if (http == null) {
      // A plain-http site (a local test server) needs no TLS: not setting it up saves loading the
      // platform trust store, a large part of start-up.
      http = HttpClientFactory.create(settings(caCert), !"http".equalsIgnoreCase(scheme));
    }
    return http;
  }

  private HttpClientFactory.Settings settings(String profileCaCert) {
    String ca = globals.caCert != null ? globals.caCert : profileCaCert;
    if (ca == null) {
      ca = config().setting(profileName(), "ca-cert");
    }
    return new HttpClientFactory.Settings(
        "conf/" + Version.get(),
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        ca == null ? null : Path.of(ca),
        env,
        RetryPolicy.fromEnv(env),
        sleeper,
        clock,
        (request, reason, wait, attempt, max) ->
            io().err()
                .printf(
                    "conf: %s from %s; retrying in %.1fs (attempt %d%s)%n",
                    reason,
                    request.url().host(),
                    wait.toMillis() / 1000.0,
                    attempt,
                    max > 0 ? " of " + max : ", within the wait budget"),
        globals.debug ? io().err() : null,
        resumeSpread);
  }

  /**
   * The second line of a read-only profile's defence (the first is {@link Access} on each command):
   * whatever a command or {@code conf api} asks, no method but GET and HEAD leaves conf.
   */
  private Interceptor readOnlyGuard(String reason) {
    return chain -> {
      Request request = chain.request();
      String method = request.method();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        throw readOnlyRefusal(
            method + " " + request.url().encodedPath() + " would change the site", reason);
      }
      return chain.proceed(request);
    };
  }

  private static String authHint(SiteCredentials c) {
    if (c.type().oauth()) {
      return c.type() == dev.conf.auth.AuthType.OAUTH
          ? "the OAuth access token was refused even after a refresh; run `conf auth login --web`"
              + " again"
          : "the service account's access token was refused even when freshly minted; check the"
              + " account's access to the site";
    }
    if (c.type() == dev.conf.auth.AuthType.CONNECT_JWT) {
      return "the site refused the Connect app's signed request: the shared secret is wrong or the"
          + " app is no longer installed; run `conf auth login --type connect-jwt` again";
    }
    String source = c.source() == null ? "" : c.source();
    if (source.startsWith("environment (")) {
      String var = source.substring("environment (".length(), source.length() - 1);
      return "the secret in " + var + " is wrong or has expired; set a valid one";
    }
    if (source.startsWith("netrc (")) {
      return "the password of the "
          + source
          + " entry is wrong or has expired; correct it, or run `conf auth login`";
    }
    return "the " + c.type().description() + " is wrong or has expired; run `conf auth login`";
  }

  /**
   * secret-tool where it is installed (an order of magnitude faster to start), else java-keyring.
   */
  private static SecretStore systemKeychain(Map<String, String> env) {
    Duration timeout = keychainTimeout(env);
    return SecretToolStore.find(env)
        .<SecretStore>map(tool -> new SecretToolStore(tool, timeout))
        .orElseGet(() -> new KeyringSecretStore(timeout));
  }

  private static Duration keychainTimeout(Map<String, String> env) {
    String v = env.get("CONF_KEYRING_TIMEOUT");
    try {
      return Duration.ofMillis((long) (Double.parseDouble(v == null ? "5" : v) * 1000));
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(5);
    }
  }

  /** The browser {@code --web} and {@code conf open} use; the system's unless one was set. */
  public Browser browser() {
    if (browser == null) {
      browser = Browser.system(env);
    }
    return browser;
  }

  /** Replaces the browser (tests record URLs instead of opening them). */
  public CommandContext withBrowser(Browser browser) {
    this.browser = browser;
    return this;
  }

  /** The source of the jitter that spreads resumes after a shared pause (tests fix it). */
  private java.util.function.DoubleSupplier resumeSpread =
      () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble();

  public CommandContext withResumeSpread(java.util.function.DoubleSupplier spread) {
    this.resumeSpread = spread;
    return this;
  }

  /** Waits, through the injected sleeper: commands that poll never block a test. */
  public void pause(Duration duration) {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConfException(dev.conf.error.ExitCode.ERROR, "interrupted while waiting", e);
    }
  }
}
