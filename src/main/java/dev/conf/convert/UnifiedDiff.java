package dev.conf.convert;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A unified diff of two texts, line by line. The edit script comes from java-diff-utils (Myers:
 * memory linear in the texts, where an LCS table for two 5,000-line pages took 100 MB); the output
 * matches {@code diff -u}: {@code ---}/{@code +++} headers, {@code @@ -a,b +c,d @@} hunks with
 * three lines of context, changes closer than six lines sharing a hunk, deletions before
 * insertions.
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

  /** One line of the edit script: ' ' kept, '-' only in the old text, '+' only in the new. */
  private record Op(char kind, String text) {}

  /** The diff, or an empty string when the texts are equal. */
  public static String diff(String fromName, String toName, List<String> a, List<String> b) {
    List<Op> ops = editScript(a, b);
    StringBuilder out = new StringBuilder();
    int[] aLine = new int[ops.size() + 1];
    int[] bLine = new int[ops.size() + 1];
    for (int x = 0; x < ops.size(); x++) {
      char kind = ops.get(x).kind();
      aLine[x + 1] = aLine[x] + (kind == '+' ? 0 : 1);
      bLine[x + 1] = bLine[x] + (kind == '-' ? 0 : 1);
    }
    int k = 0;
    while (k < ops.size()) {
      if (ops.get(k).kind() == ' ') {
        k++;
        continue;
      }
      int start = Math.max(0, k - CONTEXT);
      int end = hunkEnd(ops, k);
      if (out.isEmpty()) {
        out.append("--- ").append(fromName).append('\n');
        out.append("+++ ").append(toName).append('\n');
      }
      out.append("@@ -")
          .append(range(aLine[start], aLine[end] - aLine[start]))
          .append(" +")
          .append(range(bLine[start], bLine[end] - bLine[start]))
          .append(" @@\n");
      for (int x = start; x < end; x++) {
        out.append(ops.get(x).kind()).append(ops.get(x).text()).append('\n');
      }
      k = end;
    }
    return out.toString();
  }

  /** Every line of both texts in order, from java-diff-utils' deltas. */
  private static List<Op> editScript(List<String> a, List<String> b) {
    List<Op> ops = new ArrayList<>(a.size() + b.size());
    int i = 0;
    for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
      int at = delta.getSource().getPosition();
      for (; i < at; i++) {
        ops.add(new Op(' ', a.get(i)));
      }
      for (String line : delta.getSource().getLines()) {
        ops.add(new Op('-', line));
      }
      for (String line : delta.getTarget().getLines()) {
        ops.add(new Op('+', line));
      }
      i = at + delta.getSource().size();
    }
    for (; i < a.size(); i++) {
      ops.add(new Op(' ', a.get(i)));
    }
    return ops;
  }

  /**
   * Where the hunk with its first change at {@code first} ends (exclusive): it takes in later
   * changes while they are at most {@code 2 * CONTEXT} kept lines apart, then CONTEXT lines more.
   */
  private static int hunkEnd(List<Op> ops, int first) {
    int end = first;
    while (end < ops.size()) {
      if (ops.get(end).kind() != ' ') {
        end++;
        continue;
      }
      int run = end;
      while (run < ops.size() && ops.get(run).kind() == ' ') {
        run++;
      }
      if (run < ops.size() && run - end <= 2 * CONTEXT) {
        end = run;
      } else {
        return Math.min(ops.size(), end + CONTEXT);
      }
    }
    return end;
  }

  private static String range(int start, int count) {
    int first = count == 0 ? start : start + 1;
    return count == 1 ? String.valueOf(first) : first + "," + count;
  }
}
