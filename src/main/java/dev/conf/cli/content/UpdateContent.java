package dev.conf.cli.content;

import dev.conf.cli.CommandContext;
import dev.conf.cli.JsonOptions;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.output.JsonFields;
import dev.conf.service.BodyFormat;
import dev.conf.service.ContentType;
import dev.conf.service.Page;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code conf page update} and {@code conf blog update}: a new version based on the one read. If
 * the page changed in between nothing is overwritten (exit 5); an update that changes nothing sends
 * nothing.
 */
public abstract class UpdateContent implements Callable<Integer>, JsonOptions.Fielded {
  protected final CommandContext ctx;

  @Parameters(
      index = "0",
      paramLabel = "PAGE",
      description = "An id, SPACEKEY:Title, or the URL from the browser.")
  String target;

  @Option(names = "--title", paramLabel = "T", description = "A new title.")
  String title;

  @Mixin BodyInput input;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "The body's format: storage (Confluence XHTML) or markdown. Default: markdown for .md"
              + " and .markdown files, storage otherwise.")
  String format;

  @Option(
      names = {"-m", "--message"},
      paramLabel = "M",
      description = "The version message.")
  String message;

  @Option(
      names = "--minor",
      description =
          "A minor edit: watchers are not notified (Data Center; Cloud's API has no such flag).")
  boolean minor;

  @Option(
      names = "--if-version",
      paramLabel = "N",
      description = "Only if the current version is N; otherwise exit 5 and change nothing.")
  Integer ifVersion;

  @Option(
      names = "--allow-empty",
      description =
          "Accept an empty body (otherwise refused: an empty pipe must not blank a page).")
  boolean allowEmpty;

  @Option(
      names = "--section",
      paramLabel = "HEADING",
      description =
          "Replace only the content under this heading (up to the next heading of the same or a"
              + " higher level); everything else on the page stays byte for byte.")
  String section;

  @Option(
      names = "--dry-run",
      description = "Print the change as a diff of the storage body and send nothing.")
  boolean dryRun;

  @Mixin JsonOptions json;

  protected UpdateContent(CommandContext ctx) {
    this.ctx = ctx;
  }

  protected abstract ContentType type();

  @Override
  public JsonFields jsonFields() {
    return JsonFields.of(Page.class);
  }

  @Override
  public Integer call() {
    // Everything that can fail locally fails before the first request.
    BodySource.Body read = BodySource.readBody(ctx.io(), input.file(), format, ctx.codeLanguage());
    String body = read == null ? null : read.storage();
    List<LocalImages.Image> images = read == null ? List.of() : read.images();
    UpdatePlan.checkInput(body, title, allowEmpty);
    if (section != null && body == null) {
      throw ConfException.usage(
          "--section needs the section's new content: give --file F or - (stdin)");
    }
    PageResolver resolver = new PageResolver(ctx);
    ContentAddress ref = resolver.parse(target);
    String id = resolver.id(type(), ref);

    Page current = ctx.service().pages().getPage(type(), id, BodyFormat.STORAGE, null);
    UpdatePlan.checkVersion(type(), id, current, ifVersion);
    if (body != null) {
      body = edit(current, body);
    }
    if (dryRun) {
      return BodyEdits.printDiff(ctx, type(), current, title, body);
    }
    // The images go up before the page is saved, so that it never shows one missing; only after
    // the version check above, so that a known conflict leaves no new attachment versions behind.
    List<LocalImages.Image> upload =
        images.isEmpty()
            ? List.of()
            : PageImages.changed(
                images, ctx.service().items().attachments(type(), id, Long.MAX_VALUE));
    UpdatePlan plan = UpdatePlan.of(type(), id, current, title, body, upload);
    PageImages.Failure failed = PageImages.upload(ctx, type(), id, plan.upload());
    if (failed != null) {
      throw new ConfException(failed.cause().exitCode(), plan.uploadFailed(failed), failed.cause());
    }
    if (plan.changesNothing()) {
      ctx.io().err().println(plan.unchangedNotice());
      return 0;
    }
    return save(plan);
  }

  /**
   * The whole new storage body from the one given: it, or with {@code --section} the current body
   * with only that section's content replaced by it.
   */
  protected String edit(Page current, String given) {
    return section == null ? given : BodyEdits.replaceSection(type(), current, section, given);
  }

  /** The {@code --section} given, or null. */
  protected final String section() {
    return section;
  }

  /** Saves the plan's new version and says so. */
  private int save(UpdatePlan plan) {
    if (minor && !ctx.service().supportsMinorEdits()) {
      ctx.io()
          .err()
          .println("warning: Confluence Cloud cannot mark an edit as minor; saving a normal edit");
    }
    Page updated;
    try {
      updated = ctx.service().pages().updatePage(type(), plan.update(message, minor));
    } catch (ConfException e) {
      if (e.exitCode() != ExitCode.CONFLICT) {
        throw e;
      }
      String latest = latestVersion(plan.id(), plan.current().version());
      throw new ConfException(ExitCode.CONFLICT, plan.conflict(latest), e);
    }
    if (json.enabled()) {
      json.print(ctx.io(), updated);
      return 0;
    }
    ctx.io().err().println(plan.updatedNotice(updated));
    ctx.io().out().println(updated.url() != null ? updated.url() : updated.id());
    ctx.io().out().flush();
    return 0;
  }

  /** The version the server holds now, to name it in the conflict message. */
  private String latestVersion(String id, int read) {
    try {
      int now = ctx.service().pages().getPage(type(), id, BodyFormat.STORAGE, null).version();
      return String.valueOf(now);
    } catch (ConfException e) {
      return "a newer one than " + read;
    }
  }
}
