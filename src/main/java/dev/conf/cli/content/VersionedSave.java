package dev.conf.cli.content;

import dev.conf.cli.CommandContext;
import dev.conf.cli.JsonOptions;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.service.BodyFormat;
import dev.conf.service.ContentType;
import dev.conf.service.Page;
import dev.conf.service.PageUpdate;
import java.util.List;

/**
 * Saving a new version the way {@code page update} does, for the commands that compute the body
 * themselves ({@code page restore}, {@code page edit}, {@code page append}, {@code page update
 * --section}): based on the version read, and when the server answers that someone saved in
 * between, nothing overwritten and exit 5 naming both versions.
 */
public final class VersionedSave {
  private VersionedSave() {}

  /** True when the update would save the title and body the page already has. */
  public static boolean changesNothing(PageUpdate update) {
    return java.util.Objects.equals(update.title(), update.current().title())
        && UpdatePlan.same(update.storageBody(), update.current().body());
  }

  /**
   * Saves {@code update}; on the server's conflict, exit 5 with the versions and {@code kept}
   * appended to the message (where the user's text was kept), or null.
   */
  public static Page save(CommandContext ctx, ContentType type, PageUpdate update, String kept) {
    try {
      return ctx.service().pages().updatePage(type, update);
    } catch (ConfException e) {
      if (e.exitCode() != ExitCode.CONFLICT) {
        throw e;
      }
      Page current = update.current();
      String latest;
      try {
        latest =
            String.valueOf(
                ctx.service()
                    .pages()
                    .getPage(type, current.id(), BodyFormat.STORAGE, null)
                    .version());
      } catch (ConfException again) {
        latest = "a newer one than " + current.version();
      }
      String message =
          UpdatePlan.of(type, current.id(), current, null, null, List.of()).conflict(latest);
      if (kept != null) {
        message = message.replace(". Fetch it again", "; " + kept + ". Fetch it again");
      }
      throw new ConfException(ExitCode.CONFLICT, message, e);
    }
  }

  /** "Updated page 'T' (42) to version 8." on stderr and the URL on stdout, or the JSON. */
  public static int report(CommandContext ctx, JsonOptions json, ContentType type, Page updated) {
    if (json.enabled()) {
      json.print(ctx.io(), updated);
      return 0;
    }
    ctx.io()
        .err()
        .println(
            "Updated "
                + type.noun()
                + " '"
                + updated.title()
                + "' ("
                + updated.id()
                + ") to version "
                + updated.version()
                + ".");
    ctx.io().out().println(updated.url() != null ? updated.url() : updated.id());
    ctx.io().out().flush();
    return 0;
  }
}
