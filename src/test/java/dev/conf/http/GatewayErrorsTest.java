package dev.conf.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conf.error.ExitCode;
import org.junit.jupiter.api.Test;

class GatewayErrorsTest {
  @Test
  void aGoneAnswerThroughTheClientIsExit1WithTheNamedMessage() throws Exception {
    com.sun.net.httpserver.HttpServer server =
        com.sun.net.httpserver.HttpServer.create(
            new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        ex -> {
          byte[] body =
              "{\"message\":\"GoneException: This deprecated endpoint has been removed.\"}"
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8);
          ex.sendResponseHeaders(410, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      ApiClient api =
          new ApiClient(
              new okhttp3.OkHttpClient(),
              new ApiClient.ErrorContext(base, "log in", true, () -> "conf page copy", null));
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  api.send(
                      "POST",
                      okhttp3.HttpUrl.get(base + "/ex/confluence/c/wiki/rest/api/content/5/copy"),
                      null))
          .isInstanceOfSatisfying(
              dev.conf.error.ConfException.class,
              e -> {
                assertThat(e.exitCode()).isEqualTo(ExitCode.ERROR);
                assertThat(e.getMessage())
                    .contains("no longer serves page copies (v1 copy) to OAuth apps")
                    .contains("`conf page copy` needs it");
              });
    } finally {
      server.stop(0);
    }
  }

  @Test
  void scopeFamiliesComeFromThePath() {
    assertThat(GatewayErrors.family("/ex/confluence/c/wiki/api/v2/pages/12")).isEqualTo("page");
    assertThat(GatewayErrors.family("/ex/confluence/c/wiki/api/v2/spaces")).isEqualTo("space");
    assertThat(GatewayErrors.family("/ex/confluence/c/wiki/rest/api/content/12/label"))
        .isEqualTo("label");
    assertThat(GatewayErrors.family("/ex/confluence/c/wiki/rest/api/content/12/child/attachment"))
        .isEqualTo("attachment");
    assertThat(GatewayErrors.family("/ex/confluence/c/wiki/api/v2/pages/12/footer-comments"))
        .isEqualTo("comment");
    assertThat(GatewayErrors.family("/ex/confluence/c/wiki/rest/api/content/12/copy"))
        .isEqualTo("content");
  }

  @Test
  void aGoneRouteIsAnErrorNamingWhatOAuthAppsLostNeverAUsageError() {
    var e =
        GatewayErrors.explain(
            "POST", "/ex/confluence/c/wiki/rest/api/content/1/child/attachment", 410, null, null);
    assertThat(e.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(e.getMessage()).contains("attachment uploads (v1)", "API token");
    assertThat(
            GatewayErrors.explain(
                    "POST", "/ex/confluence/c/wiki/rest/api/content/1/copy", 410, null, null)
                .getMessage())
        .contains("page copies");
  }

  @Test
  void onlyAScopeCheck401IsExplained() {
    assertThat(GatewayErrors.explain("GET", "/wiki/api/v2/pages/1", 401, null, null)).isNull();
    var e =
        GatewayErrors.explain(
            "DELETE",
            "/ex/confluence/c/wiki/api/v2/pages/1",
            401,
            "FAILURE_CLIENT_SCOPE_CHECK",
            "conf page delete");
    assertThat(e.exitCode()).isEqualTo(ExitCode.AUTH);
    assertThat(e.getMessage()).contains("`conf page delete`", "delete:page:confluence");
  }

  @Test
  void aSitesOwn410IsNoGatewayMessage() {
    assertThat(GatewayErrors.explain("GET", "/confluence/rest/api/content/1", 410, null, null))
        .isNull();
    assertThat(GatewayErrors.explain("GET", "/wiki/rest/api/space", 410, null, null)).isNull();
  }
}
