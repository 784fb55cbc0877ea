package dev.conf.cli.page;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.JsonOptions;
import dev.conf.cli.content.PageResolver;
import dev.conf.cli.content.Trash;
import dev.conf.cli.content.VersionedSave;
import dev.conf.error.ConfException;
import dev.conf.output.JsonFields;
import dev.conf.service.BodyFormat;
import dev.conf.service.ContentType;
import dev.conf.service.Page;
import dev.conf.service.PageUpdate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code conf page restore}: a new version with an older version's title and body, or, without
 * {@code --version}, a page back from the trash.
 */
@Access(Access.Kind.WRITES)
@Examples({
  "conf page restore DOCS:Runbook --version 7",
  "conf page restore 12345 --version 3 -m \"back to the reviewed text\"",
  "conf page restore 12345"
})
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Save a new version of a page with the title and body of an older version; without "
          + "--version, bring a page back from the trash.",
      "",
      "Nothing is lost: the versions in between stay in the history. The new version is based "
          + "on the current one read; if the page changed in between, nothing is overwritten and "
          + "conf exits 5 naming both versions. Restoring a version that equals the current one "
          + "sends nothing.",
      "",
      "A page in the trash (conf page list --status trashed) is restored as it was, under its "
          + "old parent, by its id or URL; a page not in the trash needs --version (exit 2)."
    })
public final class PageRestoreCommand implements Callable<Integer>, JsonOptions.Fielded {
  private final CommandContext ctx;

  @Parameters(
      index = "0",
      paramLabel = "PAGE",
      description = "An id, SPACEKEY:Title, or the URL from the browser.")
  String target;

  @Option(
      names = "--version",
      paramLabel = "N",
      description =
          "The version to restore (see `conf page history`). Without it: the page in the trash.")
  Integer version;

  @Option(
      names = {"-m", "--message"},
      paramLabel = "M",
      description = "With --version: the version message (default: \"Restored version N\").")
  String message;

  @Mixin JsonOptions json;

  PageRestoreCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public JsonFields jsonFields() {
    return JsonFields.of(Page.class);
  }

  @Override
  public Integer call() {
    if (version != null && version < 1) {
      throw ConfException.usage("--version must be 1 or more, not " + version);
    }
    String id = new PageResolver(ctx).id(ContentType.PAGE, target);
    Page current = ctx.service().pages().getPage(ContentType.PAGE, id, BodyFormat.STORAGE, null);
    if (version == null) {
      return fromTrash(current);
    }
    if (current.trashed()) {
      throw ConfException.usage(
          "page "
              + id
              + " is in the trash: bring it back first (conf page restore "
              + id
              + "), then restore version "
              + version);
    }
    if (version > current.version()) {
      throw ConfException.usage(
          "page "
              + id
              + " is at version "
              + current.version()
              + ": there is no version "
              + version);
    }
    Page old =
        version == current.version()
            ? current
            : ctx.service().pages().getPage(ContentType.PAGE, id, BodyFormat.STORAGE, version);
    PageUpdate update =
        new PageUpdate(
            current,
            old.title(),
            old.body(),
            message != null ? message : "Restored version " + version,
            false);
    if (VersionedSave.changesNothing(update)) {
      ctx.io()
          .err()
          .println(
              "No changes: page '"
                  + current.title()
                  + "' ("
                  + id
                  + ") at version "
                  + current.version()
                  + " already has the title and body of version "
                  + version
                  + "; nothing was sent.");
      return 0;
    }
    Page updated = VersionedSave.save(ctx, ContentType.PAGE, update, null);
    return VersionedSave.report(ctx, json, ContentType.PAGE, updated);
  }

  /** Without --version: the page back from the trash, or exit 2 when it is not there. */
  private int fromTrash(Page page) {
    return Trash.restore(
        ctx,
        json,
        ContentType.PAGE,
        page,
        "give --version N to restore an older version (see conf page history " + page.id() + ")");
  }
}
