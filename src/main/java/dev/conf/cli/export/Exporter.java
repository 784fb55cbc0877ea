package dev.conf.cli.export;

import dev.conf.cli.CommandContext;
import dev.conf.cli.content.ContentAddress;
import dev.conf.cli.content.PageResolver;
import dev.conf.cli.export.ExportLayout.Place;
import dev.conf.cli.export.ExportManifest.AttachmentEntry;
import dev.conf.cli.export.ExportManifest.PageEntry;
import dev.conf.convert.ConvertOptions;
import dev.conf.convert.StorageToMarkdown;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.service.Attachment;
import dev.conf.service.BodyFormat;
import dev.conf.service.ConfluenceService;
import dev.conf.service.ContentType;
import dev.conf.service.Page;
import dev.conf.service.PageNode;
import dev.conf.service.Transfer;
import dev.conf.util.AtomicMove;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Does one export: lists the tree (and the space's attachments), compares it with the manifest of
 * the previous export in the directory, then fetches only what changed with a bounded pool of
 * workers, moves what was renamed or moved, removes what is gone, and writes the manifest last.
 * Every file is written whole or not at all ({@link AtomicFiles}).
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

  /** A moved file: parked under a temporary name first, so moves never overwrite each other. */
  private record Move(Path from, Path parked, Path to) {}

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
      return export();
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

  private ExportSummary export() {
    ExportManifest old = ExportManifest.read(o.dir());
    String site = ctx.connection().site().displayUrl();
    Map<String, PageEntry> oldById = new HashMap<>();
    if (old != null) {
      old.pages().forEach(e -> oldById.put(e.id(), e));
    }
    boolean sameShape =
        old != null
            && o.format().equals(old.format())
            && o.withAttachments() == old.withAttachments();

    // ---- what is on the server
    String root;
    String spaceKey;
    Page top = null;
    List<PageNode> nodes = new ArrayList<>();
    // Bodies already asked for while the listing went on, by page id.
    Map<String, CompletableFuture<Page>> prefetched = new ConcurrentHashMap<>();
    if (o.spaceKey() != null) {
      root = o.spaceKey();
      spaceKey = o.spaceKey();
      checkSameExport(old, root, site);
      // A page whose listed version differs from the manifest's (or that is new) needs its body
      // whatever the rest of the tree looks like: ask for it now, while the listing goes on.
      nodes.addAll(
          service
              .pages()
              .spacePageTree(
                  spaceKey,
                  n -> {
                    PageEntry m = oldById.get(n.id());
                    boolean stale =
                        !sameShape
                            || m == null
                            || m.version() == null
                            || !m.version().equals(n.version())
                            || !Files.isRegularFile(o.dir().resolve(m.path()));
                    if ("page".equals(n.type()) && n.version() != null && stale) {
                      prefetched.put(
                          n.id(), CompletableFuture.supplyAsync(() -> fetchById(n.id()), io));
                    }
                  }));
    } else {
      ContentAddress ref = new PageResolver(ctx).parse(o.page());
      top =
          ref.byTitle()
              ? service.pages().findByTitle(ContentType.PAGE, ref.spaceKey(), ref.title())
              : service.pages().getPage(ContentType.PAGE, ref.id(), BodyFormat.STORAGE, null);
      root = top.id();
      spaceKey = top.spaceKey() != null ? top.spaceKey() : ref.spaceKey();
      checkSameExport(old, root, site);
      nodes.add(new PageNode(top.id(), top.title(), "page", null, null, top.version()));
      nodes.addAll(service.pages().descendants(top.id(), Integer.MAX_VALUE));
    }
    Map<String, Place> places = ExportLayout.plan(nodes, o.ext());

    // ---- versions: from the listing, else (only when there is something to compare) by id
    Map<String, Integer> versions = new HashMap<>();
    List<String> unknown = new ArrayList<>();
    for (Place p : places.values()) {
      if (p.folder()) {
        continue;
      }
      if (p.node().version() != null) {
        versions.put(p.node().id(), p.node().version());
      } else if (oldById.containsKey(p.node().id())) {
        unknown.add(p.node().id());
      }
    }
    if (!unknown.isEmpty()) {
      versions.putAll(service.pages().pageVersionsById(unknown));
    }

    // ---- attachments of the exported pages: one search for the space
    Map<String, List<Attachment>> attachmentsOf = new HashMap<>();
    if (o.withAttachments()) {
      if (spaceKey == null) {
        throw new ConfException(
            ExitCode.ERROR, "the server did not say which space page " + root + " is in");
      }
      for (Attachment a : service.items().attachmentsInSpace(spaceKey)) {
        Place p = places.get(a.pageId());
        if (p != null && !p.folder()) {
          attachmentsOf.computeIfAbsent(a.pageId(), k -> new ArrayList<>()).add(a);
        }
      }
    }

    // ---- the plan
    Map<String, String> oldPathOfLink = new HashMap<>();
    if (old != null) {
      for (PageEntry e : old.pages()) {
        if ("page".equals(e.type())) {
          oldPathOfLink.put(linkKey(old.spaceKey(), e.title()), e.path());
        }
      }
    }
    Map<String, String> newPathOfLink = new HashMap<>();
    for (Place p : places.values()) {
      if (!p.folder()) {
        newPathOfLink.put(linkKey(spaceKey, p.node().title()), p.file());
      }
    }
    Map<String, AttachmentEntry> oldAttachments = new HashMap<>();
    for (PageEntry e : oldById.values()) {
      if (e.attachments() != null) {
        e.attachments().forEach(a -> oldAttachments.put(a.id(), a));
      }
    }

    Map<String, PageEntry> done = new ConcurrentHashMap<>();
    Map<String, List<AttachmentEntry>> attachmentsDone = new ConcurrentHashMap<>();
    List<Place> toFetch = new ArrayList<>();
    List<Move> moves = new ArrayList<>();
    List<Path> toDelete = new ArrayList<>();
    int unchanged = 0;
    int moved = 0;
    int removed = 0;
    for (Place p : places.values()) {
      PageNode n = p.node();
      PageEntry m = oldById.get(n.id());
      if (p.folder()) {
        done.put(n.id(), entry(p, null, null, null));
        if (m != null && !m.path().equals(p.file())) {
          toDelete.add(o.dir().resolve(m.path()));
        }
        continue;
      }
      Integer version = versions.get(n.id());
      boolean current =
          sameShape
              && m != null
              && "page".equals(m.type())
              && m.version() != null
              && m.version().equals(version)
              && Files.isRegularFile(o.dir().resolve(m.path()));
      if (current) {
        boolean relocated = !m.path().equals(p.file());
        List<String> links = m.links() == null ? List.of() : m.links();
        boolean hasAttachments = m.attachments() != null && !m.attachments().isEmpty();
        if (relocated && (!links.isEmpty() || hasAttachments)) {
          // Its relative links would change with it: write it again.
          current = false;
        } else if (!relocated
            && !links.stream()
                .allMatch(k -> Objects.equals(oldPathOfLink.get(k), newPathOfLink.get(k)))) {
          // A page it links to was added, moved or removed.
          current = false;
        } else {
          unchanged++;
          if (relocated) {
            moved++;
            moves.add(move(m.path(), p.file()));
          }
          done.put(n.id(), entry(p, m.version(), links, null));
        }
      }
      if (!current) {
        toFetch.add(p);
        if (m != null && !m.path().equals(p.file()) && !m.path().endsWith("/")) {
          toDelete.add(o.dir().resolve(m.path()));
        }
      }
    }
    for (PageEntry m : oldById.values()) {
      if (!places.containsKey(m.id())) {
        removed++;
        toDelete.add(o.dir().resolve(m.path()));
      }
    }
    List<Map.Entry<Place, Attachment>> toDownload = new ArrayList<>();
    Set<String> keptAttachments = new LinkedHashSet<>();
    int attachmentCount = 0;
    for (Map.Entry<String, List<Attachment>> e : attachmentsOf.entrySet()) {
      Place p = places.get(e.getKey());
      for (Attachment a : e.getValue()) {
        attachmentCount++;
        String path = p.attachmentsDir() + ExportLayout.attachmentName(a.name());
        AttachmentEntry m = oldAttachments.get(a.id());
        keptAttachments.add(a.id());
        if (m != null
            && m.version() == a.version()
            && Files.isRegularFile(o.dir().resolve(m.path()))) {
          if (!m.path().equals(path)) {
            moves.add(move(m.path(), path));
          }
          attachmentsDone
              .computeIfAbsent(p.node().id(), k -> new ArrayList<>())
              .add(new AttachmentEntry(a.id(), a.name(), a.version(), path));
        } else {
          toDownload.add(Map.entry(p, a));
          if (m != null && !m.path().equals(path)) {
            toDelete.add(o.dir().resolve(m.path()));
          }
        }
      }
    }
    int attachmentsRemoved = 0;
    for (AttachmentEntry m : oldAttachments.values()) {
      if (!keptAttachments.contains(m.id())) {
        attachmentsRemoved++;
        toDelete.add(o.dir().resolve(m.path()));
      }
    }

    // ---- do it: park moves, delete, fetch, unpark, tidy, manifest
    Set<Path> emptied = new LinkedHashSet<>();
    ExportProgress progress =
        new ExportProgress(ctx.io(), ctx.clock(), toFetch.size(), toDownload.size());
    Map<String, String> pageTitles = new HashMap<>();
    places.values().forEach(p -> pageTitles.put(p.node().id(), p.node().title()));
    RuntimeException failure = null;
    AtomicInteger written = new AtomicInteger();
    AtomicInteger downloaded = new AtomicInteger();
    try (AtomicFiles files = new AtomicFiles()) {
      for (Move mv : moves) {
        rename(mv.from(), mv.parked());
        files.parked(mv.parked(), mv.from());
        emptied.add(mv.from().getParent());
      }
      try {
        for (Path p : toDelete) {
          delete(p, emptied);
        }
        for (Place p : places.values()) {
          if (p.folder()) {
            createDirectories(o.dir().resolve(p.file()));
          }
        }
        Page reuse = top != null && top.body() != null ? top : null;
        List<CompletableFuture<Runnable>> tasks = new ArrayList<>();
        for (Place p : toFetch) {
          CompletableFuture<Page> body = prefetched.remove(p.node().id());
          if (body == null) {
            body = CompletableFuture.supplyAsync(() -> fetch(p, reuse), io);
          }
          tasks.add(
              body.thenApply(
                  page -> {
                    if (page == null) {
                      progress.pageDone();
                      return null;
                    }
                    return () -> {
                      done.put(
                          p.node().id(),
                          writePage(files, p, page, attachmentsOf, newPathOfLink, spaceKey));
                      written.incrementAndGet();
                      progress.pageDone();
                    };
                  }));
        }
        for (Map.Entry<Place, Attachment> d : toDownload) {
          tasks.add(
              CompletableFuture.supplyAsync(
                  () -> {
                    Place p = d.getKey();
                    Attachment a = d.getValue();
                    String path = p.attachmentsDir() + ExportLayout.attachmentName(a.name());
                    download(files, a, o.dir().resolve(path));
                    attachmentsDone
                        .computeIfAbsent(
                            p.node().id(), k -> Collections.synchronizedList(new ArrayList<>()))
                        .add(new AttachmentEntry(a.id(), a.name(), a.version(), path));
                    downloaded.incrementAndGet();
                    progress.attachmentDone();
                    return (Runnable) null;
                  },
                  io));
        }
        runAll(tasks);
      } catch (RuntimeException e) {
        failure = e;
      } finally {
        progress.clear();
        for (Move mv : moves) {
          try {
            createDirectories(mv.to().getParent());
            rename(mv.parked(), mv.to());
            files.unparked(mv.parked());
          } catch (RuntimeException e) {
            failure = failure != null ? failure : e;
          }
        }
      }
      tidy(emptied);

      // ---- the manifest: what is on disk now, written last
      List<PageEntry> entries = new ArrayList<>();
      for (Place p : places.values()) {
        PageEntry e = done.get(p.node().id());
        if (e == null) {
          // Not written this time (a failure stopped it): keep what an earlier export wrote, if it
          // is still there, so the next export knows the file is conf's.
          PageEntry m = oldById.get(p.node().id());
          if (m != null && m.path().equals(p.file()) && Files.exists(o.dir().resolve(m.path()))) {
            entries.add(m);
          }
          continue;
        }
        List<AttachmentEntry> atts = attachmentsDone.get(p.node().id());
        if (atts != null) {
          atts = new ArrayList<>(atts);
          atts.sort(Comparator.comparing(AttachmentEntry::path));
        }
        entries.add(
            new PageEntry(
                e.id(), e.type(), e.title(), e.parentId(), e.version(), e.path(), e.links(), atts));
      }
      ExportManifest manifest =
          new ExportManifest(
              ExportManifest.VERSION,
              site,
              root,
              spaceKey,
              o.format(),
              o.withAttachments(),
              entries);
      files.write(o.dir().resolve(ExportManifest.FILE), manifest.toBytes());
    }
    if (failure != null) {
      throw failure;
    }
    int attachmentsNow = attachmentsDone.values().stream().mapToInt(List::size).sum();
    return new ExportSummary(
        o.dirAsGiven(),
        root,
        o.format(),
        places.size(),
        written.get(),
        unchanged,
        moved,
        removed,
        attachmentsNow,
        downloaded.get(),
        attachmentsRemoved);
  }

  private PageEntry entry(Place p, Integer version, List<String> links, Page page) {
    PageNode n = p.node();
    return new PageEntry(
        n.id(),
        p.folder() ? "folder" : "page",
        page != null ? page.title() : n.title(),
        n.parentId(),
        version,
        p.file(),
        links,
        null);
  }

  private Move move(String from, String to) {
    Path source = o.dir().resolve(from);
    Path parked =
        o.dir()
            .resolve(
                ".conf-export-move-"
                    + Integer.toHexString(from.hashCode())
                    + "-"
                    + System.nanoTime()
                    + ".part");
    return new Move(source, parked, o.dir().resolve(to));
  }

  /** Fetches one page with its body; null when it was deleted since the listing. */
  private Page fetch(Place p, Page reuse) {
    String id = p.node().id();
    return reuse != null && reuse.id().equals(id) ? reuse : fetchById(id);
  }

  private Page fetchById(String id) {
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
  private PageEntry writePage(
      AtomicFiles files,
      Place p,
      Page page,
      Map<String, List<Attachment>> attachmentsOf,
      Map<String, String> newPathOfLink,
      String spaceKey) {
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
      text = StorageToMarkdown.convert(body, options);
    } else {
      text = body;
    }
    files.write(o.dir().resolve(p.file()), text.getBytes(StandardCharsets.UTF_8));
    return entry(p, page.version(), links, null);
  }

  private void download(AtomicFiles files, Attachment a, Path target) {
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

  /**
   * Waits for the requests (already running on the request pool) and runs what each gives back
   * (converting and writing) on the CPU pool. The first failure stops the rest (the pools' threads
   * are interrupted, which ends their requests) and is the one reported.
   */
  private void runAll(List<CompletableFuture<Runnable>> tasks) {
    if (tasks.isEmpty()) {
      return;
    }
    CompletableFuture<Void> failed = new CompletableFuture<>();
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (CompletableFuture<Runnable> t : tasks) {
      CompletableFuture<Void> f =
          t.thenAcceptAsync(
              then -> {
                if (then != null) {
                  then.run();
                }
              },
              cpu);
      f.whenComplete(
          (v, e) -> {
            if (e != null) {
              failed.completeExceptionally(unwrap(e));
            }
          });
      all.add(f);
    }
    try {
      CompletableFuture.anyOf(
              CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)), failed)
          .get();
    } catch (ExecutionException e) {
      io.shutdownNow();
      cpu.shutdownNow();
      Throwable cause = unwrap(e);
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new ConfException(ExitCode.ERROR, String.valueOf(cause.getMessage()), cause);
    } catch (InterruptedException e) {
      io.shutdownNow();
      cpu.shutdownNow();
      Thread.currentThread().interrupt();
      throw new ConfException(ExitCode.ERROR, "interrupted; the export is incomplete", e);
    }
  }

  private void checkSameExport(ExportManifest old, String root, String site) {
    if (old != null && !(root.equals(old.root()) && site.equals(old.site()))) {
      throw ConfException.usage(
          o.dirAsGiven()
              + " holds an export of "
              + old.root()
              + " from "
              + old.site()
              + "; export "
              + root
              + " into another directory");
    }
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
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

  private static void rename(Path from, Path to) {
    try {
      AtomicMove.replace(from, to);
    } catch (IOException e) {
      throw new ConfException(
          ExitCode.ERROR, "cannot move " + from + " to " + to + ": " + e.getMessage(), e);
    }
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new ConfException(ExitCode.ERROR, "cannot create " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Deletes a file conf wrote (a folder only when empty); notes its directory for tidying. */
  private static void delete(Path p, Set<Path> emptied) {
    try {
      Files.deleteIfExists(p);
    } catch (DirectoryNotEmptyException e) {
      return;
    } catch (IOException e) {
      throw new ConfException(ExitCode.ERROR, "cannot remove " + p + ": " + e.getMessage(), e);
    }
    emptied.add(p.getParent());
  }

  /** Removes directories left empty by deletes and moves, up to (not including) the export's. */
  private void tidy(Set<Path> dirs) {
    Path top = o.dir().toAbsolutePath().normalize();
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
