package dev.conf.cli.publish;

import dev.conf.service.PublishedPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 */
public final class Planner {
  private Planner() {}

  /** What happens to a page; its lower-case name is what output and JSON say. */
  public enum Action {
    CREATE,
    UPDATE,
    UNCHANGED,
    SKIPPED;

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
