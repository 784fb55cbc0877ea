package dev.conf.output;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Prints rows the way a reader of the moment wants them: on a terminal a table with headers and
 * columns fitted to the width; in a pipe tab-separated values without headers, one record a line,
 * so that {@code cut}, {@code awk} and {@code while read} work. A table on a terminal goes through
 * the pager ({@link Io#startPager()}).
 */
public final class TablePrinter {
  private static final String GAP = "  ";
  private static final int MIN_COLUMN = 5;

  private final Io io;
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();
  private final Map<Integer, UnaryOperator<String>> styles = new HashMap<>();
  private final Set<Integer> whole = new HashSet<>();
  private final Set<Integer> droppable = new HashSet<>();

  public TablePrinter(Io io, String... headers) {
    this.io = io;
    this.headers = List.of(headers);
  }

  /** Colours a column's cells on a colour terminal (e.g. {@link Style#dim}); never in a pipe. */
  public TablePrinter style(int column, UnaryOperator<String> style) {
    styles.put(column, style);
    return this;
  }

  /**
   * Keeps a column's cells whole (e.g. URLs, which are useless cut short): other columns shrink
   * first when the table is too wide.
   */
  public TablePrinter keepWhole(int column) {
    whole.add(column);
    return this;
  }

  /**
   * Shows a column only whole (a URL, which cut short opens nothing): when the table does not fit
   * the terminal, it is left out before any other column is shrunk. Pipes always get it.
   */
  public TablePrinter dropWhenNarrow(int column) {
    droppable.add(column);
    return this;
  }

  public TablePrinter row(String... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(
          "expected " + headers.size() + " cells, got " + cells.length);
    }
    List<String> row = new ArrayList<>(cells.length);
    for (String cell : cells) {
      row.add(cell == null ? "" : cell);
    }
    rows.add(row);
    return this;
  }

  public void print() {
    if (io.isStdoutTty()) {
      // Every table on a terminal may be long: through the pager (less -FRX: not when it fits).
      io.startPager();
      printTable();
    } else {
      printTsv();
    }
    io.out().flush();
  }

  private void printTsv() {
    for (List<String> row : rows) {
      List<String> clean = new ArrayList<>(row.size());
      for (String cell : row) {
        clean.add(cell.replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
      }
      io.out().println(String.join("\t", clean));
    }
  }

  private void printTable() {
    int[] all = new int[headers.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = headers.get(i).length();
      for (List<String> row : rows) {
        all[i] = Math.max(all[i], singleLine(row.get(i)).length());
      }
    }
    List<Integer> shown = shownColumns(all, io.terminalWidth());
    int n = shown.size();
    int[] widths = new int[n];
    Set<Integer> keep = new HashSet<>();
    for (int k = 0; k < n; k++) {
      widths[k] = all[shown.get(k)];
      if (whole.contains(shown.get(k))) {
        keep.add(k);
      }
    }
    fit(widths, io.terminalWidth(), keep);
    StringBuilder line = new StringBuilder();
    for (int k = 0; k < n; k++) {
      String h =
          pad(
              truncate(headers.get(shown.get(k)).toUpperCase(java.util.Locale.ROOT), widths[k]),
              widths[k],
              k == n - 1);
      line.append(k == 0 ? "" : GAP).append(io.colorEnabled() ? Style.bold(h) : h);
    }
    io.out().println(stripTrailing(line));
    for (List<String> row : rows) {
      line.setLength(0);
      for (int k = 0; k < n; k++) {
        int i = shown.get(k);
        String cell = pad(truncate(singleLine(row.get(i)), widths[k]), widths[k], k == n - 1);
        UnaryOperator<String> style = io.colorEnabled() ? styles.get(i) : null;
        line.append(k == 0 ? "" : GAP)
            .append(style != null && !cell.isBlank() ? style.apply(cell) : cell);
      }
      io.out().println(stripTrailing(line));
    }
  }

  /**
   * The columns to draw: all of them, less the {@link #dropWhenNarrow} ones (the last first) while
   * the table is wider than the terminal.
   */
  List<Integer> shownColumns(int[] widths, int available) {
    List<Integer> shown = new ArrayList<>();
    int total = -GAP.length();
    for (int i = 0; i < widths.length; i++) {
      shown.add(i);
      total += GAP.length() + widths[i];
    }
    for (int i = widths.length - 1; i >= 0 && total > available; i--) {
      if (droppable.contains(i) && shown.size() > 1) {
        shown.remove(Integer.valueOf(i));
        total -= GAP.length() + widths[i];
      }
    }
    return shown;
  }

  /** Shrinks the widest columns, one character at a time, until the table fits the terminal. */
  static void fit(int[] widths, int available) {
    fit(widths, available, Set.of());
  }

  /**
   * As {@link #fit(int[], int)}, shrinking the columns in {@code keep} only when nothing else can.
   */
  static void fit(int[] widths, int available, Set<Integer> keep) {
    int total = GAP.length() * (widths.length - 1);
    for (int w : widths) {
      total += w;
    }
    while (total > available) {
      int widest = -1;
      for (int i = 0; i < widths.length; i++) {
        if (!keep.contains(i)
            && widths[i] > MIN_COLUMN
            && (widest < 0 || widths[i] > widths[widest])) {
          widest = i;
        }
      }
      if (widest < 0) {
        if (keep.isEmpty()) {
          return;
        }
        fit(widths, available, Set.of());
        return;
      }
      widths[widest]--;
      total--;
    }
  }

  private static String singleLine(String s) {
    return s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
  }

  static String truncate(String s, int width) {
    if (s.length() <= width) {
      return s;
    }
    return width <= 1 ? s.substring(0, width) : s.substring(0, width - 1) + "…";
  }

  private static String pad(String s, int width, boolean last) {
    if (last || s.length() >= width) {
      return s;
    }
    return s + " ".repeat(width - s.length());
  }

  private static String stripTrailing(StringBuilder sb) {
    return sb.toString().stripTrailing();
  }
}
