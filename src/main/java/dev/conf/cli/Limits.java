package dev.conf.cli;

import dev.conf.error.ConfException;

/** The {@code --limit N} / {@code --all} pair every listing command takes, checked one way. */
public final class Limits {
  private Limits() {}

  /**
   * How many items to fetch at most; {@link Long#MAX_VALUE} with {@code --all}. A limit below 1
   * without {@code --all} is a usage error, reported before any request.
   */
  public static long max(int limit, boolean all) {
    if (all) {
      return Long.MAX_VALUE;
    }
    if (limit < 1) {
      throw ConfException.usage("--limit must be at least 1");
    }
    return limit;
  }
}
