package dev.conf.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HTTP layer on its own, against a real server: what is retried, what is not, where credentials
 * go.
 */
class HttpStackTest {
  @RegisterExtension
  static WireMockExtension site =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension elsewhere =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final List<Duration> sleeps = new ArrayList<>();

  private ApiClient client(RetryPolicy policy, PrintWriter debug) {
    return client(policy, debug, true);
  }

  private ApiClient client(RetryPolicy policy, PrintWriter debug, boolean tls) {
    HttpClientFactory.Settings settings =
        new HttpClientFactory.Settings(
            "conf/test",
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            null,
            Map.of(),
            policy,
            sleeps::add,
            Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC),
            null,
            debug,
            () -> 0.0);
    OkHttpClient http =
        HttpClientFactory.withAuth(
            HttpClientFactory.create(settings, tls),
            HttpUrl.get(site.baseUrl()),
            () -> "Bearer s3cret");
    return new ApiClient(
        http, new ApiClient.ErrorContext(site.baseUrl(), "run `conf auth login`", false));
  }

  private ApiClient client() {
    return client(RetryPolicy.DEFAULT, null);
  }

  private HttpUrl url(String path) {
    return HttpUrl.get(site.baseUrl() + path);
  }

  @Test
  void postIsNotReplayedAfterA500() {
    site.stubFor(post(urlPathEqualTo("/rest/api/content")).willReturn(aResponse().withStatus(500)));
    assertThatThrownBy(() -> client().send("POST", url("/rest/api/content"), Map.of("title", "x")))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("HTTP 500");
    assertThat(site.findAll(anyRequestedFor(urlPathEqualTo("/rest/api/content")))).hasSize(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void postIsNotReplayedAfterTheConnectionDropsMidResponse() {
    site.stubFor(
        post(urlPathEqualTo("/rest/api/content"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThatThrownBy(() -> client().send("POST", url("/rest/api/content"), Map.of()))
        .isInstanceOf(ConfException.class)
        .hasMessageStartingWith("could not reach ");
    assertThat(site.findAll(anyRequestedFor(urlPathEqualTo("/rest/api/content")))).hasSize(1);
  }

  @Test
  void postIsRetriedOn429BecauseTheServerDidNothing() {
    site.stubFor(
        post(urlPathEqualTo("/rest/api/content"))
            .inScenario("p")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2"))
            .willSetStateTo("ok"));
    site.stubFor(
        post(urlPathEqualTo("/rest/api/content"))
            .inScenario("p")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{\"id\":\"1\"}")));
    assertThat(client().send("POST", url("/rest/api/content"), Map.of()).path("id").asText())
        .isEqualTo("1");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void aPermanentServerErrorIsNotRetried() {
    site.stubFor(get(urlPathEqualTo("/x")).willReturn(aResponse().withStatus(501)));
    assertThatThrownBy(() -> client().get(url("/x"))).isInstanceOf(ConfException.class);
    assertThat(site.findAll(anyRequestedFor(urlPathEqualTo("/x")))).hasSize(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void getIsRetriedOn502AndOnDroppedConnections() {
    site.stubFor(
        get(urlPathEqualTo("/x"))
            .inScenario("g")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(502))
            .willSetStateTo("reset"));
    site.stubFor(
        get(urlPathEqualTo("/x"))
            .inScenario("g")
            .whenScenarioStateIs("reset")
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("ok"));
    site.stubFor(
        get(urlPathEqualTo("/x"))
            .inScenario("g")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{}")));
    client().get(url("/x"));
    assertThat(site.findAll(anyRequestedFor(urlPathEqualTo("/x")))).hasSize(3);
    assertThat(sleeps).hasSize(2).allSatisfy(d -> assertThat(d).isLessThan(Duration.ofSeconds(1)));
  }

  @Test
  void aRetryAfterBeyondTheTotalWaitGivesUpAtOnce() {
    site.stubFor(
        get(urlPathEqualTo("/x"))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
    assertThatThrownBy(() -> client().get(url("/x")))
        .isInstanceOfSatisfying(
            ConfException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.RATE_LIMITED))
        .hasMessageContaining("gave up after 1 attempt ");
    assertThat(sleeps).isEmpty();
  }

  @Test
  void retryAfterAsAnHttpDateIsHonoured() {
    site.stubFor(
        get(urlPathEqualTo("/x"))
            .inScenario("d")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("Retry-After", "Sun, 29 Nov 2026 12:00:12 GMT"))
            .willSetStateTo("ok"));
    site.stubFor(
        get(urlPathEqualTo("/x"))
            .inScenario("d")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{}")));
    client().get(url("/x"));
    assertThat(sleeps).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void attemptsAreBoundedByThePolicy() {
    site.stubFor(get(urlPathEqualTo("/x")).willReturn(aResponse().withStatus(429)));
    RetryPolicy three =
        new RetryPolicy(3, Duration.ofSeconds(60), Duration.ofMillis(500), Duration.ofSeconds(30));
    assertThatThrownBy(() -> client(three, null).get(url("/x")))
        .hasMessageContaining("gave up after 3 attempts");
    assertThat(site.findAll(anyRequestedFor(urlPathEqualTo("/x")))).hasSize(3);
  }

  @Test
  void credentialsNeverGoToAnotherHostEvenThroughARedirect() {
    site.stubFor(
        get(urlPathEqualTo("/go"))
            .willReturn(
                aResponse()
                    .withStatus(302)
                    .withHeader("Location", elsewhere.baseUrl() + "/landing")));
    elsewhere.stubFor(any(urlPathEqualTo("/landing")).willReturn(okJson("{\"ok\":true}")));
    // The other host's JSON is not the site's answer (a login page, an SSO gateway's JSON).
    assertThatThrownBy(() -> client().get(url("/go")))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining(
            "redirected GET /go to another host (localhost:" + elsewhere.getPort())
        .hasMessageContaining("only from the site itself");
    assertThat(
            site.findAll(anyRequestedFor(urlPathEqualTo("/go"))).get(0).getHeader("Authorization"))
        .isEqualTo("Bearer s3cret");
    assertThat(elsewhere.findAll(anyRequestedFor(urlPathEqualTo("/landing"))))
        .singleElement()
        .satisfies(r -> assertThat(r.containsHeader("Authorization")).isFalse());
  }

  @Test
  void aPlainHttpSiteThatRedirectsToHttpsIsReportedNotFollowed() {
    site.stubFor(
        get(urlPathEqualTo("/wiki/api/v2/spaces"))
            .willReturn(
                aResponse()
                    .withStatus(301)
                    .withHeader("Location", "https://wiki.example.invalid/wiki/api/v2/spaces")));
    assertThatThrownBy(
            () -> client(RetryPolicy.DEFAULT, null, false).get(url("/wiki/api/v2/spaces")))
        .isInstanceOf(ConfException.class)
        .hasMessageEndingWith(
            "redirected /wiki/api/v2/spaces to https://wiki.example.invalid/wiki/api/v2/spaces;"
                + " use the site's https URL");
  }

  @Test
  void debugShowsEachAttemptWithoutTheSecret() {
    site.stubFor(
        get(urlPathEqualTo("/x"))
            .inScenario("dbg")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503).withHeader("Set-Cookie", "session=abc"))
            .willSetStateTo("ok"));
    site.stubFor(
        get(urlPathEqualTo("/x"))
            .inScenario("dbg")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{}")));
    StringWriter log = new StringWriter();
    client(RetryPolicy.DEFAULT, new PrintWriter(log, true)).get(url("/x"));
    assertThat(log.toString())
        .contains("> GET " + site.baseUrl() + "/x")
        .contains("> Authorization: Bearer [redacted]")
        .contains("< 503 ")
        .contains("< Set-Cookie: [redacted]")
        .contains("< 200 ")
        .doesNotContain("s3cret")
        .doesNotContain("session=abc");
  }
}
