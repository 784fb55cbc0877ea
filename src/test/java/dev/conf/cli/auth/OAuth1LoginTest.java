package dev.conf.cli.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
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
    PublicKey pub = link.getPublic();
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

  @Test
  void theDanceThenSignedRequestsListSpacesAndUpdateAPage() throws Exception {
    ConfRunner c = new ConfRunner(configDir);
    Result r =
        c.pipe()
            .stdin("V123\n")
            .run(
                "auth",
                "login",
                "--type",
                "oauth1",
                "--url",
                siteUrl(),
                "--consumer-key",
                "conf-cli",
                "--private-key",
                keyFile.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err())
        .contains(OAUTH + "/authorize?oauth_token=REQ1")
        .contains("Ann Author")
        .contains("keychain");
    assertThat(c.browsed).singleElement().asString().contains("oauth_token=REQ1");
    assertThat(c.keychain.secrets.get("default")).contains("ACC1").contains("PRIVATE KEY");
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
  void aWrongVerifierSavesNothing() {
    ConfRunner c = new ConfRunner(configDir);
    Result r =
        c.pipe()
            .stdin("WRONG\n")
            .run(
                "auth",
                "login",
                "--type",
                "oauth1",
                "--url",
                siteUrl(),
                "--consumer-key",
                "conf-cli",
                "--private-key",
                keyFile.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(c.keychain.secrets).isEmpty();
    assertThat(configDir.resolve("config.json")).doesNotExist();
  }
}
