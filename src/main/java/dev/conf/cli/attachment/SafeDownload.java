package dev.conf.cli.attachment;

import dev.conf.cli.CommandContext;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.output.Progress;
import dev.conf.service.Attachment;
import dev.conf.util.AtomicMove;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Downloads that never leave a partial file under the final name: the content is streamed into a
 * hidden temporary file in the target directory ({@code .NAME.RANDOM.part}), which is renamed into
 * place only when the transfer completed and its size is what the server listed. On any failure,
 * and when the JVM is stopped (Ctrl-C) mid-transfer, the temporary file is deleted.
 */
final class SafeDownload {
  /** What happened to one file. */
  enum Outcome {
    DOWNLOADED,
    SKIPPED
  }

  private final CommandContext ctx;
  private final boolean clobber;
  private final boolean skipExisting;

  SafeDownload(CommandContext ctx, boolean clobber, boolean skipExisting) {
    this.ctx = ctx;
    this.clobber = clobber;
    this.skipExisting = skipExisting;
  }

  /**
   * A file name that cannot escape the target directory: an attachment named {@code ../x} or {@code
   * a/b} is saved as {@code .._x} or {@code a_b}.
   */
  static String safeName(String name) {
    String n = name == null ? "" : name.replace('/', '_').replace('\\', '_').replace('\0', '_');
    if (n.isEmpty() || n.equals(".") || n.equals("..")) {
      return "attachment" + (n.isEmpty() ? "" : "_");
    }
    return n;
  }

  /**
   * Whether the target can be written, checked before any transfer so that a batch either starts or
   * stops at once: exit 1 naming the file when it exists and neither flag says what to do.
   *
   * @return true when it is to be skipped
   */
  boolean check(Attachment a, Path target) {
    if (Files.isDirectory(target)) {
      throw new ConfException(ExitCode.ERROR, target + " is a directory");
    }
    if (!Files.exists(target)) {
      return false;
    }
    if (skipExisting) {
      try {
        if (a.size() >= 0 && Files.size(target) == a.size()) {
          return true;
        }
      } catch (IOException e) {
        throw new ConfException(ExitCode.ERROR, "cannot read " + target + ": " + e.getMessage());
      }
      if (!clobber) {
        throw new ConfException(
            ExitCode.ERROR,
            target
                + " exists with a different size than "
                + a.name()
                + " on the server; use --clobber to overwrite it");
      }
    }
    if (!clobber) {
      throw new ConfException(
          ExitCode.ERROR,
          target + " exists; use --clobber to overwrite it or --skip-existing to keep it");
    }
    return false;
  }

  /** Downloads into {@code target}, checked with {@link #check} first. */
  Outcome download(Attachment a, Path target) {
    if (check(a, target)) {
      ctx.io().err().println("Skipped " + target + ": already there with the same size.");
      return Outcome.SKIPPED;
    }
    Path dir = target.toAbsolutePath().getParent();
    dev.conf.util.TempFiles.Temp file;
    try {
      file = dev.conf.util.TempFiles.createPrivate(dir, "." + shortName(target) + ".", ".part");
    } catch (IOException e) {
      throw new ConfException(ExitCode.ERROR, "cannot write in " + dir + ": " + e.getMessage(), e);
    }
    Path temp = file.path();
    Thread cleanup = new Thread(() -> deleteQuietly(temp), "conf-download-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    boolean done = false;
    Progress progress = Progress.of(ctx.io(), ctx.clock(), a.name(), a.size());
    try {
      long received;
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
        received = ctx.service().items().downloadAttachment(a, out, progress::update);
      } catch (IOException e) {
        throw new ConfException(ExitCode.ERROR, "cannot write " + temp + ": " + e.getMessage(), e);
      } catch (ConfException e) {
        throw new ConfException(
            e.exitCode(), a.name() + ": " + e.getMessage() + "; " + target + " was not written", e);
      }
      if (a.size() >= 0 && received != a.size()) {
        throw new ConfException(
            ExitCode.ERROR,
            "download of "
                + a.name()
                + " is incomplete: received "
                + received
                + " of "
                + a.size()
                + " bytes; "
                + target
                + " was not written");
      }
      try {
        file.finish();
      } catch (IOException e) {
        throw new ConfException(ExitCode.ERROR, "cannot write " + temp + ": " + e.getMessage(), e);
      }
      moveIntoPlace(temp, target);
      done = true;
      progress.finish();
    } catch (RuntimeException e) {
      progress.abandon();
      throw e;
    } finally {
      if (!done) {
        deleteQuietly(temp);
      }
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down: the hook runs and deletes what is left.
      }
    }
    ctx.io().err().println("Downloaded " + a.name() + " to " + target + ".");
    return Outcome.DOWNLOADED;
  }

  private void moveIntoPlace(Path temp, Path target) {
    try {
      if (clobber) {
        AtomicMove.replace(temp, target);
      } else {
        // No REPLACE_EXISTING: a file that appeared during the transfer is not overwritten.
        Files.move(temp, target);
      }
    } catch (FileAlreadyExistsException e) {
      throw new ConfException(
          ExitCode.ERROR, target + " appeared during the download; use --clobber to overwrite it");
    } catch (IOException e) {
      throw new ConfException(
          ExitCode.ERROR, "cannot rename the download to " + target + ": " + e.getMessage(), e);
    }
  }

  private static String shortName(Path target) {
    String n = target.getFileName().toString();
    return n.length() > 100 ? n.substring(0, 100) : n;
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // Best effort: a leftover .part file is hidden and never under the final name.
    }
  }
}
