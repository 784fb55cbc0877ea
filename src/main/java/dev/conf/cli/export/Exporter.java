package dev.conf.cli.export;

import dev.conf.cli.CommandContext;
import dev.conf.cli.export.ExportLayout.Place;
import dev.conf.cli.export.ExportManifest.PageEntry;
import dev.conf.convert.ConvertOptions;
import dev.conf.convert.FrontMatter;
import dev.conf.convert.Mentions;
import dev.conf.convert.StorageToMarkdown;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.service.Attachment;
import dev.conf.service.BodyFormat;
import dev.conf.service.ConfluenceService;
import dev.conf.service.ContentType;
import dev.conf.service.Page;
import dev.conf.service.PageNode;
import dev.conf.service.Person;
import dev.conf.service.Transfer;
import dev.conf.util.AtomicMove;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Does one export: removes temporary files an earlier run left behind (killed), plans ({@link
 * ExportPlanner}: the tree and the space's attachments against the manifest of the previous export
 * in the directory) and carries the plan out ({@link ExportExecutor}: fetches only what changed
 * with a bounded pool of workers, moves what was renamed or moved, removes what is gone, keeps the
 * manifest current). Every file is written whole or not at all ({@link AtomicFiles}). This class
 * holds the pools and the per-page work: fetching, converting, downloading.
 */
final class Exporter {
  /** What to export and how. */
  record Options(
      String page,
      String spaceKey,
      Path dir,
      String dirAsGiven,
      boolean markdown,
      boolean withAttachments,
      int concurrency) {
    String format() {
      return markdown ? "md" : "storage";
    }

    String ext() {
      return markdown ? ".md" : ".storage.xhtml";
    }
  }

  private final CommandContext ctx;
  private final Options o;
  private final ConfluenceService service;

  Exporter(CommandContext ctx, Options options) {
    this.ctx = ctx;
    this.o = options;
    this.service = ctx.service();
  }

  private ExecutorService io;
  private ExecutorService cpu;

  /**
   * Runs the export with two pools: {@code concurrency} daemon threads for requests, and one per
   * processor (at most {@code concurrency}) for converting and writing, so that the request slots
   * never wait for a conversion.
   */
  ExportSummary run() {
    io = daemonPool(o.concurrency(), "conf-export-");
    cpu =
        daemonPool(
            Math.max(1, Math.min(o.concurrency(), Runtime.getRuntime().availableProcessors())),
            "conf-export-write-");
    try {
      AtomicFiles.removeStale(o.dir());
      ExportPlan plan = new ExportPlanner(ctx, o, io, this::fetchById).plan();
      return new ExportExecutor(ctx, o, plan, this, io, cpu).execute();
    } finally {
      io.shutdownNow();
      cpu.shutdownNow();
      try {
        io.awaitTermination(30, TimeUnit.SECONDS);
        cpu.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static PageEntry entry(Place p, Integer version, List<String> links) {
    PageNode n = p.node();
    return new PageEntry(
        n.id(),
        p.folder() ? "folder" : "page",
        n.title(),
        n.parentId(),
        version,
        p.file(),
        links,
        null);
  }

  /** Fetches one page with its body; null when it was deleted since the listing. */
  Page fetch(Place p, Page reuse) {
    String id = p.node().id();
    return reuse != null && reuse.id().equals(id) ? reuse : fetchById(id);
  }

  /**
   * Set when a failure every request would meet ends the export: requests not yet sent are skipped
   * (what was already fetched is still written).
   */
  private volatile boolean stopping;

  void stop() {
    stopping = true;
  }

  /** Thrown by work skipped because the export is stopping. */
  static final class Skipped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Skipped() {
      super("skipped: the export is stopping", null, false, false);
    }
  }

  private void checkStopping() {
    if (stopping) {
      throw new Skipped();
    }
  }

  private Page fetchById(String id) {
    checkStopping();
    try {
      return service.pages().getPage(ContentType.PAGE, id, BodyFormat.STORAGE, null);
    } catch (ConfException e) {
      if (e.exitCode() == ExitCode.NOT_FOUND) {
        ctx.io().err().println("conf: page " + id + " was deleted during the export; skipped");
        return null;
      }
      throw e;
    }
  }

  /** Converts a fetched page as asked and writes its file. */
  PageEntry writePage(AtomicFiles files, Place p, Page page, ExportPlan plan) {
    Map<String, List<Attachment>> attachmentsOf = plan.attachmentsOf;
    Map<String, String> newPathOfLink = plan.newPathOfLink;
    String spaceKey = plan.spaceKey;
    String id = p.node().id();
    String body = page.body() == null ? "" : page.body();
    List<String> links = new ArrayList<>();
    String text;
    if (o.markdown()) {
      ConvertOptions defaults = ConvertOptions.defaults();
      Set<String> attached = new java.util.HashSet<>();
      for (Attachment a : attachmentsOf.getOrDefault(id, List.of())) {
        attached.add(a.name());
      }
      // Attachment files an earlier export wrote and this one keeps (run without
      // --with-attachments): images still point at them.
      attached.addAll(plan.keptAttachmentNames.getOrDefault(id, Set.of()));
      ConvertOptions options =
          defaults
              .withLinkForPage(
                  ref -> {
                    String key =
                        linkKey(ref.spaceKey() == null ? spaceKey : ref.spaceKey(), ref.title());
                    if (!links.contains(key)) {
                      links.add(key);
                    }
                    String target = newPathOfLink.get(key);
                    return target != null
                        ? Optional.of(ExportLayout.link(p.file(), target))
                        : defaults.linkForPage().apply(ref);
                  })
              .withPathForAttachment(
                  name ->
                      attached.contains(name)
                          ? ExportLayout.link(
                              p.file(), p.attachmentsDir() + ExportLayout.attachmentName(name))
                          : defaults.pathForAttachment().apply(name));
      // The title and labels as front matter, which `conf publish` reads back: without them it
      // would title the page after its first heading and drop its labels.
      text =
          FrontMatter.of(page.title(), page.labels() == null ? List.of() : page.labels(), null)
                  .toMarkdown()
              + StorageToMarkdown.convert(body, options, mentionNames(body));
    } else {
      text = body;
    }
    files.write(o.dir().resolve(p.file()), text.getBytes(StandardCharsets.UTF_8));
    return entry(p, page.version(), links);
  }

  /**
   * The names of the people the body mentions, so the file reads {@code [@Ann Lee](conf:user?…)}
   * (which publishes back to the same mention) instead of an account id. The service looks each id
   * up once per run, in batches, and shows the id where the lookup fails.
   */
  private Mentions mentionNames(String body) {
    Set<String> ids = Mentions.ids(body);
    return ids.isEmpty() ? Mentions.NONE : Mentions.of(Person.names(service.people(ids)));
  }

  void download(AtomicFiles files, Attachment a, Path target) {
    checkStopping();
    files.write(
        target,
        out -> {
          long n = service.items().downloadAttachment(a, out, Transfer.NONE);
          if (a.size() >= 0 && n != a.size()) {
            throw new IOException(
                "download of " + a.name() + " is incomplete: received " + n + " of " + a.size());
          }
        });
  }

  private static ExecutorService daemonPool(int threads, String name) {
    AtomicInteger seq = new AtomicInteger();
    return Executors.newFixedThreadPool(
        threads,
        r -> {
          Thread t = new Thread(r, name + seq.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  static String linkKey(String spaceKey, String title) {
    return (spaceKey == null ? "" : spaceKey) + ":" + title;
  }

  static void rename(Path from, Path to) {
    try {
      AtomicMove.replace(from, to);
    } catch (IOException e) {
      throw new ConfException(
          ExitCode.ERROR, "cannot move " + from + " to " + to + ": " + FileErrors.reason(e), e);
    }
  }

  static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new ConfException(
          ExitCode.ERROR, "cannot create " + dir + ": " + FileErrors.reason(e), e);
    }
  }

  /** Deletes a file conf wrote (a folder only when empty); notes its directory for tidying. */
  static void delete(Path p, Set<Path> emptied) {
    try {
      Files.deleteIfExists(p);
    } catch (DirectoryNotEmptyException e) {
      return;
    } catch (IOException e) {
      throw new ConfException(
          ExitCode.ERROR, "cannot remove " + p + ": " + FileErrors.reason(e), e);
    }
    emptied.add(p.getParent());
  }

  /** Removes directories left empty by deletes and moves, up to (not including) the export's. */
  static void tidy(Path exportDir, Set<Path> dirs) {
    Path top = exportDir.toAbsolutePath().normalize();
    List<Path> sorted = new ArrayList<>();
    dirs.forEach(d -> sorted.add(d.toAbsolutePath().normalize()));
    sorted.sort(Comparator.comparingInt(Path::getNameCount).reversed());
    for (Path d : sorted) {
      Path at = d;
      while (at != null && at.startsWith(top) && !at.equals(top)) {
        try {
          Files.delete(at);
        } catch (IOException e) {
          break;
        }
        at = at.getParent();
      }
    }
  }
}
