package dev.conf.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.conf.testing.ConfRunner;
import dev.conf.testing.ConfRunner.Result;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site behind a private CA: with {@code --ca-cert} its certificate is trusted, without it the TLS
 * handshake fails. Real TLS: WireMock serves https with a key pair made by the JDK's keytool.
 */
class CaCertTest {
  @TempDir Path dir;
  WireMockServer server;
  Path pem;

  private void keytool(String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("keytool %s", List.of(args)).isZero();
  }

  @BeforeEach
  void start() throws Exception {
    Path keystore = dir.resolve("site.p12");
    pem = dir.resolve("site-ca.pem");
    keytool(
        "-genkeypair",
        "-alias",
        "site",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-validity",
        "2",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=dns:localhost,ip:127.0.0.1",
        "-storetype",
        "PKCS12",
        "-keystore",
        keystore.toString(),
        "-storepass",
        "changeit");
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "site",
        "-keystore",
        keystore.toString(),
        "-storepass",
        "changeit",
        "-file",
        pem.toString());
    server =
        new WireMockServer(
            wireMockConfig()
                .httpDisabled(true)
                .httpsPort(0)
                .keystorePath(keystore.toString())
                .keystoreType("PKCS12")
                .keystorePassword("changeit")
                .keyManagerPassword("changeit"));
    server.start();
    server.stubFor(
        get(urlPathEqualTo("/rest/api/space"))
            .willReturn(
                okJson(
                    "{\"results\":[{\"id\":1,\"key\":\"SEC\",\"name\":\"Secure\",\"type\":\"global\"}],\"_links\":{}}")));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private ConfRunner conf() {
    return new ConfRunner(dir.resolve("config"))
        .env("CONFLUENCE_URL", "https://localhost:" + server.httpsPort())
        .env("CONFLUENCE_PAT", "pat")
        .env("CONF_RETRY_MAX_ATTEMPTS", "1");
  }

  @Test
  void anExtraCaBundleIsTrusted() {
    Result r = conf().run("--ca-cert", pem.toString(), "space", "list");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("SEC\tSecure");
  }

  @Test
  void withoutItTheHandshakeFailsAndNothingIsTrustedBlindly() {
    Result r = conf().run("space", "list");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("conf: could not reach https://localhost:").contains("PKIX");
  }
}
