package dev.conf.http;

import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;

/**
 * The process's one request pacer, shared by every worker thread: a token bucket per kind of
 * request (reads: GET, HEAD, OPTIONS; writes: everything else, which Atlassian limits separately
 * and lower), whose rate it learns from what the server says.
 *
 * <ul>
 *   <li>Data Center: {@code X-RateLimit-FillRate} tokens every {@code
 *       X-RateLimit-Interval-Seconds}, at most {@code X-RateLimit-Limit}; {@code
 *       X-RateLimit-Remaining} is what is left now.
 *   <li>Cloud: {@code X-RateLimit-Limit} and {@code -Remaining} (and {@code -NearLimit}); the limit
 *       is taken per second (Atlassian's burst limits are) until the refill measured from {@code
 *       Remaining} while the bucket drains says otherwise, and every answer resets the tokens to
 *       what the server has, less the requests sent since and a reserve (see {@code
 *       Bucket.learnCloud}). The {@code X-Beta-RateLimit-*} and {@code Beta-RateLimit} advisory
 *       headers only ever slow conf down.
 *   <li>Nothing said: the pace is free until a 429, then it is learned from the 429s themselves:
 *       the rate drops to a fraction of what was being sent (multiplicative decrease) and grows by
 *       a little with every success (additive increase).
 * </ul>
 *
 * A bucket with a known rate hands out reservations: a request that finds no token is told how long
 * to wait, and the next one queues behind it, so workers are spread out instead of all going at
 * once and emptying the server's bucket. The limiter also holds the shared "resume at" instant a
 * 429 or 503 sets (everyone waits), and the quota state: once a quota refusal says the site is
 * closed until a time beyond the wait budget, every later request fails at once. Requests that
 * waited for a shared pause resume spread over a bounded window (full jitter), not all at once.
 *
 * <p>Thread-safe. The clock and sleeper are injected: tests never sleep.
 */
public final class RateLimiter {
  /** Pace at a little under the learned rate: network jitter bunches requests up at the server. */
  static final double SAFETY = 0.95;

  /** No pace is slower than this, whatever the server or the 429s suggest. */
  static final double MIN_RATE = 0.5;

  /** Fewer requests than this in the last second before a 429: it says nothing about our pace. */
  static final int AIMD_MIN_OBSERVED = 4;

  /** The multiplicative decrease on a 429. */
  static final double DECREASE = 0.7;

  /** The additive increase: requests per second gained per second of successes. */
  static final double INCREASE = 1.0;

  /**
   * One congestion event, one decrease: the 429s of requests that were already on their way when
   * the first came back say nothing new.
   */
  static final long DECREASE_COOLDOWN_MILLIS = 1000;

  /**
   * After a shared pause each request resumes at a uniform draw from this window (or the pause's
   * own length, when shorter) past its end.
   */
  static final long RESUME_SPREAD_MILLIS = 1000;

  /**
   * Cloud: a refill measurement spans at least this long (about twenty readings at Atlassian's
   * burst rates), so one answer more or less, or out of order, moves it little.
   */
  static final long WINDOW_MILLIS = 1000;

  /** Cloud: the share of the limit conf leaves in the server's bucket (NearLimit's threshold). */
  static final double RESERVE = 0.2;

  /** Cloud: the pace rises by this share of the limit per window while the bucket stays full. */
  static final double PROBE = 0.05;

  /** Kinds of request, paced apart. */
  public enum Kind {
    READ,
    WRITE;

    static Kind of(String method) {
      return switch (method) {
        case "GET", "HEAD", "OPTIONS" -> READ;
        default -> WRITE;
      };
    }
  }

  private final Clock clock;
  private final Sleeper sleeper;
  private final DoubleSupplier random;
  private final Consumer<String> debug;
  private final Bucket reads = new Bucket("reads");
  private final Bucket writes = new Bucket("writes");

  /** No attempt starts before this instant (epoch millis); raised by throttled answers. */
  private final AtomicLong resumeAtMillis = new AtomicLong(Long.MIN_VALUE);

  /** Set once a quota refusal closes the site beyond the wait budget. */
  private volatile Instant closedUntil;

  /**
   * @param debug told each decision (rate learned, pause and why) for {@code --debug}; or null
   */
  public RateLimiter(Clock clock, Sleeper sleeper, Consumer<String> debug) {
    this(clock, sleeper, () -> ThreadLocalRandom.current().nextDouble(), debug);
  }

  /**
   * @param random numbers in [0, 1) that spread the resumes after a shared pause (full jitter)
   * @param debug told each decision (rate learned, pause and why) for {@code --debug}; or null
   */
  public RateLimiter(Clock clock, Sleeper sleeper, DoubleSupplier random, Consumer<String> debug) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.random = random;
    this.debug = debug;
  }

  /**
   * One request's turn, from {@link #acquire} to {@link #observe}: which request of its kind it was
   * (the order they were sent in) and when it went, so an answer's {@code Remaining} can be set
   * against the requests sent after it, whichever order the answers come back in.
   */
  public static final class Permit {
    final String method;
    final long seq;
    final long sentAt;
    final long paced;

    Permit(String method, long seq, long sentAt, long paced) {
      this.method = method;
      this.seq = seq;
      this.sentAt = sentAt;
      this.paced = paced;
    }

    /** How long it waited for pacing (a shared pause not included). */
    public Duration paced() {
      return Duration.ofMillis(paced);
    }
  }

  /** Thrown for a request that would only meet a spent quota. */
  public static final class QuotaClosedException extends InterruptedIOException {
    private static final long serialVersionUID = 1L;
    private final transient Instant until;

    QuotaClosedException(Instant until) {
      super("the site's rate-limit quota is spent until " + until);
      this.until = until;
    }

    public Instant until() {
      return until;
    }
  }

  /** The instant until which a quota refusal closed the site, if one did. */
  public Optional<Instant> closedUntil() {
    return Optional.ofNullable(closedUntil);
  }

  /**
   * Waits for this request's turn: the shared resume instant first (spread by jitter), then a token
   * of its kind. Give the permit back to {@link #release} and {@link #observe}.
   */
  public Permit acquire(String method) throws InterruptedIOException {
    Instant closed = closedUntil;
    if (closed != null && clock.instant().isBefore(closed)) {
      throw new QuotaClosedException(closed);
    }
    awaitResume();
    Bucket b = bucket(method);
    long now = clock.millis();
    long[] turn = b.reserve(now);
    long wait = turn[0];
    if (wait > 0) {
      if (wait >= 50) {
        log(b.name + ": pacing, waiting " + wait + " ms for a token (" + b.describe() + ")");
      }
      sleep(Duration.ofMillis(wait), "interrupted while pacing requests");
    }
    return new Permit(method, turn[1], now + Math.max(0, wait), Math.max(0, wait));
  }

  /** The request's attempt has an answer (or failed): it no longer counts as in flight. */
  public void release(Permit permit) {
    bucket(permit.method).release();
  }

  /** As {@link #release(Permit)}, for the newest request of this method's kind. */
  public void release(String method) {
    bucket(method).release();
  }

  /** As {@link #observe(Permit, int, Headers)}, taken as the answer to the newest request sent. */
  public void observe(String method, int code, Headers h) {
    Bucket b = bucket(method);
    observe(new Permit(method, b.newest(), clock.millis(), 0), code, h);
  }

  /**
   * Learns from a response's headers. Call for every response, before deciding about a retry.
   *
   * @param code the HTTP status
   */
  public void observe(Permit permit, int code, Headers h) {
    String method = permit.method;
    Bucket b = bucket(method);
    long now = clock.millis();
    Double fill = number(h.get("X-RateLimit-FillRate"));
    Double interval = number(h.get("X-RateLimit-Interval-Seconds"));
    Double limit = number(h.get("X-RateLimit-Limit"));
    Double remaining = number(h.get("X-RateLimit-Remaining"));
    if (fill != null && fill > 0) {
      double secs = interval != null && interval > 0 ? interval : 1;
      b.learn(
          fill / secs,
          limit != null ? limit : fill,
          remaining,
          now,
          "X-RateLimit-FillRate/Interval-Seconds");
    } else if (limit != null && limit > 0 && remaining != null) {
      b.learnCloud(
          limit,
          remaining,
          "true".equalsIgnoreCase(h.get("X-RateLimit-NearLimit")),
          permit,
          now,
          "X-RateLimit-Limit/Remaining");
    } else {
      Double betaLimit = number(h.get("X-Beta-RateLimit-Limit"));
      Double betaRemaining = number(h.get("X-Beta-RateLimit-Remaining"));
      if (betaLimit != null && betaLimit > 0 && betaRemaining != null) {
        b.learnCloud(
            betaLimit,
            betaRemaining,
            "true".equalsIgnoreCase(h.get("X-Beta-RateLimit-NearLimit")),
            permit,
            now,
            "X-Beta-RateLimit-Limit/Remaining (advisory)");
      }
    }
    String beta = h.get("Beta-RateLimit");
    if (beta != null) {
      Double r = param(beta, "r");
      Double t = param(beta, "t");
      if (r != null && t != null && t > 0) {
        // Spread what is left of the window over the time until it resets; never below the floor.
        b.advise(Math.max(MIN_RATE * 2, r / t), "Beta-RateLimit r=" + fmt(r) + ";t=" + fmt(t));
      }
    }
    if (h.get("Beta-Retry-After") != null && code < 400) {
      b.decrease(now, "Beta-Retry-After (advisory)");
    }
    if (code >= 200 && code < 300) {
      b.succeeded();
    }
  }

  /** What a 429 means, decided from its headers. */
  public record Refusal(boolean quota, Instant resetAt, String reason) {}

  /**
   * Reads a 429's headers: a quota refusal ({@code RateLimit-Reason} naming a quota, or a reset
   * more than a minute away) or a burst.
   */
  public Refusal refusal(Headers h) {
    Instant now = clock.instant();
    String reason = h.get("RateLimit-Reason");
    Instant reset = resetOf(h.get("X-RateLimit-Reset"), now);
    boolean quota =
        (reason != null && reason.toLowerCase(Locale.ROOT).contains("quota"))
            || (reset != null && Duration.between(now, reset).compareTo(Duration.ofMinutes(1)) > 0);
    if (quota && reset == null) {
      reset = RetryAfter.parse(h.get("Retry-After"), now).map(now::plus).orElse(null);
      if (reset == null) {
        // A spent hourly quota refuses everything until the next UTC hour.
        long hour = 3_600_000L;
        reset = Instant.ofEpochMilli((now.toEpochMilli() / hour + 1) * hour);
      }
    }
    return new Refusal(quota, reset, reason);
  }

  /** A burst 429 to a request of this method: slow its kind down. */
  public void throttled(String method) {
    bucket(method).decrease(clock.millis(), "HTTP 429");
  }

  /** Every request waits until {@code wait} from now (a 429 or 503 said so). */
  public void pauseAll(Duration wait, String why) {
    long until = clock.millis() + wait.toMillis();
    long before = resumeAtMillis.getAndAccumulate(until, Math::max);
    if (until > before) {
      log("pausing every request for " + wait.toMillis() + " ms: " + why);
    }
  }

  /** The quota is spent until {@code until}, beyond the wait budget: refuse everything now. */
  public void close(Instant until, String why) {
    closedUntil = until;
    log("quota spent until " + until + " (" + why + "): no further requests");
  }

  /** Sleeps until the shared resume instant, if it is ahead (see {@link RetryInterceptor}). */
  private void awaitResume() throws InterruptedIOException {
    long start = clock.millis();
    long sleptUntil = start;
    boolean spread = false;
    while (true) {
      long target = resumeAtMillis.get();
      if (target > sleptUntil) {
        sleep(
            Duration.ofMillis(target - sleptUntil),
            "interrupted while waiting for the server's rate limit");
        sleptUntil = target;
        continue;
      }
      if (sleptUntil == start || spread) {
        return;
      }
      // Everyone told to wait resumes on the same instant (other processes too, told the same
      // Retry-After): full jitter over a bounded window spreads them instead of a new stampede.
      spread = true;
      long window = Math.min(RESUME_SPREAD_MILLIS, sleptUntil - start);
      long extra = (long) (window * Math.min(1, Math.max(0, random.getAsDouble())));
      if (extra > 0) {
        sleep(Duration.ofMillis(extra), "interrupted while waiting for the server's rate limit");
        sleptUntil += extra;
      }
    }
  }

  private void sleep(Duration d, String message) throws InterruptedIOException {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(message);
    }
  }

  private Bucket bucket(String method) {
    return Kind.of(method) == Kind.READ ? reads : writes;
  }

  private void log(String line) {
    if (debug != null) {
      debug.accept("limiter: " + line);
    }
  }

  /** The learned pace of one kind, for tests and the debug log. */
  double rate(Kind kind) {
    return (kind == Kind.READ ? reads : writes).effectiveRate();
  }

  static Double number(String v) {
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      double d = Double.parseDouble(v.trim());
      return Double.isFinite(d) && d >= 0 ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code key=value} from a structured header such as {@code "policy";r=10;t=30}. */
  static Double param(String header, String key) {
    Matcher m = Pattern.compile("(?:^|;)\\s*" + key + "=([0-9.]+)").matcher(header);
    return m.find() ? number(m.group(1)) : null;
  }

  /** {@code X-RateLimit-Reset}: an ISO-8601 instant (Cloud), or seconds from now. */
  static Instant resetOf(String v, Instant now) {
    if (v == null || v.isBlank()) {
      return null;
    }
    String s = v.trim();
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      try {
        return java.time.OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e2) {
        Double secs = number(s);
        if (secs == null) {
          return null;
        }
        // A large number is an epoch second, a small one a delay.
        return secs > 1e9
            ? Instant.ofEpochSecond(secs.longValue())
            : now.plusMillis((long) (secs * 1000));
      }
    }
  }

  static double round(double d) {
    return Math.round(d * 100) / 100.0;
  }

  static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
  }

  /** One kind's token bucket; every method holds the bucket's lock. */
  private final class Bucket {
    final String name;

    /** Tokens per second; infinite while nothing is known (no pacing at all). */
    double rate = Double.POSITIVE_INFINITY;

    /** The server's pace only ever comes down by this much after 429s despite its headers. */
    double headerFactor = 1;

    /** A cap the advisory headers asked for. */
    double advised = Double.POSITIVE_INFINITY;

    double capacity = 1;
    double tokens;
    long updated;
    boolean aimd;
    String source = "nothing yet";
    int inFlight;

    /** Send times of the last second's requests, oldest first. */
    final ArrayDeque<Long> sent = new ArrayDeque<>();

    /** Requests reserved so far, numbered in the order they were sent. */
    long seq;

    /** Cloud: the newest request whose answer's Remaining was read. */
    long newestRead;

    /** Cloud: the reading a refill window starts from (its request's number, send time, value). */
    long anchorSeq = -1;

    long anchorAt;
    double anchorRemaining;

    /** Cloud: whether the bucket was (nearly) full, or said NearLimit, since the window began. */
    boolean filled;

    boolean nearSeen;

    Bucket(String name) {
      this.name = name;
    }

    synchronized double effectiveRate() {
      return Math.min(rate, advised);
    }

    /** The wait for a token (ms) and the request's number in the order they were sent. */
    synchronized long[] reserve(long now) {
      long n = ++seq;
      return new long[] {take(now), n};
    }

    synchronized long newest() {
      return seq;
    }

    private long take(long now) {
      inFlight++;
      sent.addLast(now);
      while (!sent.isEmpty() && sent.peekFirst() <= now - 1000) {
        sent.removeFirst();
      }
      double r = Math.min(rate, advised);
      if (Double.isInfinite(r)) {
        return 0;
      }
      refill(now, r);
      tokens -= 1;
      if (tokens >= 0) {
        return 0;
      }
      return (long) Math.ceil(-tokens / r * 1000);
    }

    private void refill(long now, double r) {
      if (now > updated) {
        tokens = Math.min(capacity, tokens + (now - updated) / 1000.0 * r);
        updated = now;
      }
    }

    synchronized void release() {
      inFlight = Math.max(0, inFlight - 1);
    }

    /** A rate the server stated. */
    synchronized void learn(
        double serverRate, double limit, Double remaining, long now, String from) {
      double r = Math.max(MIN_RATE, serverRate * SAFETY * headerFactor);
      boolean first = Double.isInfinite(rate) || aimd;
      set(r, Math.max(1, limit), now, from, first);
      clamp(remaining);
    }

    /**
     * Cloud: a limit and what remains of it. Atlassian states no refill rate, so the limit is taken
     * per second (its burst limits are) until the {@code Remaining} readings measure it.
     *
     * <p>Two readings a window apart measure the refill: what the server's bucket lost between them
     * is what was sent less what it refilled, and what was sent is told by the requests' own order
     * (the permits' numbers), not by the answers that happened to come back in between, which with
     * eight in flight are off by up to eight. That holds only while the bucket never filled up: a
     * full bucket wastes its refill, and the same sum then says only how fast conf was sending (it
     * was that sum, smoothed, that walked the pace down from 19/s to 11/s over a long export at a
     * true 20/s). So a window in which the bucket was full is a lower bound: the pace never drops
     * for it, and rises by {@link #PROBE} of the limit while no {@code NearLimit} was seen, so a
     * pace that is too low finds out; a window that never filled sets the pace. Independently of
     * the pace, every reading newer than the last resets the tokens to what the server says it has
     * less the requests sent after it, up or down, so a server with more room than the pace thinks
     * is used at once, and one with less is not overrun.
     */
    synchronized void learnCloud(
        double limit, double remaining, boolean near, Permit p, long now, String from) {
      double cap = Math.max(1, limit);
      boolean fresh = Double.isInfinite(rate) || aimd;
      double r = fresh ? Math.max(MIN_RATE, limit * SAFETY * headerFactor) : rate;
      String why = fresh ? from : source;
      if (fresh) {
        anchorSeq = -1;
      }
      if (p.seq <= newestRead) {
        // An older answer overtaken by a newer one: what it says is stale.
        set(r, cap, now, why, fresh);
        return;
      }
      newestRead = p.seq;
      // A bucket that filled up was at its limit before this request took a token.
      boolean full = remaining >= cap - 1;
      if (anchorSeq < 0) {
        anchor(p, remaining, near);
      } else {
        filled |= full;
        nearSeen |= near;
        long dt = p.sentAt - anchorAt;
        if (dt >= WINDOW_MILLIS) {
          double used = p.seq - anchorSeq;
          double refill = (remaining - anchorRemaining + used) / (dt / 1000.0);
          double measured = refill * SAFETY;
          if (!filled) {
            r = 0.4 * r + 0.6 * measured;
            why = "the refill measured from X-RateLimit-Remaining (" + fmt(round(refill)) + "/s)";
          } else if (measured > r) {
            r = measured;
            why = "at least the refill measured while the bucket was full";
          } else if (!nearSeen && r < cap) {
            r = Math.min(cap, r + PROBE * cap);
            why = "probing upward: the bucket stayed full, no X-RateLimit-NearLimit";
          }
          anchor(p, remaining, near);
        }
      }
      set(Math.max(MIN_RATE, r), cap, now, why, fresh);
      resync(remaining, p.seq, now);
    }

    private void anchor(Permit p, double remaining, boolean near) {
      anchorSeq = p.seq;
      anchorAt = p.sentAt;
      anchorRemaining = remaining;
      filled = false;
      nearSeen = near;
    }

    /**
     * Tokens as the server has them after request {@code of}, less those sent since, and less a
     * reserve of {@link #RESERVE} of the limit (where Atlassian says {@code NearLimit}): an empty
     * server bucket refuses any request that arrives a little early, and answers do.
     */
    private void resync(double remaining, long of, long now) {
      refill(now, Math.min(rate, advised));
      tokens = Math.min(capacity, remaining - (seq - of) - Math.max(1, RESERVE * capacity));
    }

    private void set(double r, double cap, long now, String from, boolean fresh) {
      if (fresh) {
        tokens = cap;
        updated = now;
      } else {
        refill(now, Math.min(rate, advised));
      }
      boolean changed = Math.abs(r - rate) > 0.05 * r || cap != capacity || fresh;
      rate = r;
      capacity = cap;
      aimd = false;
      source = from;
      if (changed) {
        log(name + ": " + describe());
      }
    }

    /** What the server says is left, less what is already on its way to it. */
    private void clamp(Double remaining) {
      if (remaining != null) {
        tokens = Math.min(tokens, remaining - Math.max(0, inFlight - 1));
      }
    }

    synchronized void advise(double cap, String from) {
      if (Math.abs(cap - advised) > 0.05 * cap) {
        log(name + ": advised to at most " + fmt(cap) + "/s by " + from);
      }
      advised = cap;
    }

    /** When the pace was last lowered. */
    long decreasedAt = Long.MIN_VALUE;

    synchronized void decrease(long now, String why) {
      if (decreasedAt != Long.MIN_VALUE && now - decreasedAt < DECREASE_COOLDOWN_MILLIS) {
        return;
      }
      if (Double.isInfinite(rate)) {
        int observed = 0;
        for (long t : sent) {
          if (t > now - 1000) {
            observed++;
          }
        }
        if (observed < AIMD_MIN_OBSERVED) {
          log(name + ": " + why + " after " + observed + " requests in a second; pace unchanged");
          return;
        }
        rate = Math.max(MIN_RATE, observed * DECREASE);
        aimd = true;
      } else if (aimd) {
        rate = Math.max(MIN_RATE, rate * DECREASE);
      } else {
        // The server's own figures were too generous (or shared with other clients).
        headerFactor = Math.max(0.1, headerFactor * DECREASE);
        rate = Math.max(MIN_RATE, rate * DECREASE);
      }
      capacity = Math.max(1, rate);
      tokens = Math.min(tokens, 0);
      updated = Math.max(updated, now);
      decreasedAt = now;
      source = aimd ? "429s (no rate-limit headers)" : source;
      log(name + ": " + why + ", slowing down: " + describe());
    }

    synchronized void succeeded() {
      if (aimd) {
        rate += INCREASE / rate;
        capacity = Math.max(1, rate);
      }
    }

    String describe() {
      return Double.isInfinite(rate)
          ? "no limit known"
          : fmt(Math.round(Math.min(rate, advised) * 100) / 100.0)
              + "/s, burst "
              + fmt(Math.floor(capacity))
              + ", learned from "
              + source;
    }
  }
}
