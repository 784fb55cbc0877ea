package dev.conf.cli.content;

import dev.conf.cli.CommandContext;
import dev.conf.cli.JsonOptions;
import dev.conf.convert.ConvertOptions;
import dev.conf.convert.FrontMatter;
import dev.conf.convert.MarkdownToStorage;
import dev.conf.convert.StorageResult;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.output.JsonFields;
import dev.conf.service.ContentType;
import dev.conf.service.NewPage;
import dev.conf.service.Page;
import java.util.ArrayList;
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

  @Option(
      names = {"-b", "--body"},
      paramLabel = "TEXT",
      description = "The body as text on the command line: Markdown (or --format storage).")
  String bodyText;

  @Option(
      names = {"-l", "--label"},
      paramLabel = "LABEL",
      description = "Add this label (repeat for more; with a Markdown file's labels: too).")
  List<String> extraLabels = new ArrayList<>();

  @Option(
      names = "--allow-empty",
      description =
          "Create it with an empty body (otherwise refused: a body was likely forgotten).")
  boolean allowEmpty;

  @Mixin JsonOptions json;

  protected CreateContent(CommandContext ctx) {
    this.ctx = ctx;
  }

  protected abstract ContentType type();

  /** The --template argument, for pages; null for blog posts. */
  protected String templateArg() {
    return null;
  }

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
    if (bodyText != null && input.file() != null) {
      throw ConfException.usage("give the body once: --body or --file (or -), not both");
    }
    BodySource.Body body =
        bodyText != null
            ? textBody()
            : BodySource.readBody(ctx.io(), input.file(), format, ctx.codeLanguage());
    if (!allowEmpty && templateArg() == null && (body == null || body.storage().isBlank())) {
      throw ConfException.usage(
          "no body: give --file F (- for stdin) or --body TEXT; --allow-empty creates an empty "
              + type().noun());
    }
    String pageTitle = title != null ? title : body == null ? null : body.meta().title();
    if (pageTitle == null || pageTitle.isBlank()) {
      throw ConfException.usage(
          title == null
              ? "--title is required (or a title: in the Markdown file's front matter)"
              : "--title must not be empty");
    }
    if (templateArg() != null && body != null) {
      throw ConfException.usage("give --template or a body (--file F or -), not both");
    }
    List<String> labels = new ArrayList<>();
    if (body != null) {
      labels.addAll(body.meta().labels());
    }
    labels.addAll(extraLabels);
    labels = labels.isEmpty() ? List.of() : LabelNames.of(labels);
    PageResolver resolver = new PageResolver(ctx);
    ContentAddress parentRef = parentArg() == null ? null : resolver.parse(parentArg());
    String parentId = parentRef == null ? null : resolver.id(ContentType.PAGE, parentRef);
    String storage = body == null ? "" : body.storage();
    if (templateArg() != null) {
      storage = Templates.find(ctx, space, templateArg()).body();
    }
    Page created;
    try {
      created =
          ctx.service()
              .pages()
              .createPage(type(), new NewPage(space, pageTitle, parentId, storage));
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

  /** {@code --body TEXT}: Markdown unless {@code --format storage} says it is storage already. */
  private BodySource.Body textBody() {
    if ("storage".equalsIgnoreCase(format)) {
      return new BodySource.Body(bodyText, FrontMatter.EMPTY, List.of());
    }
    if (format != null && !format.equalsIgnoreCase("markdown") && !format.equalsIgnoreCase("md")) {
      throw ConfException.usage("--format must be storage or markdown, not '" + format + "'");
    }
    StorageResult converted =
        MarkdownToStorage.convert(
            bodyText, ConvertOptions.defaults().withCodeLanguage(ctx.codeLanguage()));
    return new BodySource.Body(converted.storage(), converted.meta(), List.of());
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
