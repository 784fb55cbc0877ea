package dev.conf.output;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Times as a reader of the moment wants them: "3 hours ago" on a terminal, ISO-8601 in UTC in a
 * pipe (sortable, parseable, the same whatever the local time zone). The clock is injected, so
 * relative times are deterministic in tests.
 */
public final class Times {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Times() {}

  /** For a table cell: relative on a terminal, ISO in a pipe; empty for null. */
  public static String cell(Io io, Instant now, Instant t) {
    if (t == null) {
      return "";
    }
    return io.isStdoutTty() ? relative(t, now) : iso(t);
  }

  /**
   * A time the server sent as ISO-8601 text: relative on a terminal; in a pipe, or when it is not a
   * time, the text unchanged (so scripts see exactly what Confluence said).
   */
  public static String show(String iso, boolean terminal, java.time.Clock clock) {
    if (iso == null || !terminal) {
      return iso;
    }
    try {
      return relative(java.time.OffsetDateTime.parse(iso).toInstant(), clock.instant());
    } catch (java.time.format.DateTimeParseException e) {
      return iso;
    }
  }

  /** {@code 2026-11-29T09:00:00Z}: seconds precision, UTC. */
  public static String iso(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
  }

  /** "just now", "5 minutes ago", "3 hours ago", "2 days ago", "4 months ago", "2 years ago". */
  public static String relative(Instant t, Instant now) {
    Duration d = Duration.between(t, now);
    if (d.isNegative()) {
      // A server clock slightly ahead of ours: not worth a "in 3 seconds".
      return d.abs().toMinutes() < 1 ? "just now" : DATE.format(t);
    }
    long minutes = d.toMinutes();
    if (minutes < 1) {
      return "just now";
    }
    if (minutes < 60) {
      return ago(minutes, "minute");
    }
    long hours = d.toHours();
    if (hours < 24) {
      return ago(hours, "hour");
    }
    long days = d.toDays();
    if (days < 30) {
      return ago(days, "day");
    }
    if (days < 365) {
      return ago(days / 30, "month");
    }
    return ago(days / 365, "year");
  }

  private static String ago(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s") + " ago";
  }
}
