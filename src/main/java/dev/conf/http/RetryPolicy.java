package dev.conf.http;

import java.time.Duration;
import java.util.Map;

/**
 * How hard conf tries before giving up: attempts in all (first try included), the longest total
 * wait across retries, and the backoff's base and cap.
 *
 * @param throttledByBudget whether a 429 (the server pacing this client, which waiting cures) is
 *     retried for as long as the wait budget lasts rather than {@code maxAttempts} times: true by
 *     default, false once the attempts were set explicitly
 */
public record RetryPolicy(
    int maxAttempts,
    Duration maxTotalWait,
    Duration baseDelay,
    Duration maxDelay,
    boolean throttledByBudget) {

  public static final RetryPolicy DEFAULT =
      new RetryPolicy(
          5, Duration.ofSeconds(120), Duration.ofMillis(500), Duration.ofSeconds(30), true);

  /**
   * The shortest wait before a retry the server said could come at once ({@code Retry-After: 0}).
   */
  public static final Duration MIN_WAIT = Duration.ofMillis(250);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /** A policy whose attempts bound every retry, 429s included. */
  public RetryPolicy(
      int maxAttempts, Duration maxTotalWait, Duration baseDelay, Duration maxDelay) {
    this(maxAttempts, maxTotalWait, baseDelay, maxDelay, false);
  }

  /**
   * The default, adjusted by {@code CONF_RETRY_MAX_ATTEMPTS} and {@code CONF_RETRY_MAX_WAIT}
   * (seconds).
   */
  public static RetryPolicy fromEnv(Map<String, String> env) {
    int attempts = intEnv(env, "CONF_RETRY_MAX_ATTEMPTS", DEFAULT.maxAttempts());
    int maxWait = intEnv(env, "CONF_RETRY_MAX_WAIT", (int) DEFAULT.maxTotalWait().toSeconds());
    // Attempts the user chose bound 429s too; by default only the wait budget does.
    boolean explicit = intEnv(env, "CONF_RETRY_MAX_ATTEMPTS", -1) != -1;
    return new RetryPolicy(
        Math.max(1, attempts),
        Duration.ofSeconds(Math.max(0, maxWait)),
        DEFAULT.baseDelay(),
        DEFAULT.maxDelay(),
        !explicit);
  }

  /**
   * The backoff before retry number {@code retry} (1 for the first retry): "full jitter", a uniform
   * draw from zero to the capped exponential, so many clients told to back off do not return
   * together.
   *
   * @param random a number in [0, 1)
   */
  public Duration backoff(int retry, double random) {
    long ceiling = baseDelay.toMillis() << Math.min(retry - 1, 20);
    ceiling = Math.min(ceiling, maxDelay.toMillis());
    return Duration.ofMillis((long) (ceiling * random));
  }

  private static int intEnv(Map<String, String> env, String name, int fallback) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
