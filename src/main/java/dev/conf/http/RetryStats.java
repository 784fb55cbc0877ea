package dev.conf.http;

import java.time.Duration;
import java.time.Instant;

/** Attached to a request as a tag; the retry interceptor records how many attempts it took. */
public final class RetryStats {
  int attempts;
  Duration waited = Duration.ZERO;

  /** An attempt failed after the request may have reached the server: its outcome is unknown. */
  volatile boolean uncertain;

  /** A quota refusal closed the site until then, beyond the wait budget; or null. */
  volatile Instant quotaResetAt;

  /** A wait the server asked for that the budget did not allow; or null. */
  volatile Duration refusedWait;

  public int attempts() {
    return attempts;
  }

  public Duration waited() {
    return waited;
  }

  public boolean uncertain() {
    return uncertain;
  }
}
