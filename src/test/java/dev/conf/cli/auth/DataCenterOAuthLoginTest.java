package dev.conf.cli.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.matching.MatchResult;
import dev.conf.auth.pkce.Pkce;
import dev.conf.testing.ConfRunner;
import dev.conf.testing.ConfRunner.Result;
import dev.conf.testing.SpecContract;
import dev.conf.testing.TestSite;
import dev.conf.testing.WireMockSuite;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code conf auth login --web} and {@code --type client-credentials} against a Data Center site's
 * own OAuth 2.0 provider: the authorize page gets a PKCE S256 challenge and no audience, and the
 * token endpoint (form encoded) gives the code's tokens only for the verifier that hashes to that
 * challenge. The Bearer token then lists spaces and updates a page on the site itself.
 */
class DataCenterOAuthLoginTest extends WireMockSuite {
  private static final String CONTEXT = "/confluence";
  private static final String API = CONTEXT + "/rest/api";
  private static final String OAUTH = CONTEXT + "/rest/oauth2/latest";
  private static final String CLIENT_ID = "incoming-link-id";
  private static final String CLIENT_SECRET = "incoming-link-secret";
  private static final String CODE = "code-Q7";
  private static final String ME =
      "{\"type\":\"known\",\"username\":\"ann\",\"userKey\":\"k1\",\"displayName\":\"Ann Author\"}";
  private static final String SPACES =
      "{\"results\":[{\"id\":777,\"key\":\"DOCS\",\"name\":\"Docs\",\"type\":\"global\","
          + "\"status\":\"current\",\"_links\":{\"webui\":\"/display/DOCS\"}}],"
          + "\"start\":0,\"limit\":25,\"size\":1,\"_links\":{}}";

  private int port;
  private final Map<String, String> authorizeQuery = new HashMap<>();

  @Override
  protected TestSite site() {
    return TestSite.dataCenter(url(), CONTEXT);
  }

  @Override
  protected SpecContract contract() {
    // The OAuth 2.0 provider's endpoints are not part of the REST API's document.
    return super.contract().exempt("^" + CONTEXT + "/rest/oauth2/");
  }

  private static Map<String, String> form(String body) {
    Map<String, String> m = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        m.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return m;
  }

  @BeforeEach
  void aDataCenterProvider() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    conf.env.remove("CONFLUENCE_URL");
    conf.env.remove("CONFLUENCE_PAT");
    conf.browserAction = this::consent;
    wm.stubFor(get(urlPathEqualTo(OAUTH + "/authorize")).willReturn(aResponse().withStatus(200)));
    wm.stubFor(
        post(urlPathEqualTo(OAUTH + "/token"))
            .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
            .andMatching(
                r -> {
                  Map<String, String> f = form(r.getBodyAsString());
                  String verifier = f.get("code_verifier");
                  return MatchResult.of(
                      "authorization_code".equals(f.get("grant_type"))
                          && CODE.equals(f.get("code"))
                          && CLIENT_ID.equals(f.get("client_id"))
                          && CLIENT_SECRET.equals(f.get("client_secret"))
                          && !f.containsKey("audience")
                          && verifier != null
                          && Pkce.challenge(verifier).equals(authorizeQuery.get("code_challenge"))
                          && ("http://127.0.0.1:" + port + "/callback")
                              .equals(f.get("redirect_uri")));
                })
            .willReturn(
                okJson(
                    "{\"access_token\":\"AT1\",\"refresh_token\":\"RT1\",\"expires_in\":3600,"
                        + "\"token_type\":\"Bearer\",\"scope\":\"WRITE\"}")));
    wm.stubFor(
        post(urlPathEqualTo(OAUTH + "/token"))
            .withRequestBody(containing("grant_type=client_credentials"))
            .withRequestBody(containing("client_secret=" + CLIENT_SECRET))
            .willReturn(
                okJson(
                    "{\"access_token\":\"AT1\",\"expires_in\":3600,\"token_type\":\"Bearer\"}")));
    wm.stubFor(
        post(urlPathEqualTo(OAUTH + "/token"))
            .atPriority(9)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":\"invalid_grant\"}")));
    wm.stubFor(
        get(urlPathEqualTo(API + "/user/current"))
            .withHeader("Authorization", equalTo("Bearer AT1"))
            .willReturn(okJson(ME)));
    wm.stubFor(
        get(urlPathEqualTo(API + "/space"))
            .withHeader("Authorization", equalTo("Bearer AT1"))
            .willReturn(okJson(SPACES)));
    wm.stubFor(
        get(urlPathEqualTo(API + "/content/42"))
            .withHeader("Authorization", equalTo("Bearer AT1"))
            .willReturn(okJson(page(7, "<p>old</p>"))));
    wm.stubFor(
        put(urlPathEqualTo(API + "/content/42"))
            .withHeader("Authorization", equalTo("Bearer AT1"))
            .willReturn(okJson(page(8, "<p>new</p>"))));
  }

  private static String page(int version, String body) {
    return "{\"id\":\"42\",\"type\":\"page\",\"status\":\"current\",\"title\":\"Notes\","
        + "\"space\":{\"id\":98305,\"key\":\"DOCS\",\"name\":\"Docs\"},"
        + "\"version\":{\"number\":"
        + version
        + ",\"minorEdit\":false,\"when\":\"2026-11-01T10:00:00.000Z\"},"
        + "\"ancestors\":[],\"body\":{\"storage\":{\"value\":\""
        + body
        + "\",\"representation\":\"storage\"}},"
        + "\"_links\":{\"webui\":\"/pages/viewpage.action?pageId=42\"}}";
  }

  /** The user's browser: shows the consent page, then the provider sends it back with a code. */
  private void consent(String url) {
    URI u = URI.create(url);
    authorizeQuery.putAll(form(u.getRawQuery()));
    send(url);
    send(
        authorizeQuery.get("redirect_uri")
            + "?code="
            + CODE
            + "&state="
            + java.net.URLEncoder.encode(authorizeQuery.get("state"), StandardCharsets.UTF_8));
  }

  private static void send(String url) {
    try {
      HttpClient.newHttpClient()
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

  @Test
  void aBrowserLoginWithPkceListsSpacesAndUpdatesAPage() throws IOException {
    Result r =
        conf.pipe()
            .stdin(CLIENT_SECRET + "\n")
            .run(
                "auth",
                "login",
                "--web",
                "--url",
                siteUrl(),
                "--client-id",
                CLIENT_ID,
                "--callback-port",
                String.valueOf(port),
                "--with-client-secret");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("Data Center, OAuth 2.0").contains("Ann Author");
    assertThat(authorizeQuery)
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("client_id", CLIENT_ID)
        .containsEntry("response_type", "code")
        .doesNotContainKey("audience");
    assertThat(conf.keychain.secrets.values().toString()).contains("RT1");
    assertThat(Files.readString(configDir.resolve("config.json")))
        .contains("\"oauth\"")
        .contains("\"dc\"")
        .doesNotContain("AT1")
        .doesNotContain(CLIENT_SECRET);

    Result spaces = conf.pipe().run("space", "list");
    assertThat(spaces.exitCode()).as(spaces.toString()).isZero();
    assertThat(spaces.out()).contains("DOCS");
    Result update = conf.pipe().stdin("<p>new</p>").run("page", "update", "42", "-");
    assertThat(update.exitCode()).as(update.toString()).isZero();
    assertThat(wm.findAll(putRequestedFor(urlPathEqualTo(API + "/content/42")))).hasSize(1);

    Result status = conf.pipe().run("auth", "status");
    assertThat(status.exitCode()).as(status.toString()).isZero();
    assertThat(status.out()).contains("oauth").contains("Ann Author").contains("keychain");
  }

  @Test
  void aRefusedAccessTokenIsRefreshedAtTheSitesProvider() {
    Result login =
        conf.pipe()
            .stdin(CLIENT_SECRET + "\n")
            .run(
                "auth",
                "login",
                "--web",
                "--url",
                siteUrl(),
                "--client-id",
                CLIENT_ID,
                "--callback-port",
                String.valueOf(port),
                "--with-client-secret");
    assertThat(login.exitCode()).as(login.toString()).isZero();
    // The site has revoked AT1; the provider swaps RT1 for AT2 (and a new refresh token).
    wm.stubFor(
        get(urlPathEqualTo(API + "/space"))
            .withHeader("Authorization", equalTo("Bearer AT1"))
            .atPriority(1)
            .willReturn(aResponse().withStatus(401)));
    wm.stubFor(
        post(urlPathEqualTo(OAUTH + "/token"))
            .withRequestBody(containing("grant_type=refresh_token"))
            .withRequestBody(containing("refresh_token=RT1"))
            .withRequestBody(containing("client_secret=" + CLIENT_SECRET))
            .willReturn(
                okJson(
                    "{\"access_token\":\"AT2\",\"refresh_token\":\"RT2\",\"expires_in\":3600}")));
    wm.stubFor(
        get(urlPathEqualTo(API + "/space"))
            .withHeader("Authorization", equalTo("Bearer AT2"))
            .willReturn(okJson(SPACES)));
    Result spaces = conf.pipe().run("space", "list");
    assertThat(spaces.exitCode()).as(spaces.toString()).isZero();
    assertThat(spaces.out()).contains("DOCS");
    assertThat(conf.keychain.secrets.values().toString()).contains("RT2").doesNotContain("RT1");
  }

  @Test
  void aServiceAccountOfAnIncomingLinkListsSpaces() {
    ConfRunner c = new ConfRunner(configDir);
    Result r =
        c.pipe()
            .stdin(CLIENT_SECRET)
            .run(
                "auth",
                "login",
                "--type",
                "client-credentials",
                "--url",
                siteUrl(),
                "--client-id",
                CLIENT_ID,
                "--with-token");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("Data Center, service account");
    Result spaces = c.pipe().run("space", "list");
    assertThat(spaces.exitCode()).as(spaces.toString()).isZero();
    assertThat(spaces.out()).contains("DOCS");
  }
}
