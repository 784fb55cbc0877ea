package dev.conf.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.testing.FakeClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HTTP layer under faults and rate limits, against a real server: cut-off bodies, quotas,
 * absurd and zero Retry-After, redirected writes, the limiter's debug lines.
 */
class HttpFaultsTest {
  @RegisterExtension
  static WireMockExtension site =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final FakeClock clock = new FakeClock(Instant.parse("2026-11-29T12:00:00Z"));
  private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
  private final List<String> retries = Collections.synchronizedList(new ArrayList<>());
  private final StringWriter debug = new StringWriter();

  private ApiClient client(RetryPolicy policy) {
    HttpClientFactory.Settings settings =
        new HttpClientFactory.Settings(
            "conf/test",
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            null,
            Map.of(),
            policy,
            d -> {
              sleeps.add(d);
              clock.advance(d);
            },
            clock,
            (request, reason, wait, attempt, max) ->
                retries.add(reason + " " + wait.toMillis() + "ms " + attempt + "/" + max),
            new PrintWriter(debug, true),
            () -> 0.0);
    OkHttpClient http = HttpClientFactory.create(settings, false);
    return new ApiClient(http, new ApiClient.ErrorContext(site.baseUrl(), "log in", false));
  }

  private ApiClient client() {
    return client(RetryPolicy.DEFAULT);
  }

  private HttpUrl url(String path) {
    return HttpUrl.get(site.baseUrl() + path);
  }

  private int requests(String path) {
    return site.findAll(anyRequestedFor(urlPathEqualTo(path))).size();
  }

  private void firstThen(
      com.github.tomakehurst.wiremock.client.MappingBuilder first,
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder then,
      com.github.tomakehurst.wiremock.client.MappingBuilder same) {
    site.stubFor(
        first.inScenario("s").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("after"));
    site.stubFor(same.inScenario("s").whenScenarioStateIs("after").willReturn(then));
  }

  @Test
  void aBodyCutOffMidWayIsRetriedForAGet() {
    firstThen(
        get(urlPathEqualTo("/x")).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)),
        okJson("{\"ok\":true}"),
        get(urlPathEqualTo("/x")));
    assertThat(client().get(url("/x")).path("ok").asBoolean()).isTrue();
    assertThat(requests("/x")).isEqualTo(2);
  }

  @Test
  void aPostWhoseAnswerIsCutOffIsNotReplayedAndSaysItMayHaveHappened() {
    site.stubFor(
        post(urlPathEqualTo("/x"))
            .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
    assertThatThrownBy(() -> client().send("POST", url("/x"), Map.of("a", "b")))
        .isInstanceOfSatisfying(
            WriteOutcomeUnknown.class,
            e -> assertThat(e.why()).isEqualTo(WriteOutcomeUnknown.Why.ANSWER_LOST))
        .hasMessageStartingWith("could not reach ")
        .hasMessageContaining("the answer to POST /x was lost: the server may have done it");
    assertThat(requests("/x")).isEqualTo(1);
  }

  // Settling a write whose outcome is unknown is the backend's (PageScenarios, both deployments):
  // here only that the HTTP layer marks it, and marks nothing else.

  @Test
  void aReplayedPutThatMeetsAConflictAfterALostAttemptIsMarkedUnknown() {
    String path = "/x/42";
    firstThen(
        put(urlPathEqualTo(path)).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)),
        aResponse().withStatus(409).withBody("{\"message\":\"Version must be incremented\"}"),
        put(urlPathEqualTo(path)));
    assertThatThrownBy(() -> client().send("PUT", url(path), Map.of("a", "b")))
        .isInstanceOfSatisfying(
            WriteOutcomeUnknown.class,
            e -> {
              assertThat(e.why()).isEqualTo(WriteOutcomeUnknown.Why.REPLAY_CONFLICT);
              // Unsettled, it is the conflict it stands for.
              assertThat(e.exitCode()).isEqualTo(ExitCode.CONFLICT);
              assertThat(e.status()).isEqualTo(409);
            })
        .hasMessageContaining("Version must be incremented");
    assertThat(requests(path)).isEqualTo(2);
  }

  @Test
  void aPlainConflictAndAWriteThatNeverLeftAreNotMarked() {
    site.stubFor(put(urlPathEqualTo("/c")).willReturn(aResponse().withStatus(409)));
    assertThatThrownBy(() -> client().send("PUT", url("/c"), Map.of("a", "b")))
        .isInstanceOf(ConfException.class)
        .isNotInstanceOf(WriteOutcomeUnknown.class);
    HttpUrl closed = HttpUrl.get("http://127.0.0.1:1/x");
    assertThatThrownBy(
            () ->
                client(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                    .send("POST", closed, Map.of("a", "b")))
        .isInstanceOf(ConfException.class)
        .isNotInstanceOf(WriteOutcomeUnknown.class);
  }

  @Test
  void retryAfterZeroStillWaitsTheMinimum() {
    firstThen(
        get(urlPathEqualTo("/x"))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")),
        okJson("{}"),
        get(urlPathEqualTo("/x")));
    client().get(url("/x"));
    assertThat(sleeps)
        .singleElement()
        .satisfies(d -> assertThat(d).isGreaterThanOrEqualTo(RetryPolicy.MIN_WAIT));
  }

  @Test
  void anAbsurdRetryAfterGivesUpAtOnceAndSaysSo() {
    site.stubFor(
        get(urlPathEqualTo("/x"))
            .willReturn(
                aResponse().withStatus(429).withHeader("Retry-After", "9223372036854775807")));
    assertThatThrownBy(() -> client().get(url("/x")))
        .isInstanceOfSatisfying(
            ConfException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.RATE_LIMITED))
        .hasMessageContaining("the server asked for an absurd 9223372036854775807s")
        .hasMessageContaining("more than CONF_RETRY_MAX_WAIT allows");
    assertThat(sleeps).isEmpty();
    assertThat(requests("/x")).isEqualTo(1);
  }

  @Test
  void a429IsRetriedForAsLongAsTheWaitBudgetLastsNotFiveTimes() {
    for (int i = 0; i < 8; i++) {
      site.stubFor(
          get(urlPathEqualTo("/x"))
              .inScenario("t")
              .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "s" + i)
              .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
              .willSetStateTo("s" + (i + 1)));
    }
    site.stubFor(
        get(urlPathEqualTo("/x"))
            .inScenario("t")
            .whenScenarioStateIs("s8")
            .willReturn(okJson("{}")));
    client().get(url("/x"));
    assertThat(requests("/x")).isEqualTo(9);
    // Past the fifth attempt the retry line no longer counts down to a limit that does not apply.
    assertThat(retries).last().satisfies(r -> assertThat(r).endsWith(" 9/0"));
  }

  @Test
  void aQuotaBeyondTheBudgetStopsAtOnceNamingTheResetAndRefusesWhatFollows() {
    site.stubFor(
        get(urlPathEqualTo("/x"))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "7200")
                    .withHeader("RateLimit-Reason", "confluence-quota-tenant-based")
                    .withHeader("X-RateLimit-Reset", "2026-11-29T14:00:00Z")));
    site.stubFor(get(urlPathEqualTo("/y")).willReturn(okJson("{}")));
    ApiClient api = client();
    assertThatThrownBy(() -> api.get(url("/x")))
        .isInstanceOfSatisfying(
            ConfException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.RATE_LIMITED))
        .hasMessageContaining("quota is spent until 2026-11-29T14:00:00Z");
    assertThat(requests("/x")).isEqualTo(1);
    // Every later request of the process fails at once, without asking.
    assertThatThrownBy(() -> api.get(url("/y")))
        .isInstanceOfSatisfying(
            ConfException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.RATE_LIMITED))
        .hasMessageContaining("2026-11-29T14:00:00Z");
    assertThat(requests("/y")).isZero();
    assertThat(sleeps).isEmpty();
    assertThat(debug.toString()).contains("* limiter: quota spent until 2026-11-29T14:00:00Z");
  }

  @Test
  void aQuotaThatResetsWithinTheBudgetIsWaitedFor() {
    firstThen(
        get(urlPathEqualTo("/x"))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("RateLimit-Reason", "confluence-quota-global-based")
                    .withHeader("X-RateLimit-Reset", "2026-11-29T12:01:30Z")),
        okJson("{}"),
        get(urlPathEqualTo("/x")));
    client().get(url("/x"));
    assertThat(sleeps).containsExactly(Duration.ofSeconds(90));
    assertThat(retries).singleElement().satisfies(r -> assertThat(r).contains("quota spent"));
  }

  @Test
  void theLimiterPacesToTheHeadersAndDebugSaysWhy() {
    site.stubFor(
        get(urlPathEqualTo("/x"))
            .willReturn(
                okJson("{}")
                    .withHeader("X-RateLimit-Limit", "2")
                    .withHeader("X-RateLimit-Remaining", "0")
                    .withHeader("X-RateLimit-FillRate", "2")
                    .withHeader("X-RateLimit-Interval-Seconds", "1")));
    ApiClient api = client();
    for (int i = 0; i < 5; i++) {
      api.get(url("/x"));
    }
    // About 2 a second after the first answer said so.
    assertThat(sleeps).hasSize(4).allSatisfy(d -> assertThat(d.toMillis()).isBetween(500L, 560L));
    assertThat(debug.toString())
        .contains("* limiter: reads: 1.90/s, burst 2, learned from X-RateLimit-FillRate")
        .contains("pacing, waiting");
  }

  @Test
  void aServerThatNeverAnswersHoldsTheRequestForTheReadTimeoutPlusTheBudgetAtMost() {
    site.stubFor(get(urlPathEqualTo("/slow")).willReturn(okJson("{}").withFixedDelay(3_000)));
    // Real time for the attempts (a timeout is real), recorded time for the waits between them.
    long[] slept = {0};
    java.time.Clock both =
        new java.time.Clock() {
          @Override
          public long millis() {
            return System.currentTimeMillis() + slept[0];
          }

          @Override
          public Instant instant() {
            return Instant.ofEpochMilli(millis());
          }

          @Override
          public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
          }

          @Override
          public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
          }
        };
    HttpClientFactory.Settings settings =
        new HttpClientFactory.Settings(
            "conf/test",
            Duration.ofSeconds(5),
            Duration.ofMillis(400),
            null,
            Map.of(),
            new RetryPolicy(
                20, Duration.ofMillis(600), Duration.ofMillis(500), Duration.ofSeconds(30)),
            d -> slept[0] += d.toMillis(),
            both,
            null,
            null,
            () -> 0.0);
    ApiClient api =
        new ApiClient(
            HttpClientFactory.create(settings, false),
            new ApiClient.ErrorContext(site.baseUrl(), "log in", false));
    long start = both.millis();
    assertThatThrownBy(() -> api.get(url("/slow")))
        .hasMessageMatching("could not reach .*time.*out.*");
    // 20 attempts of 400 ms would be 8 s; the request as a whole stops near 400 + 600 ms.
    assertThat(both.millis() - start).isLessThan(2_500);
    assertThat(requests("/slow")).isLessThan(5);
  }

  @Test
  void aRedirectedWriteIsAnErrorNotFollowed() {
    site.stubFor(
        post(urlPathEqualTo("/rest/api/content"))
            .willReturn(
                aResponse().withStatus(302).withHeader("Location", "http://elsewhere.invalid/x")));
    assertThatThrownBy(() -> client().send("POST", url("/rest/api/content"), Map.of("a", "b")))
        .isInstanceOfSatisfying(
            ConfException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ERROR))
        .hasMessageContaining("redirected POST /rest/api/content to http://elsewhere.invalid/x")
        .hasMessageContaining("nothing was done");
    assertThatThrownBy(
            () -> client().raw("POST", url("/rest/api/content"), List.of(), "{}".getBytes(), null))
        .hasMessageContaining("redirected POST");
  }

  @Test
  void aRedirectLoopIsBoundedAndSaidPlainly() {
    site.stubFor(
        get(urlPathEqualTo("/loop"))
            .willReturn(aResponse().withStatus(302).withHeader("Location", "/loop")));
    assertThatThrownBy(() -> client().get(url("/loop"))).hasMessageContaining("too many redirects");
    assertThat(requests("/loop")).isLessThanOrEqualTo(21);
  }

  @Test
  void anEmpty200IsNotAnAnswer() {
    site.stubFor(get(urlPathEqualTo("/x")).willReturn(aResponse().withStatus(200)));
    assertThatThrownBy(() -> client().get(url("/x")))
        .hasMessageContaining("answered GET /x with an empty body (HTTP 200)");
  }

  @Test
  void goneAndTooLargeAreNotUsageErrors() {
    site.stubFor(get(urlPathEqualTo("/gone")).willReturn(aResponse().withStatus(410)));
    site.stubFor(post(urlPathEqualTo("/big")).willReturn(aResponse().withStatus(413)));
    assertThatThrownBy(() -> client().get(url("/gone")))
        .isInstanceOfSatisfying(
            ConfException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.NOT_FOUND));
    assertThatThrownBy(() -> client().send("POST", url("/big"), Map.of()))
        .isInstanceOfSatisfying(
            ConfException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ERROR))
        .hasMessageContaining("too large (HTTP 413)");
  }

  @Test
  void aTlsHandshakeWithAPlainServerIsNotRetriedAndSaysWhy() {
    HttpClientFactory.Settings settings =
        new HttpClientFactory.Settings(
            "conf/test",
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            null,
            Map.of(),
            RetryPolicy.DEFAULT,
            sleeps::add,
            clock,
            null,
            null,
            () -> 0.0);
    ApiClient api =
        new ApiClient(
            HttpClientFactory.create(settings, true),
            new ApiClient.ErrorContext("https://localhost", "log in", false));
    HttpUrl https = HttpUrl.get("https://localhost:" + site.getPort() + "/x");
    assertThatThrownBy(() -> api.get(https))
        .hasMessageContaining("does not speak TLS")
        .hasMessageContaining("http://")
        .satisfies(
            e ->
                assertThat(e.getMessage()).doesNotContain("javax.").doesNotContain("SSLException"));
    assertThat(sleeps).isEmpty();
  }
}
