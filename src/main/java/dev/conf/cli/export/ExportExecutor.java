package dev.conf.cli.export;

import dev.conf.cli.CommandContext;
import dev.conf.cli.export.ExportLayout.Place;
import dev.conf.cli.export.ExportManifest.AttachmentEntry;
import dev.conf.cli.export.ExportManifest.PageEntry;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.service.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Carries out an {@link ExportPlan}: parks moved files, removes what is gone, fetches and writes
 * pages and downloads attachments with the request pool (converting and writing on the CPU pool),
 * puts the moved files in place, and writes the manifest. A page or attachment that fails does not
 * stop the others: it is tried once more at the end, and what still failed is listed (exit 1). Only
 * a failure that would fail every request alike (a spent quota, refused credentials) stops the rest
 * at once. The manifest is rewritten as files land, so an export that is killed leaves one that
 * lets the next run fetch only what is missing.
 */
final class ExportExecutor {
  /** The manifest is rewritten at most this often while files land. */
  private static final long MANIFEST_EVERY_NANOS = 1_000_000_000L;

  /** Something that failed, and why. */
  record Failure(String what, RuntimeException error) {}

  private final CommandContext ctx;
  private final Exporter.Options o;
  private final ExportPlan plan;
  private final Exporter pages;
  private final ExecutorService io;
  private final ExecutorService cpu;
  private final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger written = new AtomicInteger();
  private final AtomicInteger downloaded = new AtomicInteger();

  /** The first failure that every other request would meet too; it ends the export. */
  private volatile RuntimeException fatal;

  private ExportProgress progress;
  private AtomicFiles files;
  private long manifestWritten = System.nanoTime();

  ExportExecutor(
      CommandContext ctx,
      Exporter.Options o,
      ExportPlan plan,
      Exporter pages,
      ExecutorService io,
      ExecutorService cpu) {
    this.ctx = ctx;
    this.o = o;
    this.plan = plan;
    this.pages = pages;
    this.io = io;
    this.cpu = cpu;
  }

  ExportSummary execute() {
    Set<Path> emptied = new LinkedHashSet<>();
    progress =
        new ExportProgress(ctx.io(), ctx.clock(), plan.toFetch.size(), plan.toDownload.size());
    RuntimeException stop = null;
    try (AtomicFiles f = new AtomicFiles()) {
      files = f;
      for (ExportPlan.Move mv : plan.moves) {
        Exporter.rename(mv.from(), mv.parked());
        files.parked(mv.parked(), mv.from());
        emptied.add(mv.from().getParent());
      }
      try {
        prepare(emptied);
        fetchAll();
      } catch (RuntimeException e) {
        stop = e;
      } finally {
        progress.clear();
        stop = unpark(stop);
      }
      Exporter.tidy(o.dir(), emptied);
      writeManifest();
    }
    if (stop != null) {
      throw stop;
    }
    if (!failures.isEmpty()) {
      throw incomplete();
    }
    return summary();
  }

  private void prepare(Set<Path> emptied) {
    for (Path p : plan.toDelete) {
      Exporter.delete(p, emptied);
    }
    for (Place p : plan.places.values()) {
      if (p.folder()) {
        Exporter.createDirectories(o.dir().resolve(p.file()));
      }
    }
  }

  /** Every page and attachment; what failed once more; a fatal failure ends it after the pass. */
  private void fetchAll() {
    List<Place> pagesToFetch = new ArrayList<>(plan.toFetch);
    List<ExportPlan.Download> downloads = new ArrayList<>(plan.toDownload);
    for (int pass = 1; pass <= 2 && !(pagesToFetch.isEmpty() && downloads.isEmpty()); pass++) {
      // What failed before is being tried again: only what fails now counts.
      failures.clear();
      List<Place> failedPages = new ArrayList<>();
      List<ExportPlan.Download> failedDownloads = new ArrayList<>();
      List<CompletableFuture<Void>> tasks = new ArrayList<>();
      for (Place p : pagesToFetch) {
        tasks.add(pageTask(p, pass, failedPages));
      }
      for (ExportPlan.Download d : downloads) {
        tasks.add(downloadTask(d, pass, failedDownloads));
      }
      await(tasks);
      pagesToFetch = failedPages;
      downloads = failedDownloads;
    }
  }

  private CompletableFuture<Void> pageTask(Place p, int pass, List<Place> failed) {
    CompletableFuture<Page> body = pass == 1 ? plan.prefetched.remove(p.node().id()) : null;
    if (body == null) {
      body = CompletableFuture.supplyAsync(() -> pages.fetch(p, plan.top), io);
    }
    return body.thenAcceptAsync(
            page -> {
              if (page != null) {
                plan.done.put(p.node().id(), pages.writePage(files, p, page, plan));
                written.incrementAndGet();
                landed();
              }
            },
            cpu)
        .handle(
            (v, e) -> {
              if (e == null || pass == 2) {
                progress.pageDone();
              }
              if (e != null) {
                failed(failed, p, "page " + p.node().id() + " (" + p.node().title() + ")", e);
              }
              return null;
            });
  }

  private CompletableFuture<Void> downloadTask(
      ExportPlan.Download d, int pass, List<ExportPlan.Download> failed) {
    Supplier<Void> run =
        () -> {
          pages.download(files, d.attachment(), o.dir().resolve(d.path()));
          plan.attachmentsDone
              .computeIfAbsent(
                  d.page().node().id(), k -> Collections.synchronizedList(new ArrayList<>()))
              .add(
                  new AttachmentEntry(
                      d.attachment().id(),
                      d.attachment().name(),
                      d.attachment().version(),
                      d.path()));
          downloaded.incrementAndGet();
          landed();
          return null;
        };
    return CompletableFuture.supplyAsync(run, io)
        .handle(
            (v, e) -> {
              if (e == null || pass == 2) {
                progress.attachmentDone();
              }
              if (e != null) {
                failed(failed, d, "attachment " + d.path(), e);
              }
              return null;
            });
  }

  private <T> void failed(List<T> retry, T item, String what, Throwable e) {
    Throwable cause = unwrap(e);
    if (cause instanceof Exporter.Skipped) {
      return;
    }
    RuntimeException error =
        cause instanceof RuntimeException r
            ? r
            : new ConfException(ExitCode.ERROR, String.valueOf(cause.getMessage()), cause);
    ExitCode code = error instanceof ConfException c ? c.exitCode() : ExitCode.ERROR;
    if (code == ExitCode.RATE_LIMITED || code == ExitCode.AUTH) {
      // Every other request would meet the same answer: send no more, but write what came.
      synchronized (this) {
        if (fatal == null) {
          fatal = error;
        }
      }
      pages.stop();
      return;
    }
    if (fatal != null) {
      return;
    }
    synchronized (retry) {
      retry.add(item);
    }
    failures.add(new Failure(what, error));
  }

  /** Waits for every task (each ends quickly once the export is stopping); then the fatal one. */
  private void await(List<CompletableFuture<Void>> tasks) {
    try {
      CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).get();
    } catch (ExecutionException e) {
      // Each task handles its own failure; nothing reaches here.
      throw new IllegalStateException(unwrap(e));
    } catch (InterruptedException e) {
      io.shutdownNow();
      cpu.shutdownNow();
      Thread.currentThread().interrupt();
      throw new ConfException(ExitCode.ERROR, "interrupted; the export is incomplete", e);
    }
    if (fatal != null) {
      throw fatal;
    }
  }

  private RuntimeException unpark(RuntimeException failure) {
    RuntimeException result = failure;
    for (ExportPlan.Move mv : plan.moves) {
      try {
        Exporter.createDirectories(mv.to().getParent());
        Exporter.rename(mv.parked(), mv.to());
        files.unparked(mv.parked());
      } catch (RuntimeException e) {
        result = result != null ? result : e;
      }
    }
    return result;
  }

  /** A file landed: rewrite the manifest if it has not been for a while. */
  private void landed() {
    synchronized (this) {
      long now = System.nanoTime();
      if (now - manifestWritten < MANIFEST_EVERY_NANOS) {
        return;
      }
      manifestWritten = now;
    }
    writeManifest();
  }

  /** The manifest: what is on disk now. */
  private synchronized void writeManifest() {
    List<PageEntry> entries = new ArrayList<>();
    for (Place p : plan.places.values()) {
      PageEntry e = plan.done.get(p.node().id());
      if (e == null) {
        // Not written this time (it failed, or is still to come): keep what an earlier export
        // wrote, if it is still there, so the next export knows the file is conf's.
        PageEntry m = plan.oldById.get(p.node().id());
        if (m != null && m.path().equals(p.file()) && Files.exists(o.dir().resolve(m.path()))) {
          entries.add(m);
        }
        continue;
      }
      List<AttachmentEntry> atts = plan.attachmentsDone.get(p.node().id());
      if (atts != null) {
        synchronized (atts) {
          atts = new ArrayList<>(atts);
        }
        atts.sort(Comparator.comparing(AttachmentEntry::path));
      }
      entries.add(
          new PageEntry(
              e.id(), e.type(), e.title(), e.parentId(), e.version(), e.path(), e.links(), atts));
    }
    ExportManifest manifest =
        new ExportManifest(
            ExportManifest.VERSION,
            plan.site,
            plan.root,
            plan.spaceKey,
            o.format(),
            o.withAttachments() || plan.keepsAttachments,
            o.markdown() ? Boolean.TRUE : null,
            entries);
    files.write(o.dir().resolve(ExportManifest.FILE), manifest.toBytes());
  }

  /** One line for one failure; else each on its own line, then the count. */
  private ConfException incomplete() {
    String rerun = "the export is incomplete: run it again to fetch what failed";
    if (failures.size() == 1) {
      Failure f = failures.get(0);
      return new ConfException(
          ExitCode.ERROR, f.error().getMessage() + " (" + f.what() + "); " + rerun, f.error());
    }
    for (Failure f : failures) {
      ctx.io().err().println("conf: " + f.what() + ": " + f.error().getMessage());
    }
    return new ConfException(
        ExitCode.ERROR,
        failures.size() + " pages or attachments failed (listed above); " + rerun,
        failures.get(0).error());
  }

  private ExportSummary summary() {
    int attachmentsNow = plan.attachmentsDone.values().stream().mapToInt(List::size).sum();
    return new ExportSummary(
        o.dirAsGiven(),
        plan.root,
        o.format(),
        plan.places.size(),
        written.get(),
        plan.unchanged,
        plan.moved,
        plan.removed,
        attachmentsNow,
        downloaded.get(),
        plan.attachmentsRemoved);
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
