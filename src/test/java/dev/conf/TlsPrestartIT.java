package dev.conf;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.conf.testing.WarmUpTls;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar over https, as a user runs it: {@code Main} starts the TLS set-up on its second
 * thread for a command bound for an https site, the command's one client uses it (the request goes
 * through with {@code --ca-cert}), and it is not started for http sites, for {@code --version}, or
 * when turned off. Which classes were loaded is read from the JVM's own class log.
 */
class TlsPrestartIT {
  private static final String SPACES =
      "{\"results\":[{\"id\":1,\"key\":\"TLS\",\"name\":\"Secure\",\"type\":\"global\"}],"
          + "\"_links\":{}}";

  /** Loaded once the second thread has handed a context over; by its warm-up handshake. */
  private static final String PREPARED = "dev.conf.http.TlsPrestart$Tls ";

  private static final String WARMED = "dev.conf.http.TlsPrestart$OneKey ";

  @TempDir Path home;
  HttpsServer server;
  Path ca;

  record Run(int exit, String out, String err) {}

  @BeforeEach
  void start() throws Exception {
    SSLContext ssl = WarmUpTls.serverContext();
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
    server.setHttpsConfigurator(new HttpsConfigurator(ssl));
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            exchange.getRequestBody().readAllBytes();
            byte[] body = SPACES.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
        });
    server.start();
    ca = home.resolve("ca.pem");
    Files.write(ca, resource("tls-warmup-ca.pem"));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static byte[] resource(String name) throws Exception {
    try (InputStream in = dev.conf.http.TlsPrestart.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  private Map<String, String> site() {
    return Map.of(
        "CONFLUENCE_URL",
        "https://127.0.0.1:" + server.getAddress().getPort(),
        "CONFLUENCE_PAT",
        "pat",
        "CONF_RETRY_MAX_ATTEMPTS",
        "1");
  }

  @Test
  void anHttpsCommandPreparesItsTlsOnASecondThreadAndUsesIt() throws Exception {
    Run r = conf(site(), "--ca-cert", ca.toString(), "space", "list");
    assertThat(r.exit()).as(r.err()).isZero();
    // (Whether the warm-up handshake got as far as its key before the process ended is a race it
    // may lose; TlsPrestartTest checks that it completes.)
    assertThat(r.out()).contains("TLS\tSecure").contains(PREPARED);
    assertThat(r.out()).contains("sun.security.ssl.SSLSocketImpl ");
  }

  @Test
  void withoutTheBundleTheSiteIsStillNotTrusted() throws Exception {
    Run r = conf(site(), "space", "list");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("could not reach https://127.0.0.1:").contains("PKIX");
    assertThat(r.out()).contains(PREPARED);
  }

  @Test
  void notForVersionHttpOrWhenTurnedOff() throws Exception {
    assertThat(conf(site(), "--version").out()).doesNotContain("dev.conf.http.TlsPrestart");
    Map<String, String> off = new java.util.HashMap<>(site());
    off.put("CONF_TLS_PRESTART", "0");
    Run r = conf(off, "--ca-cert", ca.toString(), "space", "list");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("TLS\tSecure").doesNotContain(PREPARED).doesNotContain(WARMED);
    Map<String, String> http = new java.util.HashMap<>(site());
    http.put("CONFLUENCE_URL", "http://127.0.0.1:" + server.getAddress().getPort());
    Run plain = conf(http, "space", "list");
    assertThat(plain.exit()).isNotZero(); // the server speaks TLS only
    assertThat(plain.out()).doesNotContain(PREPARED).doesNotContain(WARMED);
  }

  private Run conf(Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xlog:class+load=info:stdout");
    cmd.add("-jar");
    cmd.add(System.getProperty("conf.jar", "target/conf.jar"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment()
        .keySet()
        .removeIf(
            k -> k.startsWith("CONFLUENCE_") || k.startsWith("CONF_") || k.endsWith("_API_TOKEN"));
    pb.environment().put("CONF_CONFIG_DIR", home.resolve("config").toString());
    pb.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
    pb.environment().putAll(env);
    Path out = home.resolve("out.txt");
    Path err = home.resolve("err.txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    p.getOutputStream().close();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("conf finished").isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
