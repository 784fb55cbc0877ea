package dev.conf.cli;

import dev.conf.error.ConfException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --limit N} / {@code --all} pair every listing command takes, checked one way. A
 * command adopts it with one line, {@code @Mixin LimitOptions limit = new LimitOptions(100);} (the
 * default limit; 25 without an argument), and asks {@link #max} how many items to fetch.
 */
public final class LimitOptions {
  /** The default limit of most listings. */
  public static final int DEFAULT = 25;

  @Spec CommandSpec spec;

  // The field's initial value is the default: picocli shows it as ${DEFAULT-VALUE} and restores it
  // before each parse.
  @Option(
      names = {"-L", "--limit"},
      paramLabel = "N",
      description = "At most N (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--all", description = "All of them, however many.")
  boolean all;

  public LimitOptions() {
    this(DEFAULT);
  }

  /** With this default limit. */
  public LimitOptions(int defaultLimit) {
    this.limit = defaultLimit;
  }

  /**
   * How many items to fetch at most; {@link Long#MAX_VALUE} with {@code --all}. A limit below 1
   * without {@code --all} is a usage error, reported before any request.
   */
  public long max() {
    return max(limit, all);
  }

  /** Whether {@code --limit} was on the command line, rather than left at its default. */
  public boolean limitGiven() {
    return spec != null && !spec.findOption("--limit").originalStringValues().isEmpty();
  }

  /** Whether {@code --all} was given. */
  public boolean all() {
    return all;
  }

  static long max(int limit, boolean all) {
    if (all) {
      return Long.MAX_VALUE;
    }
    if (limit < 1) {
      throw ConfException.usage("--limit must be at least 1");
    }
    return limit;
  }
}
