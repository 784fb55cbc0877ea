package dev.conf.cli.export;

import dev.conf.cli.CommandContext;
import dev.conf.cli.content.ContentAddress;
import dev.conf.cli.content.PageResolver;
import dev.conf.cli.export.ExportLayout.Place;
import dev.conf.cli.export.ExportManifest.AttachmentEntry;
import dev.conf.cli.export.ExportManifest.PageEntry;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.service.Attachment;
import dev.conf.service.BodyFormat;
import dev.conf.service.ContentType;
import dev.conf.service.Page;
import dev.conf.service.PageNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * Builds an {@link ExportPlan}: reads the previous manifest, lists the tree (asking for bodies that
 * will be needed while the listing goes on), finds versions and attachments, and compares.
 */
final class ExportPlanner {
  private final CommandContext ctx;
  private final Exporter.Options o;
  private final ExecutorService io;
  private final Function<String, Page> fetchById;
  private final ExportPlan plan = new ExportPlan();

  ExportPlanner(
      CommandContext ctx, Exporter.Options o, ExecutorService io, Function<String, Page> fetch) {
    this.ctx = ctx;
    this.o = o;
    this.io = io;
    this.fetchById = fetch;
  }

  ExportPlan plan() {
    plan.old = ExportManifest.read(o.dir());
    plan.site = ctx.connection().site().displayUrl();
    if (plan.old != null) {
      plan.old.pages().forEach(e -> plan.oldById.put(e.id(), e));
    }
    // Files of an earlier export can stay when they were written the same way: same format, front
    // matter, and images linked to attachment files if this export links them (an export without
    // --with-attachments keeps the files an earlier one downloaded, and the links to them).
    plan.sameShape =
        plan.old != null
            && o.format().equals(plan.old.format())
            && (!o.markdown() || Boolean.TRUE.equals(plan.old.frontMatter()))
            && (plan.old.withAttachments() || !o.withAttachments());
    List<PageNode> nodes = o.spaceKey() != null ? listSpace() : listPage();
    plan.places = ExportLayout.plan(nodes, o.ext());
    Map<String, Integer> versions = versions();
    findAttachments();
    for (Place p : plan.places.values()) {
      if (!p.folder()) {
        plan.newPathOfLink.put(Exporter.linkKey(plan.spaceKey, p.node().title()), p.file());
      }
    }
    decidePages(versions);
    decideAttachments();
    return plan;
  }

  private List<PageNode> listSpace() {
    plan.root = o.spaceKey();
    plan.spaceKey = o.spaceKey();
    checkSameExport();
    // A page whose listed version differs from the manifest's (or that is new) needs its body
    // whatever the rest of the tree looks like: ask for it now, while the listing goes on.
    return new ArrayList<>(
        ctx.service()
            .pages()
            .spacePageTree(
                plan.spaceKey,
                n -> {
                  if ("page".equals(n.type()) && n.version() != null && stale(n)) {
                    plan.prefetched.put(
                        n.id(), CompletableFuture.supplyAsync(() -> fetchById.apply(n.id()), io));
                  }
                }));
  }

  private boolean stale(PageNode n) {
    PageEntry m = plan.oldById.get(n.id());
    return !plan.sameShape
        || m == null
        || m.version() == null
        || !m.version().equals(n.version())
        || !Files.isRegularFile(o.dir().resolve(m.path()));
  }

  private List<PageNode> listPage() {
    ContentAddress ref = new PageResolver(ctx).parse(o.page());
    Page top =
        ref.byTitle()
            ? new PageResolver(ctx).findByTitle(ContentType.PAGE, ref.spaceKey(), ref.title())
            : ctx.service().pages().getPage(ContentType.PAGE, ref.id(), BodyFormat.STORAGE, null);
    plan.top = top.body() != null ? top : null;
    plan.root = top.id();
    plan.spaceKey = top.spaceKey() != null ? top.spaceKey() : ref.spaceKey();
    checkSameExport();
    List<PageNode> nodes = new ArrayList<>();
    nodes.add(new PageNode(top.id(), top.title(), "page", null, null, top.version()));
    nodes.addAll(ctx.service().pages().descendants(top.id(), Integer.MAX_VALUE));
    return nodes;
  }

  /** Versions from the listing, else (only when there is something to compare) by id. */
  private Map<String, Integer> versions() {
    Map<String, Integer> versions = new HashMap<>();
    List<String> unknown = new ArrayList<>();
    for (Place p : plan.places.values()) {
      if (p.folder()) {
        continue;
      }
      if (p.node().version() != null) {
        versions.put(p.node().id(), p.node().version());
      } else if (plan.oldById.containsKey(p.node().id())) {
        unknown.add(p.node().id());
      }
    }
    if (!unknown.isEmpty()) {
      versions.putAll(ctx.service().pages().pageVersionsById(unknown));
    }
    return versions;
  }

  /** The attachments of the exported pages: one search for the space. */
  private void findAttachments() {
    if (!o.withAttachments()) {
      return;
    }
    if (plan.spaceKey == null) {
      throw new ConfException(
          ExitCode.ERROR, "the server did not say which space page " + plan.root + " is in");
    }
    for (Attachment a : ctx.service().items().attachmentsInSpace(plan.spaceKey)) {
      Place p = plan.places.get(a.pageId());
      if (p != null && !p.folder()) {
        plan.attachmentsOf.computeIfAbsent(a.pageId(), k -> new ArrayList<>()).add(a);
      }
    }
  }

  private void decidePages(Map<String, Integer> versions) {
    Map<String, String> oldPathOfLink = new HashMap<>();
    if (plan.old != null) {
      for (PageEntry e : plan.old.pages()) {
        if ("page".equals(e.type())) {
          oldPathOfLink.put(Exporter.linkKey(plan.old.spaceKey(), e.title()), e.path());
        }
      }
    }
    for (Place p : plan.places.values()) {
      PageEntry m = plan.oldById.get(p.node().id());
      if (p.folder()) {
        plan.done.put(p.node().id(), Exporter.entry(p, null, null));
        if (m != null && !m.path().equals(p.file())) {
          plan.toDelete.add(o.dir().resolve(m.path()));
        }
      } else if (!keep(p, m, versions.get(p.node().id()), oldPathOfLink)) {
        plan.toFetch.add(p);
        if (m != null && !m.path().equals(p.file()) && !m.path().endsWith("/")) {
          plan.toDelete.add(o.dir().resolve(m.path()));
        }
      }
    }
    for (PageEntry m : plan.oldById.values()) {
      if (!plan.places.containsKey(m.id())) {
        plan.removed++;
        plan.toDelete.add(o.dir().resolve(m.path()));
      }
    }
  }

  /** Whether the file the last export wrote can stay (perhaps moved); records it if so. */
  private boolean keep(Place p, PageEntry m, Integer version, Map<String, String> oldPathOfLink) {
    boolean current =
        plan.sameShape
            && m != null
            && "page".equals(m.type())
            && m.version() != null
            && m.version().equals(version)
            && (!o.markdown() || Objects.equals(m.title(), p.node().title()))
            && Files.isRegularFile(o.dir().resolve(m.path()));
    // (A Markdown file's front matter holds the title: a renamed page is written again.)
    if (!current) {
      return false;
    }
    boolean relocated = !m.path().equals(p.file());
    List<String> links = m.links() == null ? List.of() : m.links();
    boolean hasAttachments = m.attachments() != null && !m.attachments().isEmpty();
    if (relocated && (!links.isEmpty() || hasAttachments)) {
      // Its relative links would change with it: write it again.
      return false;
    }
    if (!relocated
        && !links.stream()
            .allMatch(k -> Objects.equals(oldPathOfLink.get(k), plan.newPathOfLink.get(k)))) {
      // A page it links to was added, moved or removed.
      return false;
    }
    plan.unchanged++;
    if (relocated) {
      plan.moved++;
      plan.moves.add(move(m.path(), p.file()));
    }
    plan.done.put(p.node().id(), Exporter.entry(p, m.version(), links));
    return true;
  }

  private void decideAttachments() {
    if (!o.withAttachments()) {
      keepAttachments();
      return;
    }
    Map<String, AttachmentEntry> oldAttachments = new HashMap<>();
    for (PageEntry e : plan.oldById.values()) {
      if (e.attachments() != null) {
        e.attachments().forEach(a -> oldAttachments.put(a.id(), a));
      }
    }
    Set<String> kept = new LinkedHashSet<>();
    for (Map.Entry<String, List<Attachment>> e : plan.attachmentsOf.entrySet()) {
      Place p = plan.places.get(e.getKey());
      for (Attachment a : e.getValue()) {
        String path = p.attachmentsDir() + ExportLayout.attachmentName(a.name());
        AttachmentEntry m = oldAttachments.get(a.id());
        kept.add(a.id());
        if (m != null
            && m.version() == a.version()
            && Files.isRegularFile(o.dir().resolve(m.path()))) {
          if (!m.path().equals(path)) {
            plan.moves.add(move(m.path(), path));
          }
          plan.attachmentsDone
              .computeIfAbsent(p.node().id(), k -> new ArrayList<>())
              .add(new AttachmentEntry(a.id(), a.name(), a.version(), path));
        } else {
          plan.toDownload.add(new ExportPlan.Download(p, a, path));
          if (m != null && !m.path().equals(path)) {
            plan.toDelete.add(o.dir().resolve(m.path()));
          }
        }
      }
    }
    for (AttachmentEntry m : oldAttachments.values()) {
      if (!kept.contains(m.id())) {
        plan.attachmentsRemoved++;
        plan.toDelete.add(o.dir().resolve(m.path()));
      }
    }
  }

  /**
   * Without --with-attachments the server's attachments are not listed, so the files an earlier
   * export downloaded are neither refreshed nor taken for stale: they stay, follow their page if it
   * moved, and stay in the manifest. Only those of pages deleted on the server go.
   */
  private void keepAttachments() {
    for (PageEntry e : plan.oldById.values()) {
      if (e.attachments() == null || e.attachments().isEmpty()) {
        continue;
      }
      Place p = plan.places.get(e.id());
      for (AttachmentEntry m : e.attachments()) {
        if (p == null || p.folder()) {
          plan.attachmentsRemoved++;
          plan.toDelete.add(o.dir().resolve(m.path()));
          continue;
        }
        if (!Files.isRegularFile(o.dir().resolve(m.path()))) {
          continue;
        }
        String path = p.attachmentsDir() + ExportLayout.attachmentName(m.name());
        if (!m.path().equals(path)) {
          plan.moves.add(move(m.path(), path));
        }
        plan.attachmentsDone
            .computeIfAbsent(p.node().id(), k -> new ArrayList<>())
            .add(new AttachmentEntry(m.id(), m.name(), m.version(), path));
        plan.keptAttachmentNames
            .computeIfAbsent(p.node().id(), k -> new java.util.HashSet<>())
            .add(m.name());
        plan.keepsAttachments = true;
      }
    }
  }

  private ExportPlan.Move move(String from, String to) {
    Path source = o.dir().resolve(from);
    Path parked =
        o.dir()
            .resolve(
                AtomicFiles.MOVE_PREFIX
                    + Integer.toHexString(from.hashCode())
                    + "-"
                    + System.nanoTime()
                    + ".part");
    return new ExportPlan.Move(source, parked, o.dir().resolve(to));
  }

  private void checkSameExport() {
    ExportManifest old = plan.old;
    if (old != null && !(plan.root.equals(old.root()) && plan.site.equals(old.site()))) {
      throw ConfException.usage(
          o.dirAsGiven()
              + " holds an export of "
              + old.root()
              + " from "
              + old.site()
              + "; export "
              + plan.root
              + " into another directory");
    }
  }
}
