package dev.conf.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A unified diff of two texts, line by line, from a longest-common-subsequence table (page bodies
 * are thousands of lines at most, so the quadratic table is small). Output matches {@code diff -u}:
 * {@code ---}/{@code +++} headers, {@code @@ -a,b +c,d @@} hunks with three lines of context.
 */
public final class UnifiedDiff {
  private UnifiedDiff() {}

  private static final int CONTEXT = 3;

  /**
   * Storage format often arrives as one long line; a break before each block-level element gives a
   * diff that points at the paragraph that changed.
   */
  private static final Pattern BLOCK_START =
      Pattern.compile(
          "(?<=>)\\s*(?=<(?:p|h[1-6]|ul|ol|li|table|tbody|tr|th|td|pre|blockquote|hr|div"
              + "|ac:structured-macro|ac:layout|ac:task)[\\s>/])");

  /** Storage XHTML split into lines at block boundaries. */
  public static List<String> storageLines(String storage) {
    if (storage == null || storage.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    for (String line : BLOCK_START.matcher(storage).replaceAll("\n").split("\n", -1)) {
      lines.add(line);
    }
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  /** The diff, or an empty string when the texts are equal. */
  public static String diff(String fromName, String toName, List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    // The edit script: ' ' keep, '-' delete from a, '+' insert from b.
    List<char[]> ops = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).equals(b.get(j))) {
        ops.add(new char[] {' '});
        texts.add(a.get(i));
        i++;
        j++;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        // Deletions first, as diff -u prints them.
        ops.add(new char[] {'-'});
        texts.add(a.get(i));
        i++;
      } else {
        ops.add(new char[] {'+'});
        texts.add(b.get(j));
        j++;
      }
    }
    StringBuilder out = new StringBuilder();
    int k = 0;
    int total = ops.size();
    int[] aLine = new int[total + 1];
    int[] bLine = new int[total + 1];
    for (int x = 0, ai = 0, bi = 0; x <= total; x++) {
      aLine[x] = ai;
      bLine[x] = bi;
      if (x < total) {
        char op = ops.get(x)[0];
        if (op != '+') {
          ai++;
        }
        if (op != '-') {
          bi++;
        }
      }
    }
    while (k < total) {
      if (ops.get(k)[0] == ' ') {
        k++;
        continue;
      }
      int start = Math.max(0, k - CONTEXT);
      int end = k;
      // Extend the hunk while changes are closer than 2 * CONTEXT lines apart.
      while (end < total) {
        if (ops.get(end)[0] != ' ') {
          end++;
          continue;
        }
        int run = end;
        while (run < total && ops.get(run)[0] == ' ') {
          run++;
        }
        if (run < total && run - end <= 2 * CONTEXT) {
          end = run;
        } else {
          end = Math.min(total, end + CONTEXT);
          break;
        }
      }
      if (out.length() == 0) {
        out.append("--- ").append(fromName).append('\n');
        out.append("+++ ").append(toName).append('\n');
      }
      int aCount = aLine[end] - aLine[start];
      int bCount = bLine[end] - bLine[start];
      out.append("@@ -")
          .append(range(aLine[start], aCount))
          .append(" +")
          .append(range(bLine[start], bCount))
          .append(" @@\n");
      for (int x = start; x < end; x++) {
        out.append(ops.get(x)[0]).append(texts.get(x)).append('\n');
      }
      k = end;
    }
    return out.toString();
  }

  private static String range(int start, int count) {
    int first = count == 0 ? start : start + 1;
    return count == 1 ? String.valueOf(first) : first + "," + count;
  }
}
