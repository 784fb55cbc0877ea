package dev.conf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CdsTrainingCommandTest {
  @ParameterizedTest
  @CsvSource({
    "/rest/api/content/1?expand=body.storage, \"title\":\"T\"",
    "/wiki/api/v2/pages/1?body-format=storage, \"title\":\"T\"",
    "/wiki/rest/api/content/12/label, \"title\":\"T\"",
    "/rest/api/content/1/child/page, \"key\":\"K\"",
    "/wiki/api/v2/pages/1/children, \"key\":\"K\"",
    "/wiki/api/v2/pages/1/descendants, \"key\":\"K\"",
    "/rest/api/space?limit=25, \"key\":\"K\"",
    "/wiki/api/v2/spaces, \"key\":\"K\"",
  })
  void theTrainingServerAnswersOnePageOrAPageOfSpaces(String target, String expected)
      throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", CdsTrainingCommand::serve);
    server.start();
    try {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + server.getAddress().getPort() + target))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
      assertThat(r.body()).contains(expected);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void theTrainingTlsServerCompletesAHandshakeWithItsOwnCertificateOnly() throws Exception {
    com.sun.net.httpserver.HttpsServer tls = CdsTrainingCommand.httpsServer();
    try {
      java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      try (java.io.InputStream in =
          CdsTrainingCommand.class.getResourceAsStream("cds-training.pem")) {
        trust.setCertificateEntry(
            "training",
            java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
      }
      javax.net.ssl.TrustManagerFactory tmf =
          javax.net.ssl.TrustManagerFactory.getInstance(
              javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      javax.net.ssl.SSLContext ssl = javax.net.ssl.SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      URI uri = URI.create("https://127.0.0.1:" + tls.getAddress().getPort() + "/rest/api/space");
      HttpResponse<String> r =
          HttpClient.newBuilder()
              .sslContext(ssl)
              .build()
              .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("\"key\":\"K\"");
      // The platform trust store does not know the training certificate: nothing outside the
      // training run trusts it.
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  HttpClient.newHttpClient()
                      .send(
                          HttpRequest.newBuilder(uri).build(),
                          HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(java.io.IOException.class);
    } finally {
      tls.stop(0);
    }
  }

  @Test
  void everyTrainingCommandRunsToItsExpectedEnd() throws Exception {
    CdsTrainingCommand training = new CdsTrainingCommand();
    assertThat(training.call()).isZero();
    assertThat(training.surprises()).isEmpty();
  }
}
