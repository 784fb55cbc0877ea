package dev.conf.output;

import java.time.Clock;
import java.util.Locale;

/**
 * A one-line progress bar on stderr for a transfer: bytes, percentage, rate and time left, redrawn
 * in place at most every {@value #REDRAW_MILLIS} ms. Only on a terminal: in a pipe (or a log file)
 * {@link #of} gives one that prints nothing at all. Times come from the injected clock.
 */
public final class Progress {
  static final long REDRAW_MILLIS = 200;

  private final Io io;
  private final Clock clock;
  private final String label;
  private final long total;
  private final boolean visible;
  private long startMillis = -1;
  private long lastDraw;
  private long bytes;
  private int lastWidth;

  private Progress(Io io, Clock clock, String label, long total, boolean visible) {
    this.io = io;
    this.clock = clock;
    this.label = label;
    this.total = total;
    this.visible = visible;
  }

  /**
   * A bar for {@code total} bytes (-1 when unknown), drawn only when stderr is a terminal.
   *
   * @param label what moves, usually a file name
   */
  public static Progress of(Io io, Clock clock, String label, long total) {
    return new Progress(io, clock, label, total, io.isStderrTty());
  }

  /** The bytes moved so far. */
  public void update(long bytesSoFar) {
    if (!visible) {
      return;
    }
    bytes = bytesSoFar;
    long now = clock.millis();
    if (startMillis < 0) {
      startMillis = now;
      lastDraw = now - REDRAW_MILLIS;
    }
    if (now - lastDraw >= REDRAW_MILLIS) {
      lastDraw = now;
      draw(now);
    }
  }

  /** Draws the final state and ends the line; nothing when the bar was never drawn. */
  public void finish() {
    if (!visible || startMillis < 0) {
      return;
    }
    draw(clock.millis());
    io.err().print('\n');
    io.err().flush();
  }

  /** Clears the bar, for when the transfer failed and an error message follows. */
  public void abandon() {
    if (!visible || startMillis < 0) {
      return;
    }
    io.err().print("\r" + " ".repeat(lastWidth) + "\r");
    io.err().flush();
  }

  private void draw(long now) {
    double seconds = (now - startMillis) / 1000.0;
    double rate = seconds > 0 ? bytes / seconds : 0;
    StringBuilder line = new StringBuilder(label).append("  ");
    if (total > 0) {
      int width = 20;
      int filled = (int) Math.min(width, bytes * width / total);
      line.append('[')
          .append("=".repeat(filled))
          .append(" ".repeat(width - filled))
          .append("] ")
          .append(String.format(Locale.ROOT, "%3d%% ", bytes * 100 / total));
      line.append(human(bytes)).append(" / ").append(human(total));
    } else {
      line.append(human(bytes));
    }
    if (rate > 0) {
      line.append("  ").append(human((long) rate)).append("/s");
      if (total > 0 && bytes < total) {
        line.append("  ETA ").append(duration((long) ((total - bytes) / rate)));
      }
    }
    String text = line.toString();
    int pad = Math.max(0, lastWidth - text.length());
    lastWidth = text.length();
    io.err().print("\r" + text + " ".repeat(pad));
    io.err().flush();
  }

  /** 1023 B, 1.0 KiB, 12.3 MiB, 1.0 GiB. */
  public static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int u = -1;
    do {
      v /= 1024;
      u++;
    } while (v >= 1024 && u < units.length - 1);
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  static String duration(long seconds) {
    if (seconds >= 3600) {
      return String.format(
          Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }
}
