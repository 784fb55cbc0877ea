package dev.conf.http;

import java.time.Duration;

/** Attached to a request as a tag; the retry interceptor records how many attempts it took. */
public final class RetryStats {
  int attempts;
  Duration waited = Duration.ZERO;

  public int attempts() {
    return attempts;
  }

  public Duration waited() {
    return waited;
  }
}
