package dev.conf.cli.content;

import dev.conf.cli.CommandContext;
import dev.conf.cli.JsonOptions;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.output.JsonFields;
import dev.conf.service.ContentType;
import dev.conf.service.NewPage;
import dev.conf.service.Page;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code conf page create} and {@code conf blog create}. */
public abstract class CreateContent implements Callable<Integer>, JsonOptions.Fielded {
  protected final CommandContext ctx;

  @Option(names = "--space", paramLabel = "KEY", required = true, description = "The space.")
  String space;

  @Option(
      names = "--title",
      paramLabel = "T",
      description = "The title (default: the title in a Markdown file's front matter).")
  String title;

  @Mixin BodyInput input;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "The body's format: storage (Confluence XHTML) or markdown. Default: markdown for .md"
              + " and .markdown files, storage otherwise.")
  String format;

  @Mixin JsonOptions json;

  protected CreateContent(CommandContext ctx) {
    this.ctx = ctx;
  }

  protected abstract ContentType type();

  /** The --parent argument, for pages; null for blog posts. */
  protected String parentArg() {
    return null;
  }

  @Override
  public JsonFields jsonFields() {
    return JsonFields.of(Page.class);
  }

  @Override
  public Integer call() {
    // Everything that can fail locally fails before the first request.
    BodySource.Body body = BodySource.readBody(ctx.io(), input.file(), format, ctx.codeLanguage());
    String pageTitle = title != null ? title : body == null ? null : body.meta().title();
    if (pageTitle == null || pageTitle.isBlank()) {
      throw ConfException.usage(
          title == null
              ? "--title is required (or a title: in the Markdown file's front matter)"
              : "--title must not be empty");
    }
    List<String> labels = body == null ? List.of() : LabelNames.of(body.meta().labels());
    PageResolver resolver = new PageResolver(ctx);
    ContentAddress parentRef = parentArg() == null ? null : resolver.parse(parentArg());
    String parentId = parentRef == null ? null : resolver.id(ContentType.PAGE, parentRef);
    Page created;
    try {
      created =
          ctx.service()
              .pages()
              .createPage(
                  type(),
                  new NewPage(space, pageTitle, parentId, body == null ? "" : body.storage()));
    } catch (ConfException e) {
      throw duplicateTitle(e, pageTitle);
    }
    if (!labels.isEmpty()) {
      // Front matter labels: added once the page exists (Confluence has no create-with-labels).
      ctx.service().items().addLabels(created.id(), labels);
    }
    List<LocalImages.Image> images = body == null ? List.of() : body.images();
    PageImages.Failure failed = PageImages.upload(ctx, type(), created.id(), images);
    report(created, images, failed);
    return 0;
  }

  /**
   * A title the space already has is answered with HTTP 400 (both deployments say "already
   * exists"): as a conflict (exit 5) naming the page that has it, found by its title. Any other
   * failure as it was.
   */
  private ConfException duplicateTitle(ConfException e, String pageTitle) {
    String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    if (e.status() == null || e.status() != 400 || !message.contains("already exists")) {
      return e;
    }
    String existing;
    try {
      existing = ctx.service().pages().findByTitle(type(), space, pageTitle).id();
    } catch (ConfException notFound) {
      existing = null;
    }
    return new ConfException(
            ExitCode.CONFLICT,
            "a "
                + type().noun()
                + " titled '"
                + pageTitle
                + "' already exists in "
                + space
                + (existing == null
                    ? ""
                    : ": "
                        + existing
                        + " (`conf "
                        + type().noun().replace("blog post", "blog")
                        + " update "
                        + existing
                        + "` changes it)"),
            e)
        .hint(existing == null ? null : "update " + existing + ", or choose another --title");
  }

  /**
   * Says what was created, and then fails with the exit code of the upload that failed, if one did.
   * The page exists either way: its id goes to stdout as usual, so that a script can find it.
   */
  private void report(Page created, List<LocalImages.Image> images, PageImages.Failure failed) {
    if (json.enabled()) {
      json.print(ctx.io(), created);
    } else {
      if (failed == null) {
        ctx.io()
            .err()
            .println(
                "Created "
                    + type().noun()
                    + " '"
                    + created.title()
                    + "' ("
                    + created.id()
                    + ")"
                    + (images.isEmpty() ? "" : " with " + count(images.size()))
                    + ".");
      }
      ctx.io().out().println(created.url() != null ? created.url() : created.id());
    }
    ctx.io().out().flush();
    if (failed != null) {
      throw new ConfException(
          failed.cause().exitCode(),
          type().noun()
              + " "
              + created.id()
              + " was created, but uploading image "
              + failed.image().name()
              + " failed: "
              + failed.cause().getMessage()
              + " (the "
              + type().noun()
              + " stays; an update with the same file uploads the images it lacks)",
          failed.cause());
    }
  }

  static String count(int images) {
    return images == 1 ? "1 image" : images + " images";
  }
}
