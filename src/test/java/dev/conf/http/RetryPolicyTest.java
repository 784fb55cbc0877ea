package dev.conf.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy =
      new RetryPolicy(5, Duration.ofSeconds(60), Duration.ofMillis(500), Duration.ofSeconds(30));

  @Test
  void backoffGrowsExponentiallyUpToTheCap() {
    // random just below 1 gives the ceiling of each window
    double top = 0.999999;
    assertThat(policy.backoff(1, top)).isEqualTo(Duration.ofMillis(499));
    assertThat(policy.backoff(2, top)).isEqualTo(Duration.ofMillis(999));
    assertThat(policy.backoff(3, top)).isEqualTo(Duration.ofMillis(1999));
    assertThat(policy.backoff(7, top)).isEqualTo(Duration.ofMillis(29999));
    assertThat(policy.backoff(60, top)).isEqualTo(Duration.ofMillis(29999));
  }

  @Test
  void fullJitterCanWaitNothing() {
    assertThat(policy.backoff(5, 0.0)).isEqualTo(Duration.ZERO);
    assertThat(policy.backoff(3, 0.5)).isEqualTo(Duration.ofMillis(1000));
  }

  @Test
  void everyBackoffStaysWithinItsWindow() {
    for (int retry = 1; retry < 40; retry++) {
      for (double r = 0; r < 1; r += 0.125) {
        Duration d = policy.backoff(retry, r);
        assertThat(d).isBetween(Duration.ZERO, Duration.ofSeconds(30));
      }
    }
  }

  @Test
  void environmentAdjustsAttemptsAndTotalWait() {
    RetryPolicy p =
        RetryPolicy.fromEnv(Map.of("CONF_RETRY_MAX_ATTEMPTS", "2", "CONF_RETRY_MAX_WAIT", "9"));
    assertThat(p.maxAttempts()).isEqualTo(2);
    assertThat(p.maxTotalWait()).isEqualTo(Duration.ofSeconds(9));
    assertThat(RetryPolicy.fromEnv(Map.of("CONF_RETRY_MAX_ATTEMPTS", "lots")).maxAttempts())
        .isEqualTo(RetryPolicy.DEFAULT.maxAttempts());
  }
}
