package dev.conf.cli.content;

import dev.conf.cli.CommandContext;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.service.BodyFormat;
import dev.conf.service.ContentType;
import dev.conf.service.Page;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code conf page delete} and {@code conf blog delete}: asks first on a terminal. */
public abstract class DeleteContent implements Callable<Integer> {
  protected final CommandContext ctx;

  @Parameters(
      paramLabel = "PAGE",
      description = "An id, SPACEKEY:Title, or the URL from the browser.")
  String target;

  @Option(names = "--purge", description = "Also remove it from the trash, for good.")
  boolean purge;

  @Option(
      names = {"-y", "--yes"},
      description = "Do not ask; required when stdin is not a terminal.")
  boolean yes;

  protected DeleteContent(CommandContext ctx) {
    this.ctx = ctx;
  }

  protected abstract ContentType type();

  @Override
  public Integer call() {
    String noun = type().noun();
    if (!yes && !ctx.io().isStdinTty()) {
      throw ConfException.usage(
          "refusing to delete without --yes: stdin is not a terminal to ask on");
    }
    PageResolver resolver = new PageResolver(ctx);
    String id = resolver.id(type(), resolver.parse(target));
    String name = id;
    // Read first to ask, and for a purge to know whether it is in the trash already (which also
    // finds content there that a trash-first delete would call not found).
    Page page = null;
    if (!yes || purge) {
      page = ctx.service().pages().getPage(type(), id, BodyFormat.STORAGE, null);
      name = "'" + page.title() + "' (" + id + ")";
    }
    if (page != null && page.trashed() && !purge) {
      return alreadyTrashed(name);
    }
    if (!yes) {
      String answer =
          ctx.io()
              .prompt(
                  (purge ? "Delete " : "Move ")
                      + noun
                      + " "
                      + name
                      + (page.trashed() ? " from the trash" : "")
                      + (purge ? " for good" : " to the trash")
                      + "? [y/N] ");
      String a = answer.toLowerCase(Locale.ROOT);
      if (!a.equals("y") && !a.equals("yes")) {
        throw new ConfException(ExitCode.ERROR, "cancelled: nothing was deleted");
      }
    }
    if (page != null && page.trashed()) {
      ctx.service().pages().purgePage(type(), id);
    } else {
      try {
        ctx.service().pages().deletePage(type(), id, purge);
      } catch (ConfException e) {
        if (page == null && e.exitCode() == ExitCode.NOT_FOUND) {
          // Not found as current content: perhaps it is in the trash already.
          Page again = ctx.service().pages().getPage(type(), id, BodyFormat.STORAGE, null);
          if (again.trashed()) {
            return alreadyTrashed("'" + again.title() + "' (" + id + ")");
          }
        }
        throw e;
      }
    }
    ctx.io()
        .err()
        .println(
            (purge ? "Deleted " : "Moved to the trash: ")
                + noun
                + " "
                + name
                + (purge ? " for good." : "."));
    return 0;
  }

  /** A delete without --purge of content in the trash: the state asked for already holds. */
  private int alreadyTrashed(String name) {
    ctx.io()
        .err()
        .println(
            Trash.capitalized(type().noun())
                + " "
                + name
                + " is already in the trash; nothing changed (--purge deletes it for good).");
    return 0;
  }
}
