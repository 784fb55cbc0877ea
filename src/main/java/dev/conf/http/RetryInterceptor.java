package dev.conf.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
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
 *   <li>Other 5xx and I/O failures only for idempotent methods: a POST is never replayed once the
 *       server may have acted on it. A connection that was never made is safe for any method.
 * </ul>
 *
 * Attempts and the total wait are bounded by the {@link RetryPolicy}; after the last attempt the
 * final response (or failure) goes to the caller, with a {@link RetryStats} tag saying what
 * happened.
 */
public final class RetryInterceptor implements Interceptor {
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

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
      try {
        response = chain.proceed(request);
      } catch (IOException e) {
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
      boolean retryable = throttled || (code >= 500 && idempotent);
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
      pause(request, "HTTP " + code, wait, attempt);
      waited = waited.plus(wait);
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
