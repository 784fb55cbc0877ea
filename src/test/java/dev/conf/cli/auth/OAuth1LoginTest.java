package dev.conf.cli.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.ValueMatcher;
import dev.conf.auth.oauth1.OAuth1Signer;
import dev.conf.auth.oauth1.Param;
import dev.conf.auth.oauth1.PercentEncoding;
import dev.conf.auth.oauth1.SignatureBaseString;
import dev.conf.testing.ConfRunner;
import dev.conf.testing.ConfRunner.Result;
import dev.conf.testing.SpecContract;
import dev.conf.testing.TestSite;
import dev.conf.testing.WireMockSuite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code conf auth login --type oauth1} against a Data Center application link: consumer key {@code
 * conf-cli} with the test's RSA public key. Every request, the three steps and the REST calls after
 * them, must carry an RSA-SHA1 signature the link verifies with that key, and a nonce it has not
 * seen; the access token comes only for the approved request token and its verifier.
 */
class OAuth1LoginTest extends WireMockSuite {
  private static final String CONTEXT = "/confluence";
  private static final String API = CONTEXT + "/rest/api";
  private static final String OAUTH = CONTEXT + "/plugins/servlet/oauth";
  private static final String ME =
      "{\"type\":\"known\",\"username\":\"ann\",\"userKey\":\"k1\",\"displayName\":\"Ann Author\"}";
  private static final String SPACES =
      "{\"results\":[{\"id\":777,\"key\":\"DOCS\",\"name\":\"Docs\",\"type\":\"global\","
          + "\"status\":\"current\",\"_links\":{\"webui\":\"/display/DOCS\"}}],"
          + "\"start\":0,\"limit\":25,\"size\":1,\"_links\":{}}";

  static KeyPair link;

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    link = g.generateKeyPair();
  }

  /** The application link's check of one request; the token it must carry, or null for none. */
  static final class Signed implements ValueMatcher<Request> {
    static final Set<String> nonces = ConcurrentHashMap.newKeySet();
    final PublicKey key;
    final String token;
    final String verifier;

    Signed(PublicKey key, String token, String verifier) {
      this.key = key;
      this.token = token;
      this.verifier = verifier;
    }

    @Override
    public MatchResult match(Request r) {
      String header = r.getHeader("Authorization");
      if (header == null || !header.startsWith("OAuth ")) {
        return MatchResult.noMatch();
      }
      Map<String, String> oauth = OAuth1Signer.parseHeader(header);
      if (!"RSA-SHA1".equals(oauth.get("oauth_signature_method"))
          || !"conf-cli".equals(oauth.get("oauth_consumer_key"))
          || (token == null
              ? oauth.containsKey("oauth_token")
              : !token.equals(oauth.get("oauth_token")))
          || (verifier != null && !verifier.equals(oauth.get("oauth_verifier")))
          || !nonces.add(
              oauth.get("oauth_nonce") + "@" + oauth.get("oauth_timestamp") + r.getUrl())) {
        return MatchResult.noMatch();
      }
      List<Param> params = new ArrayList<>();
      oauth.forEach(
          (k, v) -> {
            if (!k.equals("oauth_signature")) {
              params.add(new Param(k, v));
            }
          });
      String type = r.getHeader("Content-Type");
      if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
        params.addAll(PercentEncoding.parseForm(r.getBodyAsString()));
      }
      try {
        Signature s = Signature.getInstance("SHA1withRSA");
        s.initVerify(key);
        s.update(
            SignatureBaseString.of(r.getMethod().getName(), URI.create(r.getAbsoluteUrl()), params)
                .getBytes(StandardCharsets.US_ASCII));
        return MatchResult.of(
            s.verify(Base64.getDecoder().decode(oauth.getOrDefault("oauth_signature", ""))));
      } catch (Exception e) {
        return MatchResult.noMatch();
      }
    }
  }

  private Path keyFile;

  @Override
  protected TestSite site() {
    return TestSite.dataCenter(url(), CONTEXT);
  }

  @Override
  protected SpecContract contract() {
    return super.contract().exempt("^" + OAUTH + "/");
  }

  private static String pem(byte[] der) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END PRIVATE KEY-----\n";
  }

  @BeforeEach
  void anApplicationLink() throws Exception {
    keyFile = tmp.resolve("key.pem");
    Files.writeString(keyFile, pem(link.getPrivate().getEncoded()));
    anApplicationLinkWith(link.getPublic());
  }

  /** The link's endpoints and the REST calls, each checked against the public key {@code pub}. */
  private void anApplicationLinkWith(PublicKey pub) {
    wm.resetMappings();
    wm.stubFor(
        any(anyUrl())
            .atPriority(10)
            .willReturn(aResponse().withStatus(401).withBody("oauth_problem=signature_invalid")));
    wm.stubFor(
        post(urlPathEqualTo(OAUTH + "/request-token"))
            .andMatching(new Signed(pub, null, null))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        "oauth_token=REQ1&oauth_token_secret=s&oauth_callback_confirmed=true")));
    wm.stubFor(
        post(urlPathEqualTo(OAUTH + "/access-token"))
            .andMatching(new Signed(pub, "REQ1", "V123"))
            .willReturn(
                aResponse().withStatus(200).withBody("oauth_token=ACC1&oauth_token_secret=")));
    wm.stubFor(
        get(urlPathEqualTo(API + "/user/current"))
            .andMatching(new Signed(pub, "ACC1", null))
            .willReturn(okJson(ME)));
    wm.stubFor(
        get(urlPathEqualTo(API + "/space"))
            .andMatching(new Signed(pub, "ACC1", null))
            .willReturn(okJson(SPACES)));
    wm.stubFor(
        get(urlPathEqualTo(API + "/content/42"))
            .andMatching(new Signed(pub, "ACC1", null))
            .willReturn(okJson(page(7, "<p>old</p>"))));
    wm.stubFor(
        put(urlPathEqualTo(API + "/content/42"))
            .andMatching(new Signed(pub, "ACC1", null))
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

  private String[] login(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "auth",
                "login",
                "--type",
                "oauth1",
                "--url",
                siteUrl(),
                "--consumer-key",
                "conf-cli",
                "--private-key",
                keyFile.toString(),
                "--callback-port",
                "0"));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  /** The oauth_callback of each request-token request, in order. */
  private List<String> callbacksAsked() {
    return wm.findAll(postRequestedFor(urlPathEqualTo(OAUTH + "/request-token"))).stream()
        .map(r -> OAuth1Signer.parseHeader(r.getHeader("Authorization")).get("oauth_callback"))
        .toList();
  }

  /**
   * A user's browser at the authorize page: the link's authorize step answers the approval with a
   * redirect to the callback the request token was asked with, carrying that token and {@code
   * verifierToken}'s verifier, and the browser follows it to conf's loopback listener.
   */
  private java.util.function.Consumer<String> approvingBrowser(String returnedToken) {
    return url -> {
      List<String> callbacks = callbacksAsked();
      String callback = callbacks.get(callbacks.size() - 1);
      wm.stubFor(
          get(urlPathEqualTo(OAUTH + "/authorize"))
              .withQueryParam("oauth_token", equalTo("REQ1"))
              .willReturn(
                  aResponse()
                      .withStatus(302)
                      .withHeader(
                          "Location",
                          callback + "?oauth_token=" + returnedToken + "&oauth_verifier=V123")));
      try {
        HttpResponse<String> page =
            HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.ofString());
        assertThat(page.uri().toString()).startsWith("http://127.0.0.1:");
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    };
  }

  @Test
  void theDanceThroughTheLoopbackCallbackThenSignedRequestsListSpacesAndUpdateAPage()
      throws Exception {
    ConfRunner c = new ConfRunner(configDir);
    c.browserAction = approvingBrowser("REQ1");
    Result r = c.pipe().run(login());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err())
        .contains(OAUTH + "/authorize?oauth_token=REQ1")
        .contains("Ann Author")
        .contains("keychain")
        .doesNotContain("Verifier");
    assertThat(callbacksAsked())
        .singleElement()
        .asString()
        .matches("http://127\\.0\\.0\\.1:\\d+/callback");
    assertThat(c.browsed).singleElement().asString().contains("oauth_token=REQ1");
    String stored = c.keychain.secrets.get("default");
    assertThat(stored).startsWith("{\"chunked\":"); // the PEM makes it longer than one entry
    assertThat(c.keychain.secrets.values()).anyMatch(v -> v.contains("ACC1"));
    assertThat(Files.readString(configDir.resolve("config.json")))
        .contains("\"oauth1\"")
        .contains("conf-cli")
        .doesNotContain("ACC1")
        .doesNotContain("PRIVATE KEY");

    Result spaces = c.pipe().run("space", "list");
    assertThat(spaces.exitCode()).as(spaces.toString()).isZero();
    assertThat(spaces.out()).contains("DOCS");
    Result update = c.pipe().stdin("<p>new</p>").run("page", "update", "42", "-");
    assertThat(update.exitCode()).as(update.toString()).isZero();
    assertThat(wm.findAll(putRequestedFor(urlPathEqualTo(API + "/content/42")))).hasSize(1);

    Result status = c.pipe().run("auth", "status");
    assertThat(status.exitCode()).as(status.toString()).isZero();
    assertThat(status.out()).contains("OAuth 1.0a").contains("keychain");
  }

  @Test
  void aCallbackWithAnotherRequestTokenIsRefusedAndSavesNothing() {
    ConfRunner c = new ConfRunner(configDir);
    c.browserAction = approvingBrowser("FORGED");
    Result r = c.pipe().run(login());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.err()).contains("request token this login did not ask for");
    assertThat(wm.findAll(postRequestedFor(urlPathEqualTo(OAUTH + "/access-token")))).isEmpty();
    assertThat(c.keychain.secrets).isEmpty();
    assertThat(configDir.resolve("config.json")).doesNotExist();
  }

  @Test
  void noBrowserAsksForAnOutOfBandTokenAndTakesThePastedVerifier() {
    ConfRunner c = new ConfRunner(configDir);
    Result r = c.pipe().stdin("V123\n").run(login("--no-browser"));
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("paste the verifier").contains("oauth_token=REQ1");
    assertThat(callbacksAsked()).containsExactly("oob");
    assertThat(c.browsed).isEmpty();
    assertThat(c.keychain.secrets.values()).anyMatch(v -> v.contains("ACC1"));
  }

  @Test
  void whereNoBrowserCanBeStartedTheVerifierIsPastedForANewOutOfBandToken() {
    ConfRunner c = new ConfRunner(configDir);
    c.browserAvailable = false;
    Result r = c.pipe().stdin("V123\n").run(login());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("No browser could be started here");
    List<String> callbacks = callbacksAsked();
    assertThat(callbacks).hasSize(2);
    assertThat(callbacks.get(0)).startsWith("http://127.0.0.1:");
    assertThat(callbacks.get(1)).isEqualTo("oob");
  }

  @Test
  void aLoginWithAKeyTooLongForOneWindowsEntryIsStoredInPartsAndUsed() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(4096);
    KeyPair big = g.generateKeyPair();
    Files.writeString(keyFile, pem(big.getPrivate().getEncoded()));
    anApplicationLinkWith(big.getPublic());
    ConfRunner c = new ConfRunner(configDir);
    c.keychain.maxUtf16Bytes = 2560; // Windows Credential Manager's limit
    Result r = c.pipe().stdin("V123\n").run(login("--no-browser"));
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(c.keychain.secrets).hasSizeGreaterThan(3);
    assertThat(c.keychain.secrets.values())
        .allSatisfy(v -> assertThat(v.length() * 2).isLessThanOrEqualTo(2560));
    Result spaces = c.pipe().run("space", "list");
    assertThat(spaces.exitCode()).as(spaces.toString()).isZero();
    assertThat(spaces.out()).contains("DOCS");
  }

  @Test
  void aWrongVerifierSavesNothing() {
    ConfRunner c = new ConfRunner(configDir);
    Result r = c.pipe().stdin("WRONG\n").run(login("--no-browser"));
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(c.keychain.secrets).isEmpty();
    assertThat(configDir.resolve("config.json")).doesNotExist();
  }
}
