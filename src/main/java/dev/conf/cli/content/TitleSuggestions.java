package dev.conf.cli.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The titles closest to a misspelt one, for "did you mean". Pure. */
final class TitleSuggestions {
  private TitleSuggestions() {}

  /** At most this many suggestions. */
  static final int MAX = 3;

  /**
   * The candidates within a few edits of {@code title} (ignoring case: at most a third of its
   * length, at least 1, at most 4), closest first, at most {@value #MAX}.
   */
  static List<String> closest(String title, List<String> candidates) {
    String t = title.strip().toLowerCase(Locale.ROOT);
    int limit = Math.max(1, Math.min(4, t.length() / 3));
    record Scored(String title, int distance) {}
    List<Scored> scored = new ArrayList<>();
    for (String c : candidates) {
      int d = distance(t, c.strip().toLowerCase(Locale.ROOT));
      if (d <= limit) {
        scored.add(new Scored(c, d));
      }
    }
    scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::title));
    return scored.stream().limit(MAX).map(Scored::title).toList();
  }

  /** "'A'", "'A' or 'B'", "'A', 'B' or 'C'". */
  static String quoted(List<String> titles) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < titles.size(); i++) {
      if (i > 0) {
        sb.append(i == titles.size() - 1 ? " or " : ", ");
      }
      sb.append('\'').append(titles.get(i)).append('\'');
    }
    return sb.toString();
  }

  /** Levenshtein distance, with a swap of two neighbours counted as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
