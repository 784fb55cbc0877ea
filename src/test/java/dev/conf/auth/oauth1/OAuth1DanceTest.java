package dev.conf.auth.oauth1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dance against an in-test server holding a Data Center application link's rules: every request
 * signed RSA-SHA1 with the link's public key over the base string of the request as it arrived
 * (HMAC and PLAINTEXT get {@code signature_method_rejected}), a known consumer key, fresh nonces,
 * the verifier bound to the approved request token, and the access token required on API calls.
 */
class OAuth1DanceTest {
  static KeyPair link;
  static KeyPair stranger;

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    link = g.generateKeyPair();
    stranger = g.generateKeyPair();
  }

  /** The application link: consumer key "conf-cli" with {@link #link}'s public key. */
  static final class ApplicationLink {
    final HttpServer server;
    final PublicKey publicKey;
    final Set<String> nonces = new HashSet<>();
    final Map<String, String> requestTokens = new HashMap<>(); // token -> verifier once approved
    final Set<String> accessTokens = new HashSet<>();
    final AtomicInteger seq = new AtomicInteger();
    final List<String> callbacks = new ArrayList<>();

    ApplicationLink(PublicKey publicKey) throws IOException {
      this.publicKey = publicKey;
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", this::handle);
      server.start();
    }

    HttpUrl base() {
      return HttpUrl.get("http://127.0.0.1:" + server.getAddress().getPort() + "/confluence");
    }

    /** The user clicks Allow on the authorize page: the token gets its verifier. */
    String approve(String requestToken) {
      String verifier = "v" + seq.incrementAndGet();
      requestTokens.put(requestToken, verifier);
      return verifier;
    }

    void handle(HttpExchange ex) throws IOException {
      try (ex) {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        URI uri =
            URI.create(
                "http://"
                    + ex.getRequestHeaders().getFirst("Host")
                    + ex.getRequestURI().toString());
        Map<String, String> oauth =
            OAuth1Signer.parseHeader(ex.getRequestHeaders().getFirst("Authorization"));
        String problem = check(ex.getRequestMethod(), uri, oauth, body, ex);
        if (problem != null) {
          reply(ex, 401, "oauth_problem=" + problem);
          return;
        }
        String path = uri.getPath();
        switch (path) {
          case "/confluence/plugins/servlet/oauth/request-token" -> {
            callbacks.add(oauth.get("oauth_callback"));
            String t = "req" + seq.incrementAndGet();
            requestTokens.put(t, null);
            reply(
                ex,
                200,
                "oauth_token=" + t + "&oauth_token_secret=s%26t&oauth_callback_confirmed=true");
          }
          case "/confluence/plugins/servlet/oauth/access-token" -> {
            String t = oauth.get("oauth_token");
            String expected = requestTokens.get(t);
            if (expected == null) {
              reply(ex, 401, "oauth_problem=permission_unknown");
            } else if (!expected.equals(oauth.get("oauth_verifier"))) {
              reply(ex, 401, "oauth_problem=token_rejected");
            } else {
              requestTokens.remove(t);
              String a = "acc" + seq.incrementAndGet();
              accessTokens.add(a);
              reply(
                  ex, 200, "oauth_token=" + a + "&oauth_token_secret=&oauth_expires_in=157680000");
            }
          }
          default -> {
            if (!accessTokens.contains(oauth.get("oauth_token"))) {
              reply(ex, 401, "oauth_problem=token_rejected");
            } else {
              reply(ex, 200, "{\"results\":[],\"form\":\"" + body + "\"}");
            }
          }
        }
      }
    }

    String check(String method, URI uri, Map<String, String> oauth, String body, HttpExchange ex) {
      if (oauth.isEmpty()) {
        return "parameter_absent";
      }
      if (!"RSA-SHA1".equals(oauth.get("oauth_signature_method"))) {
        return "signature_method_rejected";
      }
      if (!"conf-cli".equals(oauth.get("oauth_consumer_key"))) {
        return "consumer_key_unknown";
      }
      if (!nonces.add(oauth.get("oauth_nonce") + oauth.get("oauth_timestamp"))) {
        return "nonce_used";
      }
      List<Param> params = new ArrayList<>();
      oauth.forEach((k, v) -> params.add(new Param(k, v)));
      String type = ex.getRequestHeaders().getFirst("Content-Type");
      if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
        params.addAll(PercentEncoding.parseForm(body));
      }
      try {
        boolean ok =
            OAuth1SignerTest.verifies(
                publicKey,
                SignatureBaseString.of(method, uri, params),
                oauth.getOrDefault("oauth_signature", ""));
        return ok ? null : "signature_invalid";
      } catch (Exception e) {
        return "signature_invalid";
      }
    }

    static void reply(HttpExchange ex, int status, String body) throws IOException {
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "text/plain");
      ex.sendResponseHeaders(status, b.length);
      ex.getResponseBody().write(b);
    }
  }

  private final Clock clock = Clock.fixed(Instant.ofEpochSecond(1_764_000_000L), ZoneOffset.UTC);
  private final AtomicInteger nonce = new AtomicInteger();
  private final OkHttpClient http = new OkHttpClient();
  private ApplicationLink server;

  @BeforeEach
  void start() throws IOException {
    server = new ApplicationLink(link.getPublic());
  }

  @AfterEach
  void stop() {
    server.server.stop(0);
  }

  private OAuth1Signer signer(KeyPair keys, String consumer) {
    return new OAuth1Signer(
        consumer, keys.getPrivate(), () -> "n" + nonce.incrementAndGet(), clock);
  }

  @Test
  void theThreeStepsGiveAnAccessTokenThatSignsApiRequests() throws IOException {
    OAuth1Signer signer = signer(link, "conf-cli");
    OAuth1Dance dance = new OAuth1Dance(http, server.base(), signer);

    OAuth1Dance.RequestToken request = dance.requestToken(OAuth1Dance.OUT_OF_BAND);
    assertThat(request.secret()).isEqualTo("s&t");
    assertThat(server.callbacks).containsExactly("oob");
    HttpUrl authorize = dance.authorizeUrl(request);
    assertThat(authorize.encodedPath()).isEqualTo("/confluence/plugins/servlet/oauth/authorize");
    assertThat(authorize.queryParameter("oauth_token")).isEqualTo(request.token());

    String verifier = server.approve(request.token());
    OAuth1Dance.AccessToken access = dance.accessToken(request, " " + verifier + "\n");
    assertThat(server.accessTokens).containsExactly(access.token());
    assertThat(access.toString()).doesNotContain("secret");

    OkHttpClient signed =
        http.newBuilder()
            .addInterceptor(new OAuth1Interceptor(server.base(), signer, access::token))
            .build();
    HttpUrl spaces =
        server
            .base()
            .newBuilder()
            .addPathSegments("rest/api/space")
            .addQueryParameter("q", "a b+c")
            .build();
    try (Response r = signed.newCall(new Request.Builder().url(spaces).build()).execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
    // a form body is part of the signature: the server verifies it too
    RequestBody form = new FormBody.Builder().add("title", "A & B").add("x", "1").build();
    try (Response r =
        signed.newCall(new Request.Builder().url(spaces).post(form).build()).execute()) {
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.body().string()).contains("title=A+%26+B");
    }
  }

  @Test
  void aLoopbackCallbackIsSentAndAWrongVerifierIsRefused() throws IOException {
    OAuth1Dance dance = new OAuth1Dance(http, server.base(), signer(link, "conf-cli"));
    OAuth1Dance.RequestToken request = dance.requestToken("http://127.0.0.1:4711/callback");
    assertThat(server.callbacks).containsExactly("http://127.0.0.1:4711/callback");
    server.approve(request.token());

    assertThatThrownBy(() -> dance.accessToken(request, "guess"))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("refused the access token (OAuth 1.0a): the token was rejected")
        .satisfies(e -> assertThat(((ConfException) e).exitCode()).isEqualTo(ExitCode.AUTH));
  }

  @Test
  void aKeyThatIsNotTheLinksIsRefusedWithWhatToCheck() {
    OAuth1Dance dance = new OAuth1Dance(http, server.base(), signer(stranger, "conf-cli"));
    assertThatThrownBy(() -> dance.requestToken("oob"))
        .hasMessage(
            "127.0.0.1 refused a request token (OAuth 1.0a): the signature did not verify: the"
                + " public key in the application link must be the one made from --private-key");
  }

  @Test
  void anUnknownConsumerKeyIsRefusedWithWhatToAsk() {
    OAuth1Dance dance = new OAuth1Dance(http, server.base(), signer(link, "other"));
    assertThatThrownBy(() -> dance.requestToken("oob"))
        .hasMessageContaining("no application link on 127.0.0.1 has consumer key other");
  }

  /** The server's rule: an HMAC-SHA1 request, however well formed, is rejected. */
  @Test
  void hmacIsRejectedAsSignatureMethodRejected() throws IOException {
    HttpUrl url =
        server.base().newBuilder().addPathSegments("plugins/servlet/oauth/request-token").build();
    String hmac =
        "OAuth oauth_consumer_key=\"conf-cli\", oauth_signature_method=\"HMAC-SHA1\","
            + " oauth_timestamp=\"1764000000\", oauth_nonce=\"x\", oauth_version=\"1.0\","
            + " oauth_callback=\"oob\", oauth_signature=\"abc%3D\"";
    Request request =
        new Request.Builder()
            .url(url)
            .header("Authorization", hmac)
            .post(RequestBody.create(new byte[0], null))
            .build();
    try (Response r = http.newCall(request).execute()) {
      assertThat(r.code()).isEqualTo(401);
      assertThat(r.body().string()).isEqualTo("oauth_problem=signature_method_rejected");
    }
    OAuth1Dance dance = new OAuth1Dance(http, server.base(), signer(link, "conf-cli"));
    assertThat(dance.refused(401, "signature_method_rejected", "a request token").getMessage())
        .isEqualTo(
            "127.0.0.1 refused a request token (OAuth 1.0a): the application link accepts only"
                + " RSA-SHA1 signatures; check that the link is set up as OAuth with an RSA public"
                + " key");
  }

  @Test
  void requestsToAnotherHostAreNotSigned() throws IOException {
    ApplicationLink other = new ApplicationLink(link.getPublic());
    try {
      HttpUrl site = HttpUrl.get("http://localhost:" + other.server.getAddress().getPort() + "/");
      OkHttpClient signed =
          http.newBuilder()
              .addInterceptor(new OAuth1Interceptor(site, signer(link, "conf-cli"), () -> "t"))
              .build();
      try (Response r =
          signed.newCall(new Request.Builder().url(other.base().resolve("/x")).build()).execute()) {
        assertThat(r.code()).isEqualTo(401);
        assertThat(r.body().string()).isEqualTo("oauth_problem=parameter_absent");
      }
    } finally {
      other.server.stop(0);
    }
  }
}
