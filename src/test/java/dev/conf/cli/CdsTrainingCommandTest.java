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
  void everyTrainingCommandRunsToItsExpectedEnd() throws Exception {
    CdsTrainingCommand training = new CdsTrainingCommand();
    assertThat(training.call()).isZero();
    assertThat(training.surprises()).isEmpty();
  }
}
