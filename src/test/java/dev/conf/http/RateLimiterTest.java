package dev.conf.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.conf.http.RateLimiter.Kind;
import dev.conf.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
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
  private final ArrayDeque<Double> draws = new ArrayDeque<>();
  private final RateLimiter limiter =
      new RateLimiter(
          clock,
          d -> {
            sleeps.add(d);
            clock.advance(d);
          },
          () -> draws.isEmpty() ? 0 : draws.removeFirst(),
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
    send("GET", 200, "X-RateLimit-Limit", "20", "X-RateLimit-Remaining", "10");
    // Ten left, a fifth of the limit kept in reserve: six go at once, the seventh waits for a
    // token at about 19/s.
    for (int i = 0; i < 6; i++) {
      limiter.acquire("GET");
    }
    assertThat(sleeps).isEmpty();
    limiter.acquire("GET");
    assertThat(sleeps).singleElement().satisfies(d -> assertThat(d.toMillis()).isBetween(50L, 60L));
    assertThat(limiter.rate(Kind.READ)).isCloseTo(20 * RateLimiter.SAFETY, within(1e-9));
  }

  @Test
  void aCloudAnswerSaysHowManyTokensTheServerHasLessThoseSentSince() throws Exception {
    send("GET", 200, "X-RateLimit-Limit", "20", "X-RateLimit-Remaining", "19");
    // Eight sent; the answer to the first of them comes back last, the second's first.
    List<RateLimiter.Permit> permits = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      permits.add(limiter.acquire("GET"));
    }
    assertThat(sleeps).isEmpty();
    limiter.release(permits.get(1));
    limiter.observe(
        permits.get(1), 200, Headers.of("X-RateLimit-Limit", "20", "X-RateLimit-Remaining", "5"));
    // 5 left after the second; six sent after it, four kept back: nothing left, so the next waits.
    limiter.acquire("GET");
    assertThat(sleeps).singleElement().satisfies(d -> assertThat(d.toMillis()).isPositive());
    sleeps.clear();
    // The first's answer, overtaken, is older news: it does not hand out its 17 tokens again.
    limiter.release(permits.get(0));
    limiter.observe(
        permits.get(0), 200, Headers.of("X-RateLimit-Limit", "20", "X-RateLimit-Remaining", "17"));
    limiter.acquire("GET");
    assertThat(sleeps).singleElement().satisfies(d -> assertThat(d.toMillis()).isPositive());
  }

  @Test
  void aFullCloudBucketSaysHowFastConfSentNotHowFastTheServerRefills() throws Exception {
    // One request a second against a bucket that stays full: Remaining never moves, which says
    // the refill is at least what was sent, not that it is 1/s. The pace must not walk down.
    send("GET", 200, "X-RateLimit-Limit", "20", "X-RateLimit-Remaining", "19");
    double before = limiter.rate(Kind.READ);
    for (int i = 0; i < 20; i++) {
      clock.advance(Duration.ofMillis(1000));
      send("GET", 200, "X-RateLimit-Limit", "20", "X-RateLimit-Remaining", "19");
    }
    assertThat(limiter.rate(Kind.READ)).isGreaterThan(before);
  }

  @Test
  void cloudPaceConvergesToTheServersRefillWithEightRequestsInFlight() throws Exception {
    // The bucket conf's pace walked down from (limit 20 refilling 20/s) and two it must not
    // overrun: the limit says 20 but the bucket refills only 8/s, or 12/s.
    for (double refill : new double[] {20, 8, 12}) {
      RateLimiterSim sim = new RateLimiterSim(20, refill, 8, new Random(17));
      sim.run(1200);
      double perSecond = sim.ok / sim.seconds();
      assertThat(perSecond).as("throughput at %s/s", refill).isGreaterThan(0.93 * refill);
      assertThat(sim.refused)
          .as("429s at %s/s (%s requests)", refill, sim.ok + sim.refused)
          .isLessThanOrEqualTo((int) (0.02 * (sim.ok + sim.refused)));
      assertThat(sim.limiter.rate(Kind.READ))
          .as("learned pace at %s/s", refill)
          .isBetween(0.85 * refill, 1.05 * refill);
    }
  }

  /**
   * A server with a token bucket (Cloud's headers, a limit and a refill that need not match) and
   * eight workers in virtual time: each request reaches the server 1–20 ms after it is sent and is
   * answered 1–40 ms after that, so answers come back out of order, as they do on a real site. The
   * limiter's sleeper does not move the clock: a worker's send time is its acquire time plus the
   * wait it was told.
   */
  private static final class RateLimiterSim {
    final FakeClock clock = new FakeClock(Instant.parse("2026-11-29T12:00:00Z"));
    final long start = clock.millis();
    long told;
    final RateLimiter limiter = new RateLimiter(clock, d -> told += d.toMillis(), () -> 0, null);
    final double limit;
    final double refill;
    final int workers;
    final Random rng;
    double tokens;
    long filledAt;
    int ok;
    int refused;
    long seq;

    record Event(long at, long order, int stage, RateLimiter.Permit permit, Headers answer) {}

    final PriorityQueue<Event> queue =
        new PriorityQueue<>(
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));

    RateLimiterSim(double limit, double refill, int workers, Random rng) {
      this.limit = limit;
      this.refill = refill;
      this.workers = workers;
      this.rng = rng;
      this.tokens = limit;
      this.filledAt = start;
    }

    double seconds() {
      return (clock.millis() - start) / 1000.0;
    }

    void run(int requests) throws Exception {
      for (int w = 0; w < workers; w++) {
        queue.add(new Event(start, seq++, 0, null, null));
      }
      while (ok < requests) {
        Event e = queue.poll();
        clock.advance(Duration.ofMillis(e.at - clock.millis()));
        long now = clock.millis();
        switch (e.stage) {
          case 0 -> {
            told = 0;
            RateLimiter.Permit p = limiter.acquire("GET");
            queue.add(new Event(now + told + 1 + rng.nextInt(20), seq++, 1, p, null));
          }
          case 1 -> {
            tokens = Math.min(limit, tokens + (now - filledAt) / 1000.0 * refill);
            filledAt = now;
            boolean allowed = tokens >= 1;
            if (allowed) {
              tokens -= 1;
            }
            List<String> h = new ArrayList<>();
            h.add("X-RateLimit-Limit");
            h.add(String.valueOf((int) limit));
            h.add("X-RateLimit-Remaining");
            h.add(String.valueOf((int) tokens));
            if (tokens < 0.2 * limit) {
              h.add("X-RateLimit-NearLimit");
              h.add("true");
            }
            if (!allowed) {
              h.add("Status");
              h.add("429");
            }
            Headers answer = Headers.of(h.toArray(String[]::new));
            queue.add(new Event(now + 1 + rng.nextInt(40), seq++, 2, e.permit, answer));
          }
          default -> {
            boolean throttled = "429".equals(e.answer.get("Status"));
            limiter.release(e.permit);
            limiter.observe(e.permit, throttled ? 429 : 200, e.answer);
            if (throttled) {
              refused++;
              limiter.throttled("GET");
            } else {
              ok++;
            }
            queue.add(new Event(now, seq++, 0, null, null));
          }
        }
      }
    }
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
    draws.add(0.0);
    limiter.acquire("GET");
    limiter.acquire("PUT");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
    assertThat(log).anyMatch(l -> l.contains("pausing every request for 3000 ms: HTTP 429"));
  }

  @Test
  void resumesAfterASharedPauseAreSpreadOverABoundedWindow() throws Exception {
    // Eight workers waiting on the same pause, each told the same end: a sleeper that does not move
    // the clock keeps them all at the same instant, as concurrent threads are.
    List<Long> resumes = new ArrayList<>();
    long[] slept = new long[1];
    RateLimiter shared =
        new RateLimiter(
            clock,
            d -> slept[0] += d.toMillis(),
            () -> draws.isEmpty() ? 0 : draws.removeFirst(),
            null);
    shared.pauseAll(Duration.ofSeconds(3), "HTTP 429");
    for (int i = 0; i < 8; i++) {
      draws.add(i / 8.0);
      slept[0] = 0;
      shared.acquire("GET");
      resumes.add(slept[0]);
    }
    // Full jitter: a uniform draw over at most RESUME_SPREAD past the pause's end, so no two
    // resume together and none waits more than the window longer.
    assertThat(resumes).doesNotHaveDuplicates();
    assertThat(resumes)
        .allSatisfy(
            ms -> assertThat(ms).isBetween(3000L, 3000L + RateLimiter.RESUME_SPREAD_MILLIS));
    assertThat(resumes).contains(3000L, 3875L);
    // A short pause spreads over its own length, not over the whole window.
    clock.advance(Duration.ofSeconds(10));
    shared.pauseAll(Duration.ofMillis(200), "HTTP 503");
    draws.add(0.5);
    slept[0] = 0;
    shared.acquire("GET");
    assertThat(slept[0]).isEqualTo(300L);
    // No pause, no jitter.
    clock.advance(Duration.ofSeconds(1));
    draws.add(0.9);
    slept[0] = 0;
    shared.acquire("GET");
    assertThat(slept[0]).isZero();
  }
}
