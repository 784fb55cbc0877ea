package dev.conf.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * When the personal access token a Data Center profile uses expires, as far as the site tells.
 *
 * @param expiresAt null: the token never expires
 * @param tokenName the token's name, when it could be told which of the user's tokens is in use
 * @param certain false when it could not be told: {@code expiresAt} is then the soonest expiry of
 *     the user's tokens that are still valid
 * @param tokens how many valid tokens the user has
 */
public record TokenExpiry(Instant expiresAt, String tokenName, boolean certain, int tokens) {
  /** Within this many days of the expiry, conf warns. */
  public static final int WARN_DAYS = 14;

  /** Whole days from {@code now} to the expiry, by UTC calendar dates; negative once past. */
  public long daysLeft(Instant now) {
    return ChronoUnit.DAYS.between(date(now), date(expiresAt));
  }

  /** "2027-01-05 (in 33 days)", "never", with what is not known said after. */
  public String describe(Instant now) {
    if (expiresAt == null) {
      return certain ? "never" : "never (none of your " + tokens + " tokens has an expiry date)";
    }
    long days = daysLeft(now);
    String when =
        date(expiresAt)
            + " ("
            + (days == 0 ? "today" : days == 1 ? "tomorrow" : "in " + days + " days")
            + ")";
    return certain
        ? when
        : when + "; the soonest of your " + tokens + " tokens: which one conf uses cannot be told";
  }

  /** The stderr warning within {@value #WARN_DAYS} days of the expiry; null before that. */
  public String warning(Instant now) {
    if (expiresAt == null || daysLeft(now) > WARN_DAYS) {
      return null;
    }
    return "warning: "
        + (certain
            ? "the personal access token expires "
            : "a personal access token of yours" + " expires ")
        + describe(now)
        + ": create a new one (profile picture > Settings > Personal Access Tokens) and run conf"
        + " auth login again";
  }

  private static LocalDate date(Instant t) {
    return t.atOffset(ZoneOffset.UTC).toLocalDate();
  }
}
