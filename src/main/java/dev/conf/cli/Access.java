package dev.conf.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a command does to the site, for read-only profiles ({@code auth login --read-only}, {@code
 * CONF_READ_ONLY=1}). Every command carries one ({@code ReadOnlyTest} walks the command tree and
 * fails for a command without it), so a new command that writes cannot forget to say so: {@link
 * ConfApp} refuses a {@link Kind#WRITES} command on a read-only profile before it runs, and the
 * HTTP client of a read-only profile refuses any method but GET and HEAD as a second line.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Access {
  Kind value();

  enum Kind {
    /** Only reads the site (it may write local files, as export and download do). */
    READS,
    /** Changes the site: refused on a read-only profile. */
    WRITES,
    /** Reads or writes as its arguments say ({@code conf api}): the HTTP client decides. */
    BY_REQUEST,
    /** Does not talk to a site on its own behalf: help, local config, offline conversion. */
    LOCAL
  }

  /**
   * A {@link Kind#WRITES} command whose options can make it write nothing ({@code publish
   * --dry-run}): it runs on a read-only profile when this says so.
   */
  interface Conditional {
    boolean writes();
  }
}
