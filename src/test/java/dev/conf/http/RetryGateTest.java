package dev.conf.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The retry interceptor's shared pause: a 429 told to one request holds back every request through
 * the same client, so concurrent workers wait together. Deterministic: the clock stands still and
 * the sleeper records; thread A's sleep blocks until thread B has decided to wait too.
 */
class RetryGateTest {
  @RegisterExtension
  static WireMockExtension site =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final List<String> events = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch bDecidedToWait = new CountDownLatch(1);
  private final CountDownLatch aIsWaiting = new CountDownLatch(1);

  private ApiClient client() {
    Sleeper sleeper =
        d -> {
          String who = Thread.currentThread().getName();
          events.add("sleep " + who + " " + d.toSeconds() + "s");
          if (who.equals("A")) {
            aIsWaiting.countDown();
            if (!bDecidedToWait.await(10, TimeUnit.SECONDS)) {
              throw new AssertionError("B never waited");
            }
          } else {
            bDecidedToWait.countDown();
          }
        };
    HttpClientFactory.Settings settings =
        new HttpClientFactory.Settings(
            "conf/test",
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            null,
            Map.of(),
            RetryPolicy.DEFAULT,
            sleeper,
            Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC),
            null,
            null,
            () -> 0.0);
    OkHttpClient http =
        HttpClientFactory.create(settings, false)
            .newBuilder()
            .addNetworkInterceptor(
                chain -> {
                  events.add(
                      "send "
                          + Thread.currentThread().getName()
                          + " "
                          + chain.request().url().encodedPath());
                  return chain.proceed(chain.request());
                })
            .build();
    return new ApiClient(http, new ApiClient.ErrorContext(site.baseUrl(), "log in", false));
  }

  @Test
  void a429ToOneRequestPausesAnotherThreadsRequestToo() throws Exception {
    site.stubFor(
        get(urlPathEqualTo("/a"))
            .inScenario("a")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "5"))
            .willSetStateTo("open"));
    site.stubFor(
        get(urlPathEqualTo("/a"))
            .inScenario("a")
            .whenScenarioStateIs("open")
            .willReturn(okJson("{}")));
    site.stubFor(get(urlPathEqualTo("/b")).willReturn(okJson("{}")));
    ApiClient api = client();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread a =
        new Thread(
            () -> {
              try {
                api.get(HttpUrl.get(site.baseUrl() + "/a"));
              } catch (Throwable t) {
                failure.set(t);
              }
            },
            "A");
    a.start();
    assertThat(aIsWaiting.await(10, TimeUnit.SECONDS)).isTrue();
    Thread b =
        new Thread(
            () -> {
              try {
                api.get(HttpUrl.get(site.baseUrl() + "/b"));
              } catch (Throwable t) {
                failure.set(t);
              }
            },
            "B");
    b.start();
    b.join(10_000);
    a.join(10_000);
    assertThat(failure.get()).isNull();
    // B had not been told anything, yet waited out A's Retry-After before sending.
    assertThat(events.subList(0, 3)).containsExactly("send A /a", "sleep A 5s", "sleep B 5s");
    // Then both go, in either order.
    assertThat(events.subList(3, events.size()))
        .containsExactlyInAnyOrder("send A /a", "send B /b");
    assertThat(site.findAll(anyRequestedFor(urlPathEqualTo("/a")))).hasSize(2);
    assertThat(site.findAll(anyRequestedFor(urlPathEqualTo("/b")))).hasSize(1);
  }

  @Test
  void withoutAThrottledAnswerNobodyWaits() {
    site.stubFor(
        get(urlPathEqualTo("/a"))
            .inScenario("e")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(502))
            .willSetStateTo("open"));
    site.stubFor(
        get(urlPathEqualTo("/a"))
            .inScenario("e")
            .whenScenarioStateIs("open")
            .willReturn(okJson("{}")));
    site.stubFor(get(urlPathEqualTo("/b")).willReturn(okJson("{}")));
    ApiClient api = client();
    bDecidedToWait.countDown();
    api.get(HttpUrl.get(site.baseUrl() + "/a"));
    events.clear();
    // A 502's backoff is that request's own business: the next request goes at once.
    api.get(HttpUrl.get(site.baseUrl() + "/b"));
    assertThat(events).containsExactly("send " + Thread.currentThread().getName() + " /b");
  }
}
