package dev.conf.cli.export;

import dev.conf.output.Io;
import java.time.Clock;

/**
 * One line on stderr, redrawn in place, while an export runs: pages and attachments done of those
 * to fetch. Only on a terminal; in a pipe it prints nothing. Called from every worker thread.
 */
final class ExportProgress {
  private static final long REDRAW_MILLIS = 200;

  private final Io io;
  private final Clock clock;
  private final boolean visible;
  private final int pages;
  private final int attachments;
  private int pagesDone;
  private int attachmentsDone;
  private long lastDraw = Long.MIN_VALUE;
  private int lastWidth;

  ExportProgress(Io io, Clock clock, int pages, int attachments) {
    this.io = io;
    this.clock = clock;
    this.visible = io.isStderrTty() && pages + attachments > 0;
    this.pages = pages;
    this.attachments = attachments;
  }

  synchronized void pageDone() {
    pagesDone++;
    maybeDraw();
  }

  synchronized void attachmentDone() {
    attachmentsDone++;
    maybeDraw();
  }

  private void maybeDraw() {
    if (!visible) {
      return;
    }
    long now = clock.millis();
    if (lastDraw != Long.MIN_VALUE && now - lastDraw < REDRAW_MILLIS) {
      return;
    }
    lastDraw = now;
    StringBuilder line = new StringBuilder("Exporting: ");
    line.append(pagesDone).append('/').append(pages).append(" pages");
    if (attachments > 0) {
      line.append(", ").append(attachmentsDone).append('/').append(attachments);
      line.append(" attachments");
    }
    String text = line.toString();
    int pad = Math.max(0, lastWidth - text.length());
    lastWidth = text.length();
    io.err().print("\r" + text + " ".repeat(pad));
    io.err().flush();
  }

  /** Clears the line, before the summary or an error message. */
  synchronized void clear() {
    if (visible && lastWidth > 0) {
      io.err().print("\r" + " ".repeat(lastWidth) + "\r");
      io.err().flush();
      lastWidth = 0;
    }
  }
}
