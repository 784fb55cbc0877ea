package dev.conf.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.conf.http.RateLimiter.Kind;
import dev.conf.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/**
 * The limiter on its own: a clock that only the sleeper moves, a sleeper that records. Each header
 * family, the 429-only (AIMD) path, quota against burst, the advisory beta headers.
 */
class RateLimiterTest {
  private final FakeClock clock = new FakeClock(Instant.parse("2026-11-29T12:00:00Z"));
  private final List<Duration> sleeps = new ArrayList<>();
  private final List<String> log = new ArrayList<>();
  private final RateLimiter limiter =
      new RateLimiter(
          clock,
          d -> {
            sleeps.add(d);
            clock.advance(d);
          },
          log::add);

  private void send(String method, int code, String... headers) throws Exception {
    limiter.acquire(method);
    limiter.release(method);
    limiter.observe(method, code, Headers.of(headers));
  }

  @Test
  void nothingKnownMeansNoPacing() throws Exception {
    for (int i = 0; i < 50; i++) {
      send("GET", 200);
    }
    assertThat(sleeps).isEmpty();
    assertThat(limiter.rate(Kind.READ)).isInfinite();
  }

  @Test
  void dataCenterFillRateAndIntervalSetThePace() throws Exception {
    send(
        "GET",
        200,
        "X-RateLimit-Limit",
        "10",
        "X-RateLimit-Remaining",
        "0",
        "X-RateLimit-FillRate",
        "20",
        "X-RateLimit-Interval-Seconds",
        "2");
    // 20 tokens every 2 s = 10/s, paced a little under it; nothing left now, so the next waits.
    assertThat(limiter.rate(Kind.READ)).isCloseTo(10 * RateLimiter.SAFETY, within(1e-9));
    limiter.acquire("GET");
    assertThat(sleeps)
        .singleElement()
        .satisfies(d -> assertThat(d.toMillis()).isBetween(100L, 110L));
    // Requests queue one behind another: ten more take about a second, never a burst.
    sleeps.clear();
    for (int i = 0; i < 10; i++) {
      limiter.acquire("GET");
      limiter.release("GET");
    }
    long total = sleeps.stream().mapToLong(Duration::toMillis).sum();
    assertThat(total).isBetween(1000L, 1100L);
    assertThat(log).anyMatch(l -> l.contains("reads: 9.50/s, burst 10") && l.contains("FillRate"));
  }

  @Test
  void cloudLimitAndRemainingLetTheBurstGoThenPace() throws Exception {
    send("GET", 200, "X-RateLimit-Limit", "20", "X-RateLimit-Remaining", "3");
    // Three left: three go at once, the fourth waits for a token at about 19/s.
    for (int i = 0; i < 3; i++) {
      limiter.acquire("GET");
    }
    assertThat(sleeps).isEmpty();
    limiter.acquire("GET");
    assertThat(sleeps).singleElement().satisfies(d -> assertThat(d.toMillis()).isBetween(50L, 60L));
    assertThat(limiter.rate(Kind.READ)).isCloseTo(20 * RateLimiter.SAFETY, within(1e-9));
  }

  @Test
  void cloudRefillIsMeasuredFromSuccessiveRemainingReadings() throws Exception {
    // The server refills 5 a second, not the 20 its limit suggests: readings a second apart say so.
    send("GET", 200, "X-RateLimit-Limit", "20", "X-RateLimit-Remaining", "19");
    double before = limiter.rate(Kind.READ);
    for (int i = 0; i < 6; i++) {
      clock.advance(Duration.ofMillis(1000));
      send("GET", 200, "X-RateLimit-Limit", "20", "X-RateLimit-Remaining", "19");
    }
    // Each second one answer came and Remaining did not move: the refill is about 1/s.
    assertThat(limiter.rate(Kind.READ)).isLessThan(before / 2);
  }

  @Test
  void readsAndWritesArePacedApart() throws Exception {
    send(
        "PUT",
        200,
        "X-RateLimit-FillRate",
        "5",
        "X-RateLimit-Interval-Seconds",
        "1",
        "X-RateLimit-Limit",
        "5",
        "X-RateLimit-Remaining",
        "5");
    assertThat(limiter.rate(Kind.WRITE)).isCloseTo(5 * RateLimiter.SAFETY, within(1e-9));
    assertThat(limiter.rate(Kind.READ)).isInfinite();
  }

  @Test
  void without429sHeadersTheRateIsLearnedFromThe429sThemselves() throws Exception {
    for (int i = 0; i < 10; i++) {
      limiter.acquire("GET");
      limiter.release("GET");
    }
    limiter.throttled("GET");
    // Ten a second were too many: multiplicative decrease to 7/s.
    assertThat(limiter.rate(Kind.READ)).isCloseTo(10 * RateLimiter.DECREASE, within(1e-9));
    assertThat(log).anyMatch(l -> l.contains("HTTP 429, slowing down") && l.contains("429s"));
    // Additive increase: about INCREASE per second of successes.
    double low = limiter.rate(Kind.READ);
    for (int i = 0; i < 14; i++) {
      send("GET", 200);
    }
    // (14 successes at about 7/s: two seconds' worth.)
    assertThat(limiter.rate(Kind.READ))
        .isBetween(low + 1.5 * RateLimiter.INCREASE, low + 2 * RateLimiter.INCREASE);
    // Another 429: down again.
    double high = limiter.rate(Kind.READ);
    limiter.throttled("GET");
    assertThat(limiter.rate(Kind.READ)).isCloseTo(high * RateLimiter.DECREASE, within(1e-9));
    // The pace now spreads requests out.
    sleeps.clear();
    limiter.acquire("GET");
    limiter.acquire("GET");
    assertThat(sleeps).isNotEmpty();
  }

  @Test
  void the429sOfRequestsAlreadyOnTheirWayCountAsOneDecrease() throws Exception {
    for (int i = 0; i < 10; i++) {
      limiter.acquire("GET");
      limiter.release("GET");
    }
    limiter.throttled("GET");
    limiter.throttled("GET");
    limiter.throttled("GET");
    assertThat(limiter.rate(Kind.READ)).isCloseTo(10 * RateLimiter.DECREASE, within(1e-9));
  }

  @Test
  void aLone429SaysNothingAboutThePace() throws Exception {
    limiter.acquire("GET");
    limiter.release("GET");
    limiter.throttled("GET");
    assertThat(limiter.rate(Kind.READ)).isInfinite();
  }

  @Test
  void a429DespiteTheHeadersSlowsBelowThem() throws Exception {
    String[] dc = {
      "X-RateLimit-FillRate", "10", "X-RateLimit-Interval-Seconds", "1", "X-RateLimit-Limit", "10"
    };
    send("GET", 200, dc);
    limiter.throttled("GET");
    send("GET", 200, dc);
    // The server's figures are shared with other clients: conf stays below them from now on.
    assertThat(limiter.rate(Kind.READ))
        .isCloseTo(10 * RateLimiter.SAFETY * RateLimiter.DECREASE, within(1e-9));
  }

  @Test
  void quotaRefusalsAreToldFromBursts() {
    Instant now = clock.instant();
    RateLimiter.Refusal byReason =
        limiter.refusal(
            Headers.of(
                "RateLimit-Reason", "confluence-quota-tenant-based",
                "X-RateLimit-Reset", "2026-11-29T14:00:00Z",
                "Retry-After", "7200"));
    assertThat(byReason.quota()).isTrue();
    assertThat(byReason.resetAt()).isEqualTo(Instant.parse("2026-11-29T14:00:00Z"));
    RateLimiter.Refusal byReset =
        limiter.refusal(Headers.of("X-RateLimit-Reset", now.plusSeconds(600).toString()));
    assertThat(byReset.quota()).isTrue();
    RateLimiter.Refusal burst =
        limiter.refusal(
            Headers.of(
                "RateLimit-Reason", "confluence-burst-based",
                "X-RateLimit-Reset", now.plusSeconds(2).toString(),
                "Retry-After", "2"));
    assertThat(burst.quota()).isFalse();
    // A quota without a reset time: the next UTC hour, when hourly quotas refill.
    RateLimiter.Refusal hourly =
        limiter.refusal(Headers.of("RateLimit-Reason", "confluence-quota-global-based"));
    assertThat(hourly.resetAt()).isEqualTo(Instant.parse("2026-11-29T13:00:00Z"));
  }

  @Test
  void aClosedQuotaRefusesEveryLaterRequestAtOnce() {
    Instant until = clock.instant().plus(Duration.ofHours(2));
    limiter.close(until, "confluence-quota-tenant-based");
    assertThatThrownBy(() -> limiter.acquire("GET"))
        .isInstanceOfSatisfying(
            RateLimiter.QuotaClosedException.class, e -> assertThat(e.until()).isEqualTo(until));
    assertThat(sleeps).isEmpty();
  }

  @Test
  void betaHeadersSlowDownButNeverStop() throws Exception {
    send("GET", 200, "Beta-RateLimit-Policy", "\"tenant-app-quota\";q=100000;w=3600");
    assertThat(limiter.rate(Kind.READ)).isInfinite();
    // 300 left for 60 s: at most 5 a second.
    send("GET", 200, "Beta-RateLimit", "\"tenant-app-quota\";r=300;t=60");
    assertThat(limiter.rate(Kind.READ)).isCloseTo(5, within(1e-9));
    // Nothing left: slow, but still going.
    send("GET", 200, "Beta-RateLimit", "\"tenant-app-quota\";r=0;t=60");
    assertThat(limiter.rate(Kind.READ)).isGreaterThan(0);
    limiter.acquire("GET");
    limiter.acquire("GET");
    assertThat(sleeps)
        .isNotEmpty()
        .allSatisfy(d -> assertThat(d).isLessThan(Duration.ofSeconds(2)));
    // X-Beta-RateLimit-* teach the pace like the real ones.
    send("PUT", 200, "X-Beta-RateLimit-Limit", "50", "X-Beta-RateLimit-Remaining", "40");
    assertThat(limiter.rate(Kind.WRITE)).isCloseTo(50 * RateLimiter.SAFETY, within(1e-9));
    assertThat(limiter.closedUntil()).isEmpty();
  }

  @Test
  void everyoneWaitsForASharedPause() throws Exception {
    limiter.pauseAll(Duration.ofSeconds(3), "HTTP 429");
    limiter.acquire("GET");
    limiter.acquire("PUT");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
    assertThat(log).anyMatch(l -> l.contains("pausing every request for 3000 ms: HTTP 429"));
  }
}
