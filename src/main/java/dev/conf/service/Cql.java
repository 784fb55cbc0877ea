package dev.conf.service;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds CQL from search text and filters. Every value is a quoted CQL string with {@code \} and
 * {@code "} escaped, so text such as {@code say "hi"}, a label called {@code order} or a space key
 * {@code AND} can neither break the query nor be read as an operator. Pure: no I/O.
 */
public final class Cql {
  /** The content types {@code --type} accepts. */
  public static final List<String> TYPES = List.of("page", "blogpost", "attachment", "comment");

  private static final Pattern RELATIVE = Pattern.compile("(\\d+)\\s*([mhdwMy])");

  private final List<String> clauses = new ArrayList<>();
  private String raw;
  private boolean text;

  /** {@code "..."}: a CQL string literal. */
  public static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Full-text search in titles, bodies and labels: {@code text ~ "..."}. */
  public Cql text(String words) {
    if (words != null && !words.isBlank()) {
      clauses.add("text ~ " + quote(words.trim()));
      text = true;
    }
    return this;
  }

  public Cql spaces(List<String> keys) {
    return in("space", keys);
  }

  /** Content types; anything but {@link #TYPES} is refused. */
  public Cql types(List<String> types) {
    for (String t : types == null ? List.<String>of() : types) {
      if (!TYPES.contains(t)) {
        throw new IllegalArgumentException(
            "unknown type '" + t + "'; use one of: " + String.join(", ", TYPES));
      }
    }
    return in("type", types);
  }

  /** Content with every one of these labels. */
  public Cql labels(List<String> labels) {
    for (String l : labels == null ? List.<String>of() : labels) {
      clauses.add("label = " + quote(l));
    }
    return this;
  }

  public Cql title(String title) {
    if (title != null && !title.isBlank()) {
      clauses.add("title ~ " + quote(title.trim()));
    }
    return this;
  }

  /**
   * Modified on or after a date ({@code 2026-01-31}, {@code 2026-01-31T14:30}) or within a duration
   * before now ({@code 30m}, {@code 12h}, {@code 7d}, {@code 2w}, {@code 6M}, {@code 1y}).
   * Durations use CQL's {@code now("-7d")}, so "now" is the server's clock, in the user's time zone
   * as Confluence applies it.
   */
  public Cql modifiedSince(String since) {
    if (since == null || since.isBlank()) {
      return this;
    }
    String s = since.trim();
    Matcher m = RELATIVE.matcher(s);
    if (m.matches()) {
      clauses.add("lastmodified >= now(" + quote("-" + m.group(1) + m.group(2)) + ")");
      return this;
    }
    try {
      clauses.add("lastmodified >= " + quote(LocalDate.parse(s).toString()));
      return this;
    } catch (DateTimeParseException notADate) {
      // try a date and time
    }
    try {
      clauses.add(
          "lastmodified >= "
              + quote(
                  LocalDateTime.parse(s.replace(' ', 'T'))
                      .format(DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm", Locale.ROOT))));
      return this;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'"
              + since
              + "' is neither a date (2026-01-31, 2026-01-31T14:30) nor a duration (30m, 12h, 7d,"
              + " 2w, 6M, 1y)");
    }
  }

  /** CQL as the user wrote it, combined with the filters by AND; its ORDER BY is kept last. */
  public Cql raw(String cql) {
    this.raw = cql == null || cql.isBlank() ? null : cql.trim();
    return this;
  }

  public boolean isEmpty() {
    return clauses.isEmpty() && raw == null;
  }

  /**
   * The query. Without search text or raw CQL (filters only) the newest changes come first; with
   * text, Confluence's relevance order is kept.
   */
  public String build() {
    List<String> parts = new ArrayList<>(clauses);
    String order = null;
    if (raw != null) {
      int at = orderByIndex(raw);
      String condition = at < 0 ? raw : raw.substring(0, at).trim();
      order = at < 0 ? null : raw.substring(at).trim();
      if (!condition.isEmpty()) {
        parts.add(parts.isEmpty() ? condition : "(" + condition + ")");
      }
    } else if (!text) {
      order = "order by lastmodified desc";
    }
    String query = String.join(" AND ", parts);
    return order == null ? query : (query + " " + order).trim();
  }

  private Cql in(String field, List<String> values) {
    if (values == null || values.isEmpty()) {
      return this;
    }
    if (values.size() == 1) {
      clauses.add(field + " = " + quote(values.get(0)));
    } else {
      List<String> quoted = new ArrayList<>();
      values.forEach(v -> quoted.add(quote(v)));
      clauses.add(field + " in (" + String.join(", ", quoted) + ")");
    }
    return this;
  }

  /** Where a top-level {@code ORDER BY} starts, outside quoted strings; -1 when there is none. */
  static int orderByIndex(String cql) {
    char quote = 0;
    for (int i = 0; i < cql.length(); i++) {
      char c = cql.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if ((i == 0 || Character.isWhitespace(cql.charAt(i - 1)))
          && cql.regionMatches(true, i, "order", 0, 5)) {
        Matcher m = Pattern.compile("(?i)order\\s+by\\b").matcher(cql).region(i, cql.length());
        if (m.lookingAt()) {
          return i;
        }
      }
    }
    return -1;
  }
}
