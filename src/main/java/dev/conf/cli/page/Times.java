package dev.conf.cli.page;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Times as a reader of the moment wants them: "3 days ago" on a terminal, the server's ISO-8601
 * text unchanged in a pipe (so scripts can sort and parse it).
 */
public final class Times {
  private Times() {}

  /** Relative to the clock on a terminal; the text itself otherwise, or when it is not a time. */
  public static String show(String iso, boolean terminal, Clock clock) {
    if (iso == null || !terminal) {
      return iso;
    }
    Instant then;
    try {
      then = OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeParseException e) {
      return iso;
    }
    return ago(Duration.between(then, clock.instant()));
  }

  static String ago(Duration d) {
    long s = d.getSeconds();
    if (s < 0) {
      return "just now";
    }
    if (s < 60) {
      return "less than a minute ago";
    }
    if (s < 3600) {
      return plural(s / 60, "minute");
    }
    if (s < 86_400) {
      return plural(s / 3600, "hour");
    }
    if (s < 30 * 86_400L) {
      return plural(s / 86_400, "day");
    }
    if (s < 365 * 86_400L) {
      return "about " + plural(s / (30 * 86_400L), "month");
    }
    return "about " + plural(s / (365 * 86_400L), "year");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s") + " ago";
  }
}
