package dev.conf.cli.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conf.auth.FileSecretStore;
import dev.conf.auth.OAuthTokenStore;
import dev.conf.auth.OAuthTokens;
import dev.conf.auth.SecretStore;
import dev.conf.testing.ConfRunner;
import dev.conf.testing.ConfRunner.Result;
import dev.conf.testing.FakeAtlassian;
import dev.conf.testing.SpecContract;
import dev.conf.testing.TestSite;
import dev.conf.testing.WireMockSuite;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Browser login, tokens that expire and service accounts, against {@link FakeAtlassian} (which
 * holds Atlassian's rules: secret required, single-use codes, rotating refresh tokens, family
 * revocation on a late replay, a decoy site listed first) in front of WireMock as the site behind
 * the gateway. The test is the browser: it follows the URL conf asks it to open.
 */
class OAuthLoginTest extends WireMockSuite {
  private static final String PREFIX = "/ex/confluence/" + FakeAtlassian.CLOUD_ID;
  private FakeAtlassian fake;
  private int port;

  /** The last page the test's browser was shown. */
  private String page;

  @Override
  protected TestSite site() {
    return TestSite.cloud(url());
  }

  @Override
  protected SpecContract contract() {
    return super.contract().exempt("^/_edge/tenant_info$");
  }

  @BeforeEach
  void fakeAtlassian() throws IOException {
    // No API token here: these are the logins for sites that allow none.
    List.of("CONFLUENCE_URL", "CONFLUENCE_DEPLOYMENT", "CONFLUENCE_EMAIL", "CONFLUENCE_API_TOKEN")
        .forEach(conf.env::remove);
    fake = new FakeAtlassian(url());
    fake.hosts(conf);
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    fake.registeredCallback = "http://127.0.0.1:" + port + "/callback";
    conf.browserAction = this::follow;
    wm.stubFor(
        get(urlPathEqualTo(PREFIX + "/wiki/rest/api/user/current"))
            .willReturn(
                okJson(
                    "{\"type\":\"known\",\"accountId\":\"5b10ac8d82e05b22cc7d4ef5\","
                        + "\"accountType\":\"atlassian\",\"email\":\"jane@acme.com\","
                        + "\"publicName\":\"Jane\",\"displayName\":\"Jane Doe\"}")));
    wm.stubFor(
        get(urlPathEqualTo(PREFIX + "/wiki/api/v2/spaces"))
            .willReturn(
                okJson(
                    "{\"results\":[{\"id\":\"101\",\"key\":\"ENG\",\"name\":\"Engineering\","
                        + "\"type\":\"global\",\"status\":\"current\",\"homepageId\":\"9001\","
                        + "\"_links\":{\"webui\":\"/spaces/ENG\"}}],\"_links\":{}}")));
  }

  @AfterEach
  void stopFake() {
    fake.close();
  }

  /** The user's browser: opens the URL and follows the redirect back to conf's callback. */
  private void follow(String url) {
    page = browse(url, HttpClient.Redirect.NORMAL).body();
  }

  private static HttpResponse<String> browse(String url, HttpClient.Redirect redirects) {
    try {
      return HttpClient.newBuilder()
          .followRedirects(redirects)
          .build()
          .send(
              HttpRequest.newBuilder(URI.create(url)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Result webLogin(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "auth",
                "login",
                "--web",
                "--url",
                FakeAtlassian.SITE_URL,
                "--client-id",
                FakeAtlassian.CLIENT_ID,
                "--callback-port",
                String.valueOf(port),
                "--with-client-secret"));
    args.addAll(List.of(extra));
    return conf.pipe().stdin(FakeAtlassian.CLIENT_SECRET + "\n").run(args.toArray(String[]::new));
  }

  private OAuthTokenStore tokens() {
    return new OAuthTokenStore(conf.keychain);
  }

  /** Makes the stored access token look expired to conf, and be expired at Atlassian. */
  private void expire(SecretStore store) {
    OAuthTokenStore s = new OAuthTokenStore(store);
    OAuthTokenStore.Entry e = s.read("default");
    OAuthTokens t = e.tokens();
    s.write(
        "default",
        new OAuthTokenStore.Entry(
            new OAuthTokens(
                t.accessToken(), t.refreshToken(), ConfRunner.NOW.minusSeconds(5), t.scopes()),
            e.clientSecret()));
    fake.advance(Duration.ofMinutes(61));
  }

  @Test
  void browserLoginPicksTheNamedSiteAndWorksThroughTheGateway() throws IOException {
    Result login = webLogin();
    assertThat(login.exitCode()).as(login.toString()).isZero();
    assertThat(conf.browsed).hasSize(1);
    String opened = conf.browsed.get(0);
    assertThat(login.err()).contains(opened);
    assertThat(opened)
        .startsWith(fake.url() + "/authorize?audience=api.atlassian.com&client_id=conf-test-app")
        .contains("offline_access", "prompt=consent", "response_type=code")
        .contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A" + port + "%2Fcallback");
    assertThat(page).contains("close this tab");
    assertThat(login.err()).contains("Logged in to https://acme.atlassian.net", "Jane Doe");
    assertThat(fake.codeExchanges.get()).isEqualTo(1);

    String config = Files.readString(configDir.resolve("config.json"));
    assertThat(config)
        .contains(
            "\"auth\" : \"oauth\"", FakeAtlassian.CLOUD_ID, "\"clientId\" : \"conf-test-app\"")
        .doesNotContain(FakeAtlassian.DECOY_CLOUD_ID);
    // Windows Credential Manager holds at most 2,560 bytes a secret (UTF-16 counted).
    assertThat(conf.keychain.secrets.values())
        .allSatisfy(v -> assertThat(v.length() * 2).isLessThanOrEqualTo(2560));
    assertThat(conf.keychain.secrets.size()).isGreaterThan(2);

    Result spaces = conf.run("space", "list");
    assertThat(spaces.exitCode()).as(spaces.toString()).isZero();
    assertThat(spaces.out()).contains("ENG", "Engineering");
    wm.verify(
        getRequestedFor(urlPathEqualTo(PREFIX + "/wiki/api/v2/spaces"))
            .withHeader(
                "Authorization",
                com.github.tomakehurst.wiremock.client.WireMock.matching("Bearer at-.*")));

    Result status = conf.run("auth", "status");
    assertThat(status.exitCode()).as(status.toString()).isZero();
    assertThat(status.out())
        .contains("oauth", "https://acme.atlassian.net", FakeAtlassian.CLOUD_ID)
        .contains("read:confluence-content.all", "offline_access")
        .contains(ConfRunner.NOW.plus(Duration.ofHours(1)).toString());
    Result json = conf.run("auth", "status", "--json");
    assertThat(json.out())
        .contains("\"authType\" : \"oauth\"", "\"cloudId\" : \"" + FakeAtlassian.CLOUD_ID + "\"")
        .contains("\"accessTokenExpires\" : \"" + ConfRunner.NOW.plus(Duration.ofHours(1)) + "\"");
  }

  private static String page(int version, String body) {
    return "{\"id\":\"42\",\"status\":\"current\",\"title\":\"Notes\",\"spaceId\":\"101\","
        + "\"parentId\":\"100\",\"parentType\":\"page\",\"authorId\":\"acc-ann\","
        + "\"createdAt\":\"2026-01-01T09:00:00.000Z\",\"version\":{\"number\":"
        + version
        + ",\"message\":\"\",\"createdAt\":\"2026-11-01T10:00:00.000Z\",\"authorId\":\"acc-ann\","
        + "\"minorEdit\":false},\"body\":{\"storage\":{\"value\":\""
        + body
        + "\",\"representation\":\"storage\"}},\"_links\":{\"webui\":\"/spaces/ENG/pages/42\"}}";
  }

  @Test
  void aPageIsViewedAndUpdatedThroughTheGatewayAcrossAnAccessTokenExpiry() throws IOException {
    wm.stubFor(
        get(urlPathEqualTo(PREFIX + "/wiki/rest/api/user/bulk"))
            .willReturn(
                okJson("{\"results\":[{\"accountId\":\"acc-ann\",\"displayName\":\"Ann\"}]}")));
    wm.stubFor(
        get(urlPathEqualTo(PREFIX + "/wiki/api/v2/pages/42"))
            .willReturn(okJson(page(7, "<p>old</p>"))));
    wm.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.put(
                urlPathEqualTo(PREFIX + "/wiki/api/v2/pages/42"))
            .willReturn(okJson(page(8, "<p>new</p>"))));
    assertThat(webLogin().exitCode()).isZero();
    Result view = conf.run("page", "view", "42");
    assertThat(view.exitCode()).as(view.toString()).isZero();
    assertThat(view.out()).contains("Notes", "<p>old</p>");

    expire(conf.keychain);
    Path file = tmp.resolve("new.xhtml");
    Files.writeString(file, "<p>new</p>\n");
    Result update = conf.run("page", "update", "42", "--file", file.toString());
    assertThat(update.exitCode()).as(update.toString()).isZero();
    assertThat(update.err()).contains("version 8");
    assertThat(fake.refreshes.get()).isEqualTo(1);
  }

  @Test
  void onATerminalTheSecretIsAskedForWithoutEchoAndTheIdComesFromTheEnvironment() {
    conf.env("CONF_OAUTH_CLIENT_ID", FakeAtlassian.CLIENT_ID);
    Result login =
        conf.terminal()
            .secrets(FakeAtlassian.CLIENT_SECRET)
            .run(
                "auth",
                "login",
                "--web",
                "--url",
                FakeAtlassian.SITE_URL,
                "--callback-port",
                String.valueOf(port),
                "--scopes",
                "read:confluence-content.all,offline_access");
    assertThat(login.exitCode()).as(login.toString()).isZero();
    assertThat(login.secretPrompts()).containsExactly("OAuth client secret: ");
    assertThat(conf.browsed.get(0))
        .contains("scope=read%3Aconfluence-content.all%20offline_access&");
    assertThat(login.out()).isEmpty();
  }

  @Test
  void theSecretMayComeFromTheEnvironment() {
    conf.env("CONF_OAUTH_CLIENT_SECRET", FakeAtlassian.CLIENT_SECRET);
    Result login =
        conf.pipe()
            .run(
                "auth",
                "login",
                "--web",
                "--url",
                FakeAtlassian.SITE_URL,
                "--client-id",
                FakeAtlassian.CLIENT_ID,
                "--callback-port",
                String.valueOf(port));
    assertThat(login.exitCode()).as(login.toString()).isZero();
    assertThat(login.secretPrompts()).isEmpty();
  }

  @Test
  void hostsGivenAtLoginAreKeptInTheProfileForLaterRuns() throws IOException {
    assertThat(webLogin().exitCode()).isZero();
    assertThat(Files.readString(configDir.resolve("config.json")))
        .contains("\"authUrl\" : \"" + fake.url() + "\"", "\"apiUrl\" : \"" + fake.url() + "\"");
    conf.env.remove("CONF_ATLASSIAN_AUTH_URL");
    conf.env.remove("CONF_ATLASSIAN_API_URL");
    expire(conf.keychain);
    Result r = conf.run("space", "list");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(fake.refreshes.get()).isEqualTo(1);
  }

  @Test
  void aBrowserReturnWithAnotherStateIsRefused() {
    conf.browserAction =
        url -> {
          String location =
              browse(url, HttpClient.Redirect.NEVER).headers().firstValue("Location").orElseThrow();
          page =
              browse(location.replaceAll("state=[^&]*", "state=forged"), HttpClient.Redirect.NEVER)
                  .body();
        };
    Result login = webLogin();
    assertThat(login.exitCode()).as(login.toString()).isEqualTo(4);
    assertThat(login.err()).contains("state this login did not send; refused");
    assertThat(page).contains("refused");
    assertThat(fake.codeExchanges.get()).isZero();
    assertThat(conf.keychain.secrets).isEmpty();
    assertThat(configDir.resolve("config.json")).doesNotExist();
  }

  @Test
  void aSiteTheConsentDoesNotCoverIsAnErrorListingTheCoveredOnes() {
    List<String> args =
        List.of(
            "auth",
            "login",
            "--web",
            "--url",
            "https://other.atlassian.net",
            "--client-id",
            FakeAtlassian.CLIENT_ID,
            "--callback-port",
            String.valueOf(port),
            "--with-client-secret");
    Result login = conf.pipe().stdin(FakeAtlassian.CLIENT_SECRET).run(args.toArray(String[]::new));
    assertThat(login.exitCode()).as(login.toString()).isEqualTo(4);
    assertThat(login.err())
        .contains("does not cover https://other.atlassian.net")
        .contains(FakeAtlassian.DECOY_URL, FakeAtlassian.SITE_URL);
    assertThat(configDir.resolve("config.json")).doesNotExist();
  }

  @Test
  void noBrowserOnlyPrintsTheUrlAndAnUnansweredLoginTimesOut() {
    Result login = webLogin("--no-browser");
    assertThat(login.exitCode()).as(login.toString()).isEqualTo(4);
    assertThat(conf.browsed).isEmpty();
    assertThat(login.err())
        .contains(fake.url() + "/authorize?")
        .contains("no answer from the browser within 300s");
    // The wait ran on the injected clock: no real time passed.
    assertThat(conf.sleeps.stream().mapToLong(Duration::toMillis).sum())
        .isGreaterThanOrEqualTo(300_000);
  }

  @Test
  void theClientSecretIsRequiredAndNeverTakenFromArguments() {
    Result none =
        conf.pipe()
            .run(
                "auth",
                "login",
                "--web",
                "--url",
                FakeAtlassian.SITE_URL,
                "--client-id",
                FakeAtlassian.CLIENT_ID);
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("client secret is required", "--with-client-secret");

    Result wrong =
        conf.pipe()
            .stdin("not-the-secret")
            .run(
                "auth",
                "login",
                "--web",
                "--url",
                FakeAtlassian.SITE_URL,
                "--client-id",
                FakeAtlassian.CLIENT_ID,
                "--callback-port",
                String.valueOf(port),
                "--with-client-secret");
    assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(4);
    assertThat(wrong.err()).contains("refused the app's client id or secret (access_denied");
    assertThat(wrong.err()).doesNotContain("not-the-secret");
  }

  @Test
  void anExpiredAccessTokenIsRefreshedOnceBeforeTheCall() {
    assertThat(webLogin().exitCode()).isZero();
    expire(conf.keychain);
    Result first = conf.run("space", "list");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(fake.refreshes.get()).isEqualTo(1);
    assertThat(fake.gatewayRejections.get()).isZero();
    Result second = conf.run("space", "list");
    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(fake.refreshes.get()).isEqualTo(1);
    assertThat(fake.replays.get()).isZero();
  }

  @Test
  void aTokenTheGatewayRefusesIsRefreshedAndTheCallRepeatedOnce() {
    assertThat(webLogin().exitCode()).isZero();
    // conf's clock still says the token is good; Atlassian's says it has expired.
    fake.advance(Duration.ofMinutes(61));
    Result r = conf.run("space", "list");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("ENG");
    assertThat(fake.gatewayRejections.get()).isEqualTo(1);
    assertThat(fake.refreshes.get()).isEqualTo(1);
  }

  @Test
  void aRefusedRefreshSaysToLogInAgainWithExit4() {
    assertThat(webLogin().exitCode()).isZero();
    OAuthTokenStore.Entry stale = tokens().read("default");
    expire(conf.keychain);
    assertThat(conf.run("space", "list").exitCode()).isZero();
    // A copy of conf that kept the spent refresh token replays it past the leeway: Atlassian
    // revokes the whole login.
    tokens()
        .write(
            "default",
            new OAuthTokenStore.Entry(
                new OAuthTokens(
                    stale.tokens().accessToken(),
                    stale.tokens().refreshToken(),
                    ConfRunner.NOW.minusSeconds(5),
                    stale.tokens().scopes()),
                stale.clientSecret()));
    fake.advance(Duration.ofMinutes(11));
    Result r = conf.run("space", "list");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.err()).contains("run `conf auth login --web` again").contains("invalid_grant");
    assertThat(fake.anyFamilyRevoked()).isTrue();
  }

  @Test
  void eightConcurrentRunsWithAnExpiredTokenRefreshOnceAndReplayNothing() throws Exception {
    assertThat(webLogin().exitCode()).isZero();
    expire(conf.keychain);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Result>> runs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        runs.add(pool.submit((Callable<Result>) () -> conf.run("space", "list")));
      }
      for (Future<Result> f : runs) {
        Result r = f.get(60, TimeUnit.SECONDS);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("ENG");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(fake.refreshes.get()).isEqualTo(1);
    assertThat(fake.replays.get()).isZero();
    assertThat(fake.anyFamilyRevoked()).isFalse();
  }

  @Test
  void separateProcessesRefreshingAtOnceRefreshOnce() throws Exception {
    Result login = webLogin("--insecure-storage");
    assertThat(login.exitCode()).as(login.toString()).isZero();
    FileSecretStore file = new FileSecretStore(configDir.resolve("secrets.json"));
    expire(file);
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ProcessBuilder pb =
          new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-cp",
              System.getProperty("java.class.path"),
              "dev.conf.Main",
              "space",
              "list");
      pb.environment()
          .keySet()
          .removeIf(
              k ->
                  k.startsWith("CONFLUENCE_") || k.startsWith("CONF_") || k.endsWith("_API_TOKEN"));
      pb.environment().put("CONF_CONFIG_DIR", configDir.toString());
      pb.environment().put("CONF_ATLASSIAN_AUTH_URL", fake.url());
      pb.environment().put("CONF_ATLASSIAN_API_URL", fake.url());
      pb.redirectOutput(tmp.resolve("out" + i).toFile())
          .redirectError(tmp.resolve("err" + i).toFile());
      processes.add(pb.start());
    }
    for (int i = 0; i < processes.size(); i++) {
      Process p = processes.get(i);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(Files.readString(tmp.resolve("err" + i))).isZero();
      assertThat(Files.readString(tmp.resolve("out" + i))).contains("ENG");
    }
    assertThat(fake.refreshes.get()).isEqualTo(1);
    assertThat(fake.replays.get()).isZero();
    assertThat(fake.anyFamilyRevoked()).isFalse();
  }

  @Test
  void tokensAndTheSecretAppearNeitherInDebugOutputNorInAnyFileConfWrites() throws IOException {
    Result login = webLogin("--space", "ENG");
    assertThat(login.exitCode()).as(login.toString()).isZero();
    expire(conf.keychain);
    Result debug = conf.run("--debug", "space", "list");
    assertThat(debug.exitCode()).as(debug.toString()).isZero();
    assertThat(debug.err()).contains("Authorization: Bearer [redacted]");
    Result token = conf.run("auth", "token");
    assertThat(fake.secrets).anySatisfy(s -> assertThat(token.out().strip()).isEqualTo(s));
    List<Path> files;
    try (Stream<Path> walk = Files.walk(configDir)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).isNotEmpty();
    for (String secret : fake.secrets) {
      assertThat(debug.err()).doesNotContain(secret);
      for (Path f : files) {
        assertThat(Files.readString(f, StandardCharsets.UTF_8))
            .as(f.toString())
            .doesNotContain(secret);
      }
    }
  }

  @Test
  void logoutDeletesEveryStoredPart() {
    assertThat(webLogin().exitCode()).isZero();
    assertThat(conf.keychain.secrets).isNotEmpty();
    Result out = conf.run("auth", "logout");
    assertThat(out.exitCode()).as(out.toString()).isZero();
    assertThat(conf.keychain.secrets).isEmpty();
  }

  @Test
  void aServiceAccountLogsInAndItsTokenIsReMintedWhenItExpires() {
    wm.stubFor(
        get(urlPathEqualTo("/_edge/tenant_info"))
            .willReturn(okJson("{\"cloudId\":\"" + FakeAtlassian.CLOUD_ID + "\"}")));
    Result login =
        conf.pipe()
            .stdin(FakeAtlassian.CLIENT_SECRET)
            .run(
                "auth",
                "login",
                "--type",
                "client-credentials",
                "--url",
                url(),
                "--deployment",
                "cloud",
                "--client-id",
                FakeAtlassian.CLIENT_ID,
                "--with-token");
    assertThat(login.exitCode()).as(login.toString()).isZero();
    assertThat(login.err()).contains("service account");
    assertThat(fake.mints.get()).isEqualTo(1);
    assertThat(conf.run("space", "list").exitCode()).isZero();
    assertThat(fake.mints.get()).isEqualTo(1);
    fake.advance(Duration.ofMinutes(61));
    Result later = conf.run("space", "list");
    assertThat(later.exitCode()).as(later.toString()).isZero();
    assertThat(fake.mints.get()).isEqualTo(2);
    Result status = conf.run("auth", "status");
    assertThat(status.out()).contains("client credentials", FakeAtlassian.CLOUD_ID);
  }

  @Test
  void aCiStepWithOnlyEnvironmentVariablesUsesClientCredentialsInMemory() {
    wm.stubFor(
        get(urlPathEqualTo("/_edge/tenant_info"))
            .willReturn(okJson("{\"cloudId\":\"" + FakeAtlassian.CLOUD_ID + "\"}")));
    conf.env("CONFLUENCE_URL", url())
        .env("CONFLUENCE_DEPLOYMENT", "cloud")
        .env("CONF_OAUTH_CLIENT_ID", FakeAtlassian.CLIENT_ID)
        .env("CONF_OAUTH_CLIENT_SECRET", FakeAtlassian.CLIENT_SECRET);
    Result r = conf.run("space", "list");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("ENG");
    assertThat(fake.mints.get()).isEqualTo(1);
    assertThat(conf.keychainOpened).isZero();
    assertThat(configDir.resolve("config.json")).doesNotExist();
  }

  @Test
  void aV1OnlyWriteIsANamedErrorNotAUsageErrorAndSendsNothing() {
    assertThat(webLogin().exitCode()).isZero();
    Result r = conf.run("label", "add", "123", "release");
    assertThat(r.exitCode()).as(r.toString()).isNotIn(0, 2);
    assertThat(r.err())
        .contains("Confluence Cloud no longer serves")
        .contains("to OAuth apps")
        .contains("API token");
    assertThat(r.err().lines()).hasSize(1);
    // The OAuth routes refuse it before any request reaches the gateway.
    assertThat(fake.requests).noneMatch(line -> line.contains("/label"));
  }

  @Test
  void aScopeCheckFailureNamesTheScopeFamilyAndTheCommand() {
    assertThat(webLogin().exitCode()).isZero();
    wm.stubFor(
        get(urlPathEqualTo(PREFIX + "/wiki/api/v2/spaces"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("X-Failure-Category", "FAILURE_CLIENT_SCOPE_CHECK")
                    .withBody(
                        "{\"code\":401,\"message\":\"Unauthorized; scope does not match\"}")));
    Result r = conf.run("space", "list");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.err())
        .contains("`conf space list`")
        .contains("read scope of the space family (e.g. read:space:confluence");
    // A scope check is not an expired token: nothing was refreshed.
    assertThat(fake.refreshes.get()).isZero();
  }
}
