package dev.conf.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Retries what is safe to retry, paced by the process's {@link RateLimiter}.
 *
 * <ul>
 *   <li>429 and 503, for every method: the server says it did not do the work. {@code Retry-After}
 *       is honoured ({@code 0} still waits {@link RetryPolicy#MIN_WAIT} or the backoff); without
 *       it, capped exponential backoff with full jitter. A 429 is retried while the wait budget
 *       lasts (unless the attempts were set explicitly); a quota refusal waits for the quota's
 *       reset when that is within the budget, and otherwise ends at once, closing the limiter.
 *   <li>500, 502, 504 and I/O failures only for idempotent methods: a POST is never replayed once
 *       the server may have acted on it. A connection that was never made is safe for any method. A
 *       TLS failure is never retried: it would fail the same way.
 *   <li>A body that fails while it is read is a failed attempt like a reset: the body of every
 *       answer (except a streamed download's, tagged {@link Streamed}) is read here, inside the
 *       loop, so callers get it whole or an exception.
 * </ul>
 *
 * Attempts and the total wait are bounded by the {@link RetryPolicy}, and the whole request,
 * attempts and waiting together, by the read timeout plus the wait budget (each attempt's read
 * timeout shrinks to what is left); after the last attempt the final response (or failure) goes to
 * the caller, with a {@link RetryStats} tag saying what happened.
 *
 * <p>A 429 or 503 that says how long to wait (or the backoff chosen for it) is a message to the
 * whole client, not to one request: the server is throttling this user. The limiter keeps one
 * "resume at" instant, and every attempt of every request through it (all worker threads of a
 * concurrent export share the process's one client, so one interceptor) first waits until then.
 * Workers therefore pause together instead of each hitting the limit once more to be told.
 */
public final class RetryInterceptor implements Interceptor {
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

  /**
   * The 5xx answers that may pass: a server error, a gateway that could not reach or wait for the
   * server. Not 501 (not implemented) or 505 (version not supported): asking again changes nothing.
   */
  private static final Set<Integer> TRANSIENT = Set.of(500, 502, 504);

  /** A shared pause at least this long is announced on stderr, once. */
  static final Duration LONG_PAUSE = Duration.ofSeconds(1);

  /** Marks a request whose body the caller streams (a download): it is not read here. */
  enum Streamed {
    BODY
  }

  /** Told before each wait, so the CLI can say on stderr why it is pausing. */
  @FunctionalInterface
  public interface Listener {
    /**
     * @param maxAttempts the attempts allowed; 0 when only the wait budget bounds them (429s)
     */
    void retrying(Request request, String reason, Duration wait, int attempt, int maxAttempts);
  }

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final DoubleSupplier random;
  private final Listener listener;
  private final RateLimiter limiter;

  /** The end of the last shared pause announced, so a burst of 429s is announced once. */
  private final AtomicLong announcedUntil = new AtomicLong(Long.MIN_VALUE);

  public RetryInterceptor(
      RetryPolicy policy,
      Sleeper sleeper,
      Clock clock,
      DoubleSupplier random,
      Listener listener,
      RateLimiter limiter) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.clock = clock;
    this.random = random;
    this.listener = listener;
    this.limiter = limiter;
  }

  public RetryInterceptor(
      RetryPolicy policy, Sleeper sleeper, Clock clock, DoubleSupplier random, Listener listener) {
    this(policy, sleeper, clock, random, listener, new RateLimiter(clock, sleeper, random, null));
  }

  /** One request's retries: what it is, and what it has spent so far. */
  private static final class Tries {
    final Request request;
    final RetryStats stats;
    final String method;
    final boolean idempotent;
    final boolean streamed;
    final long deadline;
    int attempt;
    Duration waited = Duration.ZERO;

    Tries(Chain chain, long now, RetryPolicy policy) {
      request = chain.request();
      RetryStats tagged = request.tag(RetryStats.class);
      stats = tagged != null ? tagged : new RetryStats();
      method = request.method();
      idempotent = IDEMPOTENT.contains(method);
      streamed = request.tag(Streamed.class) != null;
      deadline = now + chain.readTimeoutMillis() + policy.maxTotalWait().toMillis();
    }
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Tries t = new Tries(chain, clock.millis(), policy);
    for (t.attempt = 1; ; t.attempt++) {
      t.stats.attempts = t.attempt;
      t.stats.waited = t.waited;
      RateLimiter.Permit permit = limiter.acquire(t.method);
      Response response;
      try {
        response = attempt(chain, t.request, t.deadline, t.streamed);
      } catch (IOException e) {
        limiter.release(permit);
        waitAfterFailure(t, e);
        continue;
      }
      limiter.release(permit);
      limiter.observe(permit, response.code(), response.headers());
      if (!waitAfterAnswer(t, response)) {
        return response;
      }
    }
  }

  /** Waits before the next attempt after an I/O failure, or rethrows it when none is due. */
  private void waitAfterFailure(Tries t, IOException e) throws IOException {
    if (interrupted(e) || e instanceof SSLException || redirectLoop(e)) {
      // A stopped thread (a cancelled worker, Ctrl-C) is not a network fault; a TLS failure
      // (an untrusted certificate, a server that does not speak TLS) or a redirect loop would
      // only fail again.
      throw e;
    }
    boolean neverSent = e instanceof ConnectException || e instanceof UnknownHostException;
    if (!neverSent) {
      t.stats.uncertain = true;
    }
    Duration wait = policy.backoff(t.attempt, random.getAsDouble());
    if (!(t.idempotent || neverSent)
        || t.attempt >= policy.maxAttempts()
        || !affordable(t.waited, wait, t.deadline)) {
      throw e;
    }
    pause(t.request, "connection failed: " + e.getMessage(), wait, t.attempt);
    t.waited = t.waited.plus(wait);
  }

  /**
   * Decides about an answer: false when it goes to the caller as it is; true when it was closed and
   * the wait before the next attempt is arranged.
   */
  private boolean waitAfterAnswer(Tries t, Response response) throws IOException {
    int code = response.code();
    if (code == 429) {
      RateLimiter.Refusal refusal = limiter.refusal(response.headers());
      if (refusal.quota()) {
        return waitForQuota(t, response, refusal);
      }
      limiter.throttled(t.method);
    }
    boolean throttled = code == 429 || code == 503;
    boolean retryable = throttled || (TRANSIENT.contains(code) && t.idempotent);
    boolean budgetOnly = code == 429 && policy.throttledByBudget();
    if (!retryable || (t.attempt >= policy.maxAttempts() && !budgetOnly)) {
      return false;
    }
    Duration wait = waitFor(response, throttled, t.attempt);
    if (!affordable(t.waited, wait, t.deadline)) {
      // Waiting longer than allowed would only delay the same failure.
      if (wait.compareTo(policy.maxTotalWait()) > 0) {
        t.stats.refusedWait = wait;
      }
      return false;
    }
    response.close();
    t.waited = t.waited.plus(wait);
    if (throttled) {
      // Everyone waits, this request included: the next attempt's acquire does the sleeping.
      sharePause(t.request, "HTTP " + code, wait, t.attempt);
    } else {
      pause(t.request, "HTTP " + code, wait, t.attempt);
    }
    return true;
  }

  /** A quota refusal: everyone waits for the reset if the budget allows, else the site closes. */
  private boolean waitForQuota(Tries t, Response response, RateLimiter.Refusal refusal) {
    Duration toReset = Duration.between(clock.instant(), refusal.resetAt());
    if (toReset.isNegative()) {
      toReset = Duration.ZERO;
    }
    if (!affordable(t.waited, toReset, t.deadline)) {
      limiter.close(refusal.resetAt(), String.valueOf(refusal.reason()));
      t.stats.quotaResetAt = refusal.resetAt();
      return false;
    }
    response.close();
    t.waited = t.waited.plus(toReset);
    sharePause(t.request, quotaReason(refusal), toReset, t.attempt);
    return true;
  }

  /** One attempt, its read timeout cut to what the request has left, its body read whole. */
  private Response attempt(Chain chain, Request request, long deadline, boolean streamed)
      throws IOException {
    long left = deadline - clock.millis();
    Chain c = chain;
    if (left < chain.readTimeoutMillis()) {
      c = chain.withReadTimeout((int) Math.max(1000, left), TimeUnit.MILLISECONDS);
    }
    Response response = c.proceed(request);
    ResponseBody body = response.body();
    if (streamed || body == null || request.method().equals("HEAD")) {
      return response;
    }
    try (body) {
      // Read here, so a body cut off mid-way is this attempt's failure, retried like a reset.
      byte[] bytes = body.bytes();
      return response.newBuilder().body(ResponseBody.create(bytes, body.contentType())).build();
    }
  }

  private Duration waitFor(Response response, boolean throttled, int attempt) {
    Duration backoff = policy.backoff(attempt, random.getAsDouble());
    if (!throttled) {
      return backoff;
    }
    Duration asked = RetryAfter.parse(response.header("Retry-After"), clock.instant()).orElse(null);
    if (asked == null) {
      return backoff;
    }
    if (asked.compareTo(RetryPolicy.MIN_WAIT) < 0) {
      // "Retry at once" from a server that is refusing: a storm if taken literally.
      return backoff.compareTo(RetryPolicy.MIN_WAIT) > 0 ? backoff : RetryPolicy.MIN_WAIT;
    }
    return asked;
  }

  /** Whether waiting {@code wait} more stays within the wait budget and the request's deadline. */
  private boolean affordable(Duration waited, Duration wait, long deadline) {
    Duration left = policy.maxTotalWait().minus(waited);
    return wait.compareTo(left) <= 0 && clock.millis() + wait.toMillis() < deadline;
  }

  private static String quotaReason(RateLimiter.Refusal r) {
    return "HTTP 429, rate-limit quota spent"
        + (r.reason() == null ? "" : " (" + r.reason() + ")")
        + " until "
        + r.resetAt();
  }

  /** OkHttp's words when a site redirects more than 20 times. */
  private static boolean redirectLoop(IOException e) {
    return e instanceof ProtocolException
        && String.valueOf(e.getMessage()).startsWith("Too many follow-up requests");
  }

  private static boolean interrupted(IOException e) {
    return Thread.currentThread().isInterrupted()
        || e instanceof RateLimiter.QuotaClosedException
        || (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException));
  }

  /** A pause for everyone, announced once however many workers were told. */
  private void sharePause(Request request, String reason, Duration wait, int attempt) {
    limiter.pauseAll(wait, reason);
    long until = clock.millis() + wait.toMillis();
    long before = announcedUntil.getAndAccumulate(until, Math::max);
    if (listener != null && until > before + LONG_PAUSE.toMillis() / 2) {
      listener.retrying(request, reason, wait, attempt + 1, maxShown(attempt));
    }
  }

  private int maxShown(int attempt) {
    return attempt + 1 > policy.maxAttempts() ? 0 : policy.maxAttempts();
  }

  private void pause(Request request, String reason, Duration wait, int attempt)
      throws IOException {
    if (listener != null) {
      listener.retrying(request, reason, wait, attempt + 1, policy.maxAttempts());
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }

  /** The instant a quota refusal closed the site until, if one did. */
  public java.util.Optional<Instant> closedUntil() {
    return limiter.closedUntil();
  }
}
