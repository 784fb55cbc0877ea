package dev.conf.cli.publish;

import dev.conf.service.PublishRecord;
import dev.conf.service.PublishedPage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides what a publish does with each page, from the local pages and what the server holds. Pure:
 * no I/O, so every rule is tested without HTTP.
 *
 * <ul>
 *   <li>no page with the title under the root → create; one elsewhere in the space → skipped
 *   <li>a page conf did not publish → skipped, unless forced
 *   <li>a page whose version is not the one conf wrote (edited in Confluence) → skipped, unless
 *       forced; but when the current version's message is conf's own (the run that wrote it died
 *       before its record), → update
 *   <li>the record's hash equals the file's → unchanged (nothing is sent)
 *   <li>otherwise → update
 * </ul>
 *
 * <p>Pages under the root that carry conf's record but whose file is gone are {@link #orphans}:
 * with prune → delete (to the trash), unless edited in Confluence since (skipped, unless forced) or
 * they keep children conf does not remove (skipped); without prune → orphaned, a notice only.
 */
public final class Planner {
  private Planner() {}

  /** What happens to a page; its lower-case name is what output and JSON say. */
  public enum Action {
    CREATE,
    UPDATE,
    UNCHANGED,
    SKIPPED,
    /** A page whose file is gone, moved to the trash (with prune). */
    DELETE,
    /** A page whose file is gone, kept (without prune). */
    ORPHANED;

    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One decision.
   *
   * @param remote the page on the server it applies to (for SKIPPED: the page in the way), or null
   * @param reason why it was skipped or forced, or null
   * @param elsewhere the remote page is not under the root (a same-titled page in the way)
   */
  public record Step(
      LocalPage page, Action action, PublishedPage remote, String reason, boolean elsewhere) {
    Step(LocalPage page, Action action, PublishedPage remote, String reason) {
      this(page, action, remote, reason, false);
    }
  }

  /**
   * A page conf published whose file is gone, and what becomes of it: {@link Action#DELETE}, {@link
   * Action#ORPHANED} or {@link Action#SKIPPED}.
   *
   * @param remote the page; its record's path is the file that is gone
   * @param reason why it is kept (or deleted with --force, or only listed), or null
   */
  public record Orphan(PublishedPage remote, Action action, String reason) {
    public String path() {
      return remote.record().path();
    }
  }

  /**
   * The labels an update adds (the file lists them, the page lacks them) and removes (conf set them
   * earlier, the file no longer lists them, the page still has them). A label someone added in
   * Confluence was never in the record, so it stays.
   */
  public record Labels(List<String> add, List<String> remove) {}

  /** {@link Labels} for updating {@code remote} from {@code page}. */
  static Labels labels(LocalPage page, PublishedPage remote) {
    List<String> add = page.labels().stream().filter(l -> !remote.labels().contains(l)).toList();
    List<String> set = remote.record() == null ? List.of() : remote.record().labels();
    List<String> remove =
        set.stream()
            .filter(l -> !page.labels().contains(l) && remote.labels().contains(l))
            .toList();
    return new Labels(add, remove);
  }

  /**
   * The attachment names of the page's images whose hash differs from the one uploaded before.
   *
   * @param before attachment name to the hash conf's record holds for it (empty for a new page)
   */
  static List<String> imagesToUpload(LocalPage page, Map<String, String> before) {
    return page.images().keySet().stream()
        .filter(name -> !Objects.equals(before.get(name), page.imageHashes().get(name)))
        .toList();
  }

  /** The record a write leaves on the page: what the next run compares. */
  static PublishRecord record(LocalPage page, int version) {
    return new PublishRecord(page.hash(), version, page.path(), page.imageHashes(), page.labels());
  }

  /** A record that matches no file: the page is conf's, its images and labels not yet all there. */
  static PublishRecord pending(LocalPage page, int version) {
    return new PublishRecord(PublishRecord.PENDING, version, page.path(), Map.of());
  }

  static final String GONE = "its file is gone; --prune moves it to the trash";
  static final String HAS_CHILDREN = "has children conf does not remove";

  /**
   * The pages under the root whose file is gone: those with conf's record whose record path is no
   * local page's and whose title no local page claims (such a page is the plan's to update). The
   * root is never one. In deletion order: children before their parents.
   *
   * @param underRoot every page the content search found under the root
   * @param plan the plan of the local pages ({@link #plan}): a page it updates is moved out from
   *     under its old parent, so it does not keep that parent
   * @param prune delete them; otherwise they are only listed as orphaned
   * @param force delete those edited in Confluence since conf's record too
   */
  public static List<Orphan> orphans(
      List<LocalPage> pages,
      List<PublishedPage> underRoot,
      List<Step> plan,
      String rootId,
      boolean prune,
      boolean force) {
    Set<String> paths = new HashSet<>();
    Set<String> titles = new HashSet<>();
    for (LocalPage page : pages) {
      paths.add(page.path());
      titles.add(page.title());
    }
    Set<String> movedAway = new HashSet<>();
    for (Step s : plan) {
      if (s.action() == Action.UPDATE && s.remote() != null && !s.elsewhere()) {
        movedAway.add(s.remote().id());
      }
    }
    Map<String, PublishedPage> byId = new HashMap<>();
    Map<String, List<PublishedPage>> children = new HashMap<>();
    for (PublishedPage p : underRoot) {
      byId.put(p.id(), p);
      if (p.parentId() != null) {
        children.computeIfAbsent(p.parentId(), k -> new ArrayList<>()).add(p);
      }
    }
    List<PublishedPage> gone = new ArrayList<>();
    for (PublishedPage p : underRoot) {
      if (p.record() != null
          && !p.id().equals(rootId)
          && !paths.contains(p.record().path())
          && !titles.contains(p.title())) {
        gone.add(p);
      }
    }
    gone.sort(
        Comparator.comparingInt((PublishedPage p) -> -depth(p, byId, rootId))
            .thenComparing(p -> p.record().path()));
    Map<String, Orphan> out = new HashMap<>();
    for (PublishedPage p : gone) {
      out.put(p.id(), decide(p, prune, force));
    }
    keepParentsOfKept(gone, out, children, movedAway);
    return gone.stream().map(p -> out.get(p.id())).toList();
  }

  /**
   * A page kept keeps its parent: turns a deletion into SKIPPED while it has a child that stays
   * (neither deleted nor moved away by an update), until none has.
   */
  private static void keepParentsOfKept(
      List<PublishedPage> gone,
      Map<String, Orphan> out,
      Map<String, List<PublishedPage>> children,
      Set<String> movedAway) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (PublishedPage p : gone) {
        Orphan o = out.get(p.id());
        if (o.action() != Action.DELETE) {
          continue;
        }
        for (PublishedPage child : children.getOrDefault(p.id(), List.of())) {
          Orphan c = out.get(child.id());
          boolean leaves =
              (c != null && c.action() == Action.DELETE) || movedAway.contains(child.id());
          if (!leaves) {
            out.put(p.id(), new Orphan(p, Action.SKIPPED, HAS_CHILDREN));
            changed = true;
            break;
          }
        }
      }
    }
  }

  private static Orphan decide(PublishedPage p, boolean prune, boolean force) {
    if (!prune) {
      return new Orphan(p, Action.ORPHANED, GONE);
    }
    if (p.record().version() != p.version() && !p.currentVersionByConf()) {
      String edited =
          "edited in Confluence since v" + p.record().version() + " (now v" + p.version() + ")";
      return force
          ? new Orphan(p, Action.DELETE, edited + " (--force)")
          : new Orphan(p, Action.SKIPPED, edited);
    }
    return new Orphan(p, Action.DELETE, null);
  }

  /** How many parents a page has below the root, as far as the search shows them. */
  private static int depth(PublishedPage p, Map<String, PublishedPage> byId, String rootId) {
    int depth = 0;
    PublishedPage at = p;
    while (at != null && at.parentId() != null && !at.parentId().equals(rootId) && depth < 1000) {
      at = byId.get(at.parentId());
      depth++;
    }
    return depth;
  }

  /**
   * @param pages the local pages, parents first
   * @param underRoot pages under the root, by title
   * @param elsewhere pages with a local page's title that are in the space but not under the root
   * @param force overwrite pages edited in Confluence or not published by conf
   */
  public static List<Step> plan(
      List<LocalPage> pages,
      Map<String, PublishedPage> underRoot,
      Map<String, PublishedPage> elsewhere,
      boolean force) {
    List<Step> steps = new ArrayList<>();
    for (LocalPage page : pages) {
      steps.add(step(page, underRoot.get(page.title()), elsewhere.get(page.title()), force));
    }
    return steps;
  }

  static Step step(LocalPage page, PublishedPage remote, PublishedPage elsewhere, boolean force) {
    if (remote == null) {
      if (elsewhere != null) {
        return new Step(
            page,
            Action.SKIPPED,
            elsewhere,
            "a page with this title is elsewhere in the space (" + elsewhere.id() + ")",
            true);
      }
      return new Step(page, Action.CREATE, null, null);
    }
    if (remote.currentVersionByConf()
        && (remote.record() == null || remote.record().version() != remote.version())) {
      return new Step(
          page,
          Action.UPDATE,
          remote,
          "v" + remote.version() + " by conf, its record was not written");
    }
    if (remote.record() == null) {
      return force
          ? new Step(page, Action.UPDATE, remote, "not published by conf (--force)")
          : new Step(page, Action.SKIPPED, remote, "not published by conf");
    }
    if (remote.record().version() != remote.version()) {
      String edited =
          "edited in Confluence since v"
              + remote.record().version()
              + " (now v"
              + remote.version()
              + ")";
      return force
          ? new Step(page, Action.UPDATE, remote, edited + " (--force)")
          : new Step(page, Action.SKIPPED, remote, edited);
    }
    if (remote.record().hash().equals(page.hash())) {
      return new Step(page, Action.UNCHANGED, remote, null);
    }
    return new Step(page, Action.UPDATE, remote, null);
  }
}
