package dev.conf.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Retries what is safe to retry.
 *
 * <ul>
 *   <li>429 and 503, for every method: the server says it did not do the work. {@code Retry-After}
 *       is honoured; without it, capped exponential backoff with full jitter.
 *   <li>500, 502, 504 and I/O failures only for idempotent methods: a POST is never replayed once
 *       the server may have acted on it. A connection that was never made is safe for any method.
 * </ul>
 *
 * Attempts and the total wait are bounded by the {@link RetryPolicy}; after the last attempt the
 * final response (or failure) goes to the caller, with a {@link RetryStats} tag saying what
 * happened.
 *
 * <p>A 429 or 503 that says how long to wait (or the backoff chosen for it) is a message to the
 * whole client, not to one request: the server is throttling this user. The interceptor keeps one
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

  /** Told before each wait, so the CLI can say on stderr why it is pausing. */
  @FunctionalInterface
  public interface Listener {
    void retrying(Request request, String reason, Duration wait, int attempt, int maxAttempts);
  }

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final DoubleSupplier random;
  private final Listener listener;

  /** No attempt starts before this instant (epoch millis); raised by throttled answers. */
  private final AtomicLong resumeAtMillis = new AtomicLong(Long.MIN_VALUE);

  public RetryInterceptor(
      RetryPolicy policy, Sleeper sleeper, Clock clock, DoubleSupplier random, Listener listener) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.clock = clock;
    this.random = random;
    this.listener = listener;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    RetryStats stats = request.tag(RetryStats.class);
    boolean idempotent = IDEMPOTENT.contains(request.method());
    Duration waited = Duration.ZERO;
    for (int attempt = 1; ; attempt++) {
      if (stats != null) {
        stats.attempts = attempt;
        stats.waited = waited;
      }
      Response response;
      awaitResume();
      try {
        response = chain.proceed(request);
      } catch (IOException e) {
        if (interrupted(e)) {
          // Someone stopped this thread (a cancelled export worker, Ctrl-C): not a network fault.
          throw e;
        }
        boolean safe =
            idempotent || e instanceof ConnectException || e instanceof UnknownHostException;
        if (!safe || attempt >= policy.maxAttempts()) {
          throw e;
        }
        Duration wait = policy.backoff(attempt, random.getAsDouble());
        if (waited.plus(wait).compareTo(policy.maxTotalWait()) > 0) {
          throw e;
        }
        pause(request, "connection failed: " + e.getMessage(), wait, attempt);
        waited = waited.plus(wait);
        continue;
      }
      int code = response.code();
      boolean throttled = code == 429 || code == 503;
      boolean retryable = throttled || (TRANSIENT.contains(code) && idempotent);
      if (!retryable || attempt >= policy.maxAttempts()) {
        return response;
      }
      Duration backoff = policy.backoff(attempt, random.getAsDouble());
      Duration wait =
          throttled
              ? RetryAfter.parse(response.header("Retry-After"), clock.instant()).orElse(backoff)
              : backoff;
      if (waited.plus(wait).compareTo(policy.maxTotalWait()) > 0) {
        // Waiting longer than allowed would only delay the same failure.
        return response;
      }
      response.close();
      waited = waited.plus(wait);
      if (throttled) {
        // Everyone waits, this request included: the next attempt's awaitResume does the sleeping.
        long until = clock.millis() + wait.toMillis();
        resumeAtMillis.accumulateAndGet(until, Math::max);
        if (listener != null) {
          listener.retrying(request, "HTTP " + code, wait, attempt + 1, policy.maxAttempts());
        }
      } else {
        pause(request, "HTTP " + code, wait, attempt);
      }
    }
  }

  private static boolean interrupted(IOException e) {
    return Thread.currentThread().isInterrupted()
        || (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException));
  }

  /**
   * Sleeps until the shared resume instant, if it is ahead. Measured from this thread's own start:
   * when another throttled answer moves the instant further while this thread sleeps, it sleeps the
   * difference too. A clock that stands still (tests) gives one sleep per raise, never a loop.
   */
  private void awaitResume() throws IOException {
    long sleptUntil = clock.millis();
    while (true) {
      long target = resumeAtMillis.get();
      if (target <= sleptUntil) {
        return;
      }
      try {
        sleeper.sleep(Duration.ofMillis(target - sleptUntil));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for the server's rate limit");
      }
      sleptUntil = target;
    }
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
}
