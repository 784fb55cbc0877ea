package dev.conf.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Labelled values about one thing ({@code conf space view}, {@code conf auth status}): aligned
 * {@code Label: value} lines on a terminal; {@code label<TAB>value} lines in a pipe, labels
 * lower-cased and empty values left out, so scripts can grep or {@code cut -f2} them.
 */
public final class FieldList {
  private final Io io;
  private final List<String[]> fields = new ArrayList<>();

  public FieldList(Io io) {
    this.io = io;
  }

  public FieldList add(String label, String value) {
    fields.add(new String[] {label, value});
    return this;
  }

  public void print() {
    int width = 0;
    for (String[] f : fields) {
      width = Math.max(width, f[0].length() + 1);
    }
    for (String[] f : fields) {
      String value = f[1] == null ? "" : f[1];
      if (io.isStdoutTty()) {
        String label = f[0] + ":";
        String padded = label + " ".repeat(width - label.length() + 2);
        io.out()
            .println(
                (io.colorEnabled() ? Style.bold(padded) : padded)
                    + (value.isEmpty() ? "-" : value));
      } else if (!value.isEmpty()) {
        io.out()
            .println(
                f[0].toLowerCase(Locale.ROOT) + "\t" + value.replace('\t', ' ').replace('\n', ' '));
      }
    }
    io.out().flush();
  }
}
