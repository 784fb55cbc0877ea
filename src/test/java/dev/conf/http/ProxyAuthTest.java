package dev.conf.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A proxy that wants credentials (407) gets the {@code user:password} of the proxy URL in {@code
 * HTTP(S)_PROXY}, once; WireMock stands in for the proxy (a plain-http site is fetched through it
 * with an absolute request target, so the site's host need not exist).
 */
class ProxyAuthTest {
  @RegisterExtension
  static WireMockExtension proxy =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final HttpUrl SITE = HttpUrl.get("http://wiki.example.test/rest/api/space");
  static final String EXPECTED = Credentials.basic("me@corp", "p@ss:w+rd", StandardCharsets.UTF_8);

  private ApiClient client(String proxyUrl, StringWriter debug) {
    HttpClientFactory.Settings settings =
        new HttpClientFactory.Settings(
            "conf/test",
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            null,
            Map.of("HTTP_PROXY", proxyUrl),
            RetryPolicy.DEFAULT,
            d -> {},
            Clock.systemUTC(),
            null,
            debug == null ? null : new PrintWriter(debug, true));
    return new ApiClient(
        HttpClientFactory.create(settings, false),
        new ApiClient.ErrorContext("http://wiki.example.test", "run `conf auth login`", false));
  }

  private String proxyUrl(String userInfo) {
    return "http://" + userInfo + "127.0.0.1:" + proxy.getPort();
  }

  private void proxyWantsCredentials() {
    proxy.stubFor(
        any(anyUrl())
            .atPriority(10)
            .willReturn(
                aResponse()
                    .withStatus(407)
                    .withHeader("Proxy-Authenticate", "Basic realm=\"corp\"")));
    proxy.stubFor(
        get(urlPathEqualTo("/rest/api/space"))
            .atPriority(1)
            .withHeader("Proxy-Authorization", equalTo(EXPECTED))
            .willReturn(okJson("{\"results\":[]}")));
  }

  @Test
  void aProxyAskingForCredentialsGetsTheDecodedUserAndPasswordOfItsUrl() {
    proxyWantsCredentials();
    StringWriter debug = new StringWriter();
    ApiClient api = client(proxyUrl("me%40corp:p%40ss%3Aw+rd@"), debug);

    assertThat(api.get(SITE).path("results").isArray()).isTrue();

    List<LoggedRequest> seen = proxy.findAll(anyRequestedFor(anyUrl()));
    assertThat(seen).hasSize(2);
    assertThat(seen.get(0).containsHeader("Proxy-Authorization")).isFalse();
    assertThat(seen.get(1).getHeader("Proxy-Authorization")).isEqualTo(EXPECTED);
    assertThat(seen.get(1).getHeader("Host")).isEqualTo("wiki.example.test");
    // --debug shows that credentials went to the proxy, never what they are.
    assertThat(debug.toString()).contains("Proxy-Authorization: Basic [redacted]");
    assertThat(debug.toString()).doesNotContain(EXPECTED.substring("Basic ".length()));
  }

  @Test
  void refusedCredentialsAreNotSentAgainAndAgain() {
    proxyWantsCredentials();
    ApiClient api = client(proxyUrl("me%40corp:wrong@"), null);

    assertThatThrownBy(() -> api.get(SITE))
        .isInstanceOf(ConfException.class)
        .hasMessage(ApiClient.PROXY_HINT)
        .hasMessageNotContaining("wrong")
        .satisfies(e -> assertThat(((ConfException) e).exitCode()).isEqualTo(ExitCode.AUTH));
    assertThat(proxy.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
  }

  @Test
  void aProxyUrlWithoutCredentialsLetsThe407Through() {
    proxyWantsCredentials();
    ApiClient api = client(proxyUrl(""), null);

    assertThatThrownBy(() -> api.get(SITE)).isInstanceOf(ConfException.class);
    assertThat(proxy.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
  }
}
