package dev.conf.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.conf.testing.WarmUpTls;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TLS set-up Main starts on a second thread: when it starts (from the command line, the
 * environment and the config file), that the client uses it only for the bundle it was made for,
 * that what it builds really verifies a server (a real TLS server on loopback), and that a bad
 * bundle still fails with the message it had without it.
 */
class TlsPrestartTest {
  @TempDir Path dir;
  HttpsServer server;

  private static final Map<String, String> HTTPS = Map.of("CONFLUENCE_URL", "https://x.example");

  @AfterEach
  void stop() {
    TlsPrestart.take(); // nothing prepared here may reach another test's client
    if (server != null) {
      server.stop(0);
    }
  }

  private static TlsPrestart.Plan plan(Map<String, String> env, String config, String... args) {
    return TlsPrestart.plan(args, env, () -> config);
  }

  @Test
  void startsForARequestToAnHttpsSiteAndForNothingElse() {
    assertThat(plan(HTTPS, null, "space", "list")).isEqualTo(new TlsPrestart.Plan(null, false));
    assertThat(plan(HTTPS, null, "--ca-cert", "/etc/ca.pem", "page", "view", "1"))
        .isEqualTo(new TlsPrestart.Plan(Path.of("/etc/ca.pem"), false));
    assertThat(plan(HTTPS, null, "--ca-cert=ca.pem", "space", "list").caCert())
        .isEqualTo(Path.of("ca.pem"));
    assertThat(plan(HTTPS, null, "--profile", "work", "space", "list")).isNotNull();
    // No request, or not over TLS:
    assertThat(plan(HTTPS, null)).isNull();
    assertThat(plan(HTTPS, null, "--version")).isNull();
    assertThat(plan(HTTPS, null, "page", "view", "--help")).isNull();
    assertThat(plan(HTTPS, null, "convert", "a.md")).isNull();
    assertThat(plan(HTTPS, null, "completion", "bash")).isNull();
    assertThat(plan(HTTPS, null, "config", "list")).isNull();
    assertThat(plan(HTTPS, null, "auth", "logout")).isNull();
    assertThat(plan(HTTPS, null, "help", "environment")).isNull();
    assertThat(plan(Map.of("CONFLUENCE_URL", "http://127.0.0.1:8080"), null, "space", "list"))
        .isNull();
    assertThat(plan(HTTPS, null, "auth", "login", "--url", "http://127.0.0.1:1")).isNull();
    assertThat(plan(Map.of(), null, "auth", "login", "--url=https://x.example")).isNotNull();
    // No site in the environment: the config file says.
    assertThat(plan(Map.of(), null, "space", "list")).isNull();
    assertThat(plan(Map.of(), "{\"profiles\":{\"d\":{\"url\":\"http://l:1\"}}}", "space", "list"))
        .isNull();
    assertThat(plan(Map.of(), "{\"profiles\":{\"d\":{\"url\":\"https://l\"}}}", "space", "list"))
        .isNotNull();
    // The switches used for measuring.
    Map<String, String> off = Map.of("CONFLUENCE_URL", "https://x", "CONF_TLS_PRESTART", "0");
    assertThat(plan(off, null, "space", "list")).isNull();
    Map<String, String> warm = Map.of("CONFLUENCE_URL", "https://x", "CONF_TLS_PRESTART", "warm");
    assertThat(plan(warm, null, "space", "list")).isEqualTo(new TlsPrestart.Plan(null, true));
  }

  @Test
  void theWarmUpHandshakeCompletesInMemory() throws Exception {
    assertThat(TlsPrestart.warmUpHandshake()).isTrue();
  }

  @Test
  void thePreparedTrustIsThePlatformsPlusTheBundleAndServesOnlyThatBundle() throws Exception {
    Path pem = warmUpCa();
    TlsPrestart p = TlsPrestart.startWith(new TlsPrestart.Plan(pem, true));
    assertThat(TlsPrestart.take()).isSameAs(p);
    assertThat(TlsPrestart.take()).as("handed over once").isNull();

    TlsPrestart.Tls tls = p.forBundle(pem);
    int platform = p.platformTrustManager().getAcceptedIssuers().length;
    assertThat(platform).isGreaterThan(10);
    assertThat(tls.trustManager().getAcceptedIssuers())
        .hasSize(platform + 1)
        .anySatisfy(c -> assertThat(c.getSubjectX500Principal().getName()).contains("warm-up CA"));
    assertThat(p.forBundle(null)).as("another bundle: the client builds its own").isNull();
    assertThat(p.forBundle(dir.resolve("other.pem"))).isNull();
    assertThat(p.warmedUp()).isTrue();
  }

  @Test
  void aClientMadeFromThePreparedContextVerifiesARealServer() throws Exception {
    startServer();
    Path pem = warmUpCa();
    TlsPrestart.startWith(new TlsPrestart.Plan(pem, false));
    OkHttpClient client = loopback(HttpClientFactory.create(settings(pem), true));
    try (Response r = client.newCall(request()).execute()) {
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.body().string()).isEqualTo("ok");
    }
    // Prepared without the bundle (the platform store only): that server is not trusted, and the
    // client made without --ca-cert must not trust it either.
    TlsPrestart.startWith(new TlsPrestart.Plan(null, false));
    OkHttpClient strict = loopback(HttpClientFactory.create(settings(null), true));
    assertThatThrownBy(() -> strict.newCall(request()).execute())
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void aBadBundleFailsWithTheSameMessageWhetherPreparedOrNot() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.pem"), "");
    TlsPrestart p = TlsPrestart.startWith(new TlsPrestart.Plan(empty, false));
    assertThat(p.platformTrustManager()).isNotNull();
    assertThatThrownBy(() -> HttpClientFactory.create(settings(empty), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no certificate found in " + empty);
    assertThatThrownBy(() -> HttpClientFactory.create(settings(empty), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no certificate found in " + empty);
  }

  private Path warmUpCa() throws Exception {
    Path pem = dir.resolve("warm-up-ca.pem");
    Files.write(pem, resource("tls-warmup-ca.pem"));
    return pem;
  }

  private static byte[] resource(String name) throws Exception {
    try (InputStream in = TlsPrestart.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  /** A real TLS server on loopback with the warm-up key and its chain. */
  private void startServer() throws Exception {
    SSLContext ssl = WarmUpTls.serverContext();
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
    server.setHttpsConfigurator(new HttpsConfigurator(ssl));
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
        });
    server.start();
    Certificate leaf =
        CertificateFactory.getInstance("X.509")
            .generateCertificates(
                new ByteArrayInputStream(WarmUpTls.resource("tls-warmup-chain.pem")))
            .iterator()
            .next();
    assertThat(((X509Certificate) leaf).getSubjectX500Principal().getName())
        .contains("conf-tls-warmup.invalid");
  }

  /** The certificate names conf-tls-warmup.invalid: that name resolves to loopback here. */
  private static OkHttpClient loopback(OkHttpClient client) {
    return client.newBuilder().dns(host -> List.of(InetAddress.getLoopbackAddress())).build();
  }

  private Request request() {
    return new Request.Builder()
        .url("https://conf-tls-warmup.invalid:" + server.getAddress().getPort() + "/")
        .build();
  }

  private static HttpClientFactory.Settings settings(Path caCert) {
    return new HttpClientFactory.Settings(
        "conf/test",
        Duration.ofSeconds(5),
        Duration.ofSeconds(5),
        caCert,
        Map.of(),
        new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, false),
        d -> {},
        Clock.systemUTC(),
        null,
        null);
  }
}
