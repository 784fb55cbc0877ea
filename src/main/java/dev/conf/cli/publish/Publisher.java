package dev.conf.cli.publish;

import dev.conf.cli.publish.PublishCommand.Outcome;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.output.Io;
import dev.conf.service.ConfluenceService;
import dev.conf.service.ContentType;
import dev.conf.service.NewPage;
import dev.conf.service.Page;
import dev.conf.service.PageUpdate;
import dev.conf.service.PublishedPage;
import dev.conf.service.Transfer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Carries out a publish's plan ({@link Planner} decided it): creates and updates parents first,
 * then trashes the orphans children first. Every decision that needs no answer from the server is
 * the planner's; what is left here is what depends on the writes: the ids pages get, a conflict
 * while writing, a child whose update was refused after all.
 */
final class Publisher {
  private final ConfluenceService service;
  private final Io io;
  private final String spaceKey;
  private final String rootId;

  /** Local path to the page id it was published as, for its children's parent. */
  private final Map<String, String> ids = new HashMap<>();

  /** The pages updated: each is now under its file's parent, not its old one. */
  private final Set<String> moved = new HashSet<>();

  Publisher(ConfluenceService service, Io io, String spaceKey, String rootId) {
    this.service = service;
    this.io = io;
    this.spaceKey = spaceKey;
    this.rootId = rootId;
  }

  /** Writes the plan, in its order (parents first), and says what became of each page. */
  List<Outcome> carryOut(List<Planner.Step> plan) {
    List<Outcome> out = new ArrayList<>();
    for (Planner.Step s : plan) {
      out.add(carryOut(s));
    }
    return out;
  }

  private Outcome carryOut(Planner.Step s) {
    LocalPage page = s.page();
    PublishedPage remote = s.remote();
    if (s.action() == Planner.Action.SKIPPED || s.action() == Planner.Action.UNCHANGED) {
      if (remote != null && !s.elsewhere()) {
        ids.put(page.path(), remote.id()); // its children still go under it
      }
      return outcome(page, s.action(), remote, s.reason());
    }
    String parentId = page.parentPath() == null ? rootId : ids.get(page.parentPath());
    if (parentId == null && page.parentPath() != null) {
      return outcome(
          page,
          Planner.Action.SKIPPED,
          remote,
          "its parent " + page.parentPath() + " was not published");
    }
    return s.action() == Planner.Action.CREATE ? create(page, parentId) : update(s, parentId);
  }

  private Outcome create(LocalPage page, String parentId) {
    Page created =
        service
            .pages()
            .createPage(
                ContentType.PAGE, new NewPage(spaceKey, page.title(), parentId, page.storage()));
    int version = created.version() > 0 ? created.version() : 1;
    PublishedPage mine =
        new PublishedPage(
            created.id(),
            page.title(),
            spaceKey,
            version,
            null,
            parentId,
            List.of(),
            null,
            null,
            0);
    if (!page.images().isEmpty() || !page.labels().isEmpty()) {
      // Claim the page at once: should the uploads or labels below fail, the next run finds
      // conf's (unfinished) record and completes the page instead of skipping it as foreign.
      mine = service.recordPublish(created.id(), Planner.pending(page, version), mine);
    }
    upload(created.id(), page, Map.of());
    if (!page.labels().isEmpty()) {
      service.items().addLabels(created.id(), page.labels());
    }
    service.recordPublish(created.id(), Planner.record(page, version), mine);
    ids.put(page.path(), created.id());
    io.err().println("Created '" + page.title() + "' (" + created.id() + ").");
    return new Outcome(page.path(), page.title(), "create", created.id(), version, null);
  }

  private Outcome update(Planner.Step s, String parentId) {
    LocalPage page = s.page();
    PublishedPage remote = s.remote();
    ids.put(page.path(), remote.id());
    Page updated;
    try {
      updated =
          service
              .pages()
              .updatePage(
                  ContentType.PAGE,
                  new PageUpdate(
                      current(remote),
                      page.title(),
                      page.storage(),
                      PublishedPage.CONF_MESSAGE + page.path(),
                      false,
                      parentId));
    } catch (ConfException e) {
      if (e.exitCode() != ExitCode.CONFLICT) {
        throw e;
      }
      return outcome(
          page,
          Planner.Action.SKIPPED,
          remote,
          "changed in Confluence while publishing (v" + remote.version() + " was read)");
    }
    moved.add(remote.id());
    upload(remote.id(), page, remote.record() == null ? Map.of() : remote.record().attachments());
    Planner.Labels labels = Planner.labels(page, remote);
    if (!labels.add().isEmpty()) {
      service.items().addLabels(remote.id(), labels.add());
    }
    for (String label : labels.remove()) {
      service.items().removeLabel(remote.id(), label);
    }
    int version = updated.version() > 0 ? updated.version() : remote.version() + 1;
    service.recordPublish(remote.id(), Planner.record(page, version), remote);
    io.err()
        .println(
            "Updated '" + page.title() + "' (" + remote.id() + ") to version " + version + ".");
    return new Outcome(page.path(), page.title(), "update", remote.id(), version, s.reason());
  }

  /** The page as the content search read it: what the update's version check is based on. */
  private static Page current(PublishedPage remote) {
    return new Page(
        remote.id(),
        "page",
        remote.title(),
        "current",
        null,
        remote.spaceKey(),
        remote.parentId(),
        remote.version(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /**
   * Moves the orphans the planner deletes to the trash, children first, after every create and
   * update. A child whose update was refused after all keeps its parent, which is then skipped.
   */
  List<Outcome> prune(List<PublishedPage> state, List<Planner.Orphan> orphans) {
    Map<String, List<String>> children = new HashMap<>();
    for (PublishedPage p : state) {
      if (p.parentId() != null) {
        children.computeIfAbsent(p.parentId(), k -> new ArrayList<>()).add(p.id());
      }
    }
    Set<String> trashed = new HashSet<>();
    List<Outcome> out = new ArrayList<>();
    for (Planner.Orphan o : orphans) {
      if (o.action() != Planner.Action.DELETE) {
        out.add(outcome(o, o.action(), o.reason()));
        continue;
      }
      PublishedPage page = o.remote();
      boolean kept =
          children.getOrDefault(page.id(), List.of()).stream()
              .anyMatch(c -> !trashed.contains(c) && !moved.contains(c));
      if (kept) {
        out.add(outcome(o, Planner.Action.SKIPPED, Planner.HAS_CHILDREN));
        continue;
      }
      out.add(outcome(o, Planner.Action.DELETE, trash(page, o.reason())));
      trashed.add(page.id());
    }
    return out;
  }

  /** Moves the page to the trash; the outcome's reason. */
  private String trash(PublishedPage page, String reason) {
    try {
      service.pages().deletePage(ContentType.PAGE, page.id(), false);
      io.err().println("Moved '" + page.title() + "' (" + page.id() + ") to the trash.");
      return reason;
    } catch (ConfException e) {
      if (e.exitCode() != ExitCode.NOT_FOUND) {
        throw e;
      }
      return "already gone"; // trashed by someone else since the search: what was wanted
    }
  }

  static Outcome outcome(Planner.Orphan o, Planner.Action action, String reason) {
    return new Outcome(
        o.path(), o.remote().title(), action.word(), o.remote().id(), o.remote().version(), reason);
  }

  static Outcome outcome(
      LocalPage page, Planner.Action action, PublishedPage remote, String reason) {
    return new Outcome(
        page.path(),
        page.title(),
        action.word(),
        remote == null ? null : remote.id(),
        remote == null ? null : remote.version(),
        reason);
  }

  /** Uploads the page's images whose content differs from what was uploaded before. */
  private void upload(String pageId, LocalPage page, Map<String, String> before) {
    for (String name : Planner.imagesToUpload(page, before)) {
      service
          .items()
          .uploadAttachment(
              ContentType.PAGE, pageId, page.images().get(name), name, null, true, Transfer.NONE);
    }
  }
}
