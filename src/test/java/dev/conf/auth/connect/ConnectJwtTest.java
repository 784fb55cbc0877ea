package dev.conf.auth.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tokens checked by a verifier that holds a Connect host's rules: HS256 with the app's shared
 * secret (constant-time compare), {@code iss} a known app key, not expired by the server's clock,
 * and {@code qsh} equal to the hash of the request as it arrived.
 */
class ConnectJwtTest {
  static final byte[] SECRET =
      "s3cr3t-shared-by-the-install-callback".getBytes(StandardCharsets.UTF_8);
  static final ObjectMapper JSON = new ObjectMapper();

  /** Returns null when the token is good, else why not. */
  static String verify(String header, String method, URI received, long serverNow)
      throws Exception {
    if (header == null || !header.startsWith("JWT ")) {
      return "no JWT";
    }
    String[] parts = header.substring(4).split("\\.");
    if (parts.length != 3) {
      return "malformed";
    }
    Base64.Decoder d = Base64.getUrlDecoder();
    JsonNode head = JSON.readTree(d.decode(parts[0]));
    if (!"HS256".equals(head.path("alg").asText())) {
      return "alg";
    }
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
    byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    if (!MessageDigest.isEqual(expected, d.decode(parts[2]))) {
      return "signature";
    }
    JsonNode claims = JSON.readTree(d.decode(parts[1]));
    if (!"com.example.conf-app".equals(claims.path("iss").asText())) {
      return "iss";
    }
    if (claims.path("exp").asLong() <= serverNow || claims.path("iat").asLong() > serverNow + 60) {
      return "expired";
    }
    if (!CanonicalRequest.qsh(method, received, "/wiki").equals(claims.path("qsh").asText())) {
      return "qsh";
    }
    return null;
  }

  private final AtomicLong now = new AtomicLong(1_764_000_000L);
  private final Clock clock = Clock.fixed(Instant.ofEpochSecond(1_764_000_000L), ZoneOffset.UTC);
  private HttpServer server;
  private final AtomicLong serverNow = new AtomicLong(1_764_000_000L);
  private final List<String> verdicts = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  void handle(HttpExchange ex) throws IOException {
    try (ex) {
      ex.getRequestBody().readAllBytes();
      URI received =
          URI.create("http://" + ex.getRequestHeaders().getFirst("Host") + ex.getRequestURI());
      String why;
      try {
        why =
            verify(
                ex.getRequestHeaders().getFirst("Authorization"),
                ex.getRequestMethod(),
                received,
                serverNow.get());
      } catch (Exception e) {
        why = "unreadable";
      }
      verdicts.add(why == null ? "ok" : why);
      byte[] body = (why == null ? "{}" : "{\"message\":\"" + why + "\"}").getBytes();
      ex.sendResponseHeaders(why == null ? 200 : 401, body.length);
      ex.getResponseBody().write(body);
    }
  }

  private HttpUrl site() {
    return HttpUrl.get("http://127.0.0.1:" + server.getAddress().getPort() + "/wiki");
  }

  private OkHttpClient client() {
    ConnectJwt jwt = new ConnectJwt("com.example.conf-app", SECRET, "/wiki", clock);
    return new OkHttpClient.Builder()
        .addInterceptor(new ConnectJwtInterceptor(site(), jwt))
        .build();
  }

  private int call(OkHttpClient http, Request request) throws IOException {
    try (Response r = http.newCall(request).execute()) {
      return r.code();
    }
  }

  @Test
  void signedRequestsAreAcceptedWhateverTheirMethodPathAndQuery() throws IOException {
    OkHttpClient http = client();
    HttpUrl search =
        site()
            .newBuilder()
            .addPathSegments("rest/api/search")
            .addQueryParameter("cql", "type = page and title ~ \"a,b\"")
            .addQueryParameter("expand", "space")
            .addQueryParameter("expand", "body.storage")
            .build();
    assertThat(call(http, new Request.Builder().url(search).build())).isEqualTo(200);
    HttpUrl page = site().newBuilder().addPathSegments("api/v2/pages/123/").build();
    RequestBody json = RequestBody.create("{}", MediaType.get("application/json"));
    assertThat(call(http, new Request.Builder().url(page).put(json).build())).isEqualTo(200);
    assertThat(verdicts).containsExactly("ok", "ok");
  }

  @Test
  void theClaimsAreIssIatExpAboutThreeMinutesLaterAndQsh() throws Exception {
    ConnectJwt jwt = new ConnectJwt("com.example.conf-app", SECRET, "/wiki", clock);
    URI uri = URI.create("https://x.atlassian.net/wiki/rest/api/space?limit=5");
    String token = jwt.token("GET", uri);
    JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    assertThat(claims.path("iss").asText()).isEqualTo("com.example.conf-app");
    assertThat(claims.path("iat").asLong()).isEqualTo(1_764_000_000L);
    assertThat(claims.path("exp").asLong()).isEqualTo(1_764_000_180L);
    assertThat(claims.path("qsh").asText())
        .isEqualTo(CanonicalRequest.sha256Hex("GET&/rest/api/space&limit=5"));
    assertThat(token).doesNotContain("=");
    assertThat(jwt.toString()).doesNotContain("s3cr3t");
  }

  @Test
  void theVerifierRejectsAnExpiredTokenAWrongSecretAndATamperedQuery() throws Exception {
    ConnectJwt jwt = new ConnectJwt("com.example.conf-app", SECRET, "/wiki", clock);
    URI uri = URI.create("https://x.atlassian.net/wiki/rest/api/content?id=1");
    String header = jwt.authorization("GET", uri);
    assertThat(verify(header, "GET", uri, 1_764_000_179L)).isNull();
    assertThat(verify(header, "GET", uri, 1_764_000_180L)).isEqualTo("expired");
    assertThat(
            verify(
                header,
                "GET",
                URI.create("https://x.atlassian.net/wiki/rest/api/content?id=2"),
                1_764_000_000L))
        .isEqualTo("qsh");
    assertThat(verify(header, "DELETE", uri, 1_764_000_000L)).isEqualTo("qsh");
    ConnectJwt other = new ConnectJwt("com.example.conf-app", "other".getBytes(), "/wiki", clock);
    assertThat(verify(other.authorization("GET", uri), "GET", uri, 1_764_000_000L))
        .isEqualTo("signature");
  }

  @Test
  void aServerLaterThanTheTokensLifetimeRefusesIt() throws IOException {
    serverNow.set(now.get() + ConnectJwt.LIFETIME_SECONDS + 1);
    assertThat(
            call(
                client(),
                new Request.Builder().url(site().resolve("/wiki/rest/api/space")).build()))
        .isEqualTo(401);
    assertThat(verdicts).containsExactly("expired");
  }

  @Test
  void otherHostsGetNoToken() throws IOException {
    HttpUrl elsewhere =
        HttpUrl.get("http://localhost:" + server.getAddress().getPort() + "/wiki/x");
    assertThat(call(client(), new Request.Builder().url(elsewhere).build())).isEqualTo(401);
    assertThat(verdicts).containsExactly("no JWT");
  }
}
