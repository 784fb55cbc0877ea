package dev.conf.cli.content;

import dev.conf.cli.CommandContext;
import dev.conf.cli.JsonOptions;
import dev.conf.error.ConfException;
import dev.conf.service.ContentType;
import dev.conf.service.Page;

/**
 * Pages and blog posts in the trash, as {@code view}, {@code restore} and {@code delete --purge}
 * meet them: what stderr says, and the restore itself.
 */
public final class Trash {
  private Trash() {}

  /** What stderr says about content in the trash: that it is, and how to restore or purge it. */
  public static String note(ContentType type, Page page) {
    String cmd = type == ContentType.PAGE ? "page" : "blog";
    return capitalized(type.noun())
        + " "
        + page.id()
        + " is in the trash: `conf "
        + cmd
        + " restore "
        + page.id()
        + "` brings it back, `conf "
        + cmd
        + " delete "
        + page.id()
        + " --purge` deletes it for good.";
  }

  /**
   * Brings {@code page} (as just read) back from the trash and reports it as an update does: a line
   * on stderr and its URL on stdout, or with --json the page. Exit 2 when it is not in the trash.
   *
   * @param otherwise what a user who did not mean the trash should do instead, or null
   */
  public static int restore(
      CommandContext ctx, JsonOptions json, ContentType type, Page page, String otherwise) {
    if (!page.trashed()) {
      throw ConfException.usage(
          type.noun()
              + " "
              + page.id()
              + " is not in the trash"
              + (page.status() == null || page.status().equals("current")
                  ? ""
                  : " (its status is " + page.status() + ")")
              + (otherwise == null ? "" : ": " + otherwise));
    }
    Page restored = ctx.service().pages().restoreFromTrash(type, page);
    if (json.enabled()) {
      json.print(ctx.io(), restored);
      return 0;
    }
    ctx.io()
        .err()
        .println(
            "Restored "
                + type.noun()
                + " '"
                + restored.title()
                + "' ("
                + restored.id()
                + ") from the trash as version "
                + restored.version()
                + ".");
    ctx.io().out().println(restored.url() != null ? restored.url() : restored.id());
    ctx.io().out().flush();
    return 0;
  }

  static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
