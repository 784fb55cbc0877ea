package dev.conf.http;

import java.time.Duration;
import java.util.Map;

/**
 * How hard conf tries before giving up: attempts in all (first try included), the longest total
 * wait across retries, and the backoff's base and cap.
 */
public record RetryPolicy(
    int maxAttempts, Duration maxTotalWait, Duration baseDelay, Duration maxDelay) {

  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofSeconds(120), Duration.ofMillis(500), Duration.ofSeconds(30));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /**
   * The default, adjusted by {@code CONF_RETRY_MAX_ATTEMPTS} and {@code CONF_RETRY_MAX_WAIT}
   * (seconds).
   */
  public static RetryPolicy fromEnv(Map<String, String> env) {
    int attempts = intEnv(env, "CONF_RETRY_MAX_ATTEMPTS", DEFAULT.maxAttempts());
    int maxWait = intEnv(env, "CONF_RETRY_MAX_WAIT", (int) DEFAULT.maxTotalWait().toSeconds());
    return new RetryPolicy(
        Math.max(1, attempts),
        Duration.ofSeconds(Math.max(0, maxWait)),
        DEFAULT.baseDelay(),
        DEFAULT.maxDelay());
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
