package dev.conf.cli.comment;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.JsonOptions;
import dev.conf.cli.content.BodyInput;
import dev.conf.cli.content.BodySource;
import dev.conf.cli.content.PageResolver;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.output.JsonFields;
import dev.conf.service.BodyFormat;
import dev.conf.service.Comment;
import dev.conf.service.ContentType;
import dev.conf.service.Page;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code conf comment add PAGE (--body TEXT | --file F | -)}. */
@Access(Access.Kind.WRITES)
@Examples({
  "conf comment add DOCS:Runbook --body \"Looks **good**\"",
  "conf comment add 12345 --reply-to 777 --file reply.md"
})
@Command(
    name = "add",
    aliases = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Comment on a page or blog post, or reply to a comment.",
      "",
      "The body is Markdown: --body TEXT, --file F, or - to read it from stdin.",
      "",
      "With --inline --selection TEXT the comment is anchored to TEXT on the page (--match N: "
          + "its N-th occurrence, counted in the page's text as Confluence counts it, block by "
          + "block). Confluence Cloud; Data Center's REST API has no inline-comment operation.",
      "",
      "Prints the new comment's URL (or id) on stdout."
    })
public final class CommentAddCommand implements Callable<Integer>, JsonOptions.Fielded {
  private final CommandContext ctx;

  @Parameters(
      index = "0",
      paramLabel = "PAGE",
      description =
          "A page (id, SPACEKEY:Title or URL from the browser) or a blog post (its id or URL).")
  String page;

  @Option(
      names = {"-b", "--body"},
      paramLabel = "TEXT",
      description = "The comment, in Markdown.")
  String body;

  @Mixin BodyInput input;

  @Option(
      names = "--reply-to",
      paramLabel = "ID",
      description = "Reply to this comment instead of starting a thread.")
  String replyTo;

  @Option(
      names = "--inline",
      description = "An inline comment, anchored to the page text given with --selection.")
  boolean inline;

  @Option(
      names = "--selection",
      paramLabel = "TEXT",
      description = "With --inline: the page text to comment on, as it reads on the page.")
  String selection;

  @Option(
      names = "--match",
      paramLabel = "N",
      description =
          "With --inline: the N-th occurrence of TEXT on the page (needed when it occurs more"
              + " than once).")
  Integer match;

  @Mixin JsonOptions json;

  CommentAddCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public JsonFields jsonFields() {
    return JsonFields.of(Comment.class);
  }

  @Override
  public Integer call() {
    checkInline();
    String file = input.file();
    int given = (body != null ? 1 : 0) + (file != null ? 1 : 0);
    if (given != 1) {
      throw ConfException.usage(
          given == 0
              ? "give the comment with --body TEXT, --file F, or - for stdin"
              : "give the comment one way only: --body, --file or -");
    }
    String markdown = body != null ? body : BodySource.read(ctx.io(), file);
    if (markdown == null || markdown.isBlank()) {
      throw ConfException.usage("the comment is empty");
    }
    PageResolver.Target target = new PageResolver(ctx).target(page);
    String storage = Markdown.toStorage(markdown, ctx.codeLanguage());
    if (inline) {
      return addInline(target, storage);
    }
    Comment c = ctx.service().items().addComment(target.type(), target.id(), storage, replyTo);
    if (json.enabled()) {
      json.print(ctx.io(), c);
      return 0;
    }
    ctx.io()
        .err()
        .println(
            (replyTo != null ? "Replied to " + replyTo : "Commented")
                + " on "
                + target.describe()
                + ".");
    ctx.io().out().println(c.url() != null ? c.url() : c.id());
    return 0;
  }

  private void checkInline() {
    if (!inline) {
      if (selection != null || match != null) {
        throw ConfException.usage("--selection and --match go with --inline");
      }
      return;
    }
    if (replyTo != null) {
      throw ConfException.usage(
          "a reply has no selection of its own: use `conf comment reply ID` without --inline");
    }
    if (selection == null || selection.isEmpty()) {
      throw ConfException.usage("--inline needs --selection TEXT: the page text to comment on");
    }
    if (selection.contains("\n")) {
      throw ConfException.usage(
          "--selection must be text within one paragraph, heading or cell (no line breaks)");
    }
    if (match != null && match < 1) {
      throw ConfException.usage("--match must be 1 or more, not " + match);
    }
  }

  /**
   * Counts the selection in the page's text as Confluence does, picks the occurrence, and adds the
   * comment anchored to it.
   */
  private int addInline(PageResolver.Target target, String storage) {
    Page page = pageOf(target);
    int count = Markdown.matches(page.body(), selection);
    String what = target.describe();
    if (count == 0) {
      throw ConfException.usage("\"" + selection + "\" does not occur in the text of " + what);
    }
    if (match == null && count > 1) {
      throw ConfException.usage(
          "\""
              + selection
              + "\" occurs "
              + count
              + " times in the text of "
              + what
              + ": choose one with --match 1.."
              + count);
    }
    int n = match == null ? 1 : match;
    if (n > count) {
      throw ConfException.usage(
          "\"" + selection + "\" occurs " + count + " times in the text of " + what + ", not " + n);
    }
    Comment c =
        ctx.service()
            .items()
            .addInlineComment(target.type(), target.id(), storage, selection, count, n - 1);
    if (json.enabled()) {
      json.print(ctx.io(), c);
      return 0;
    }
    ctx.io()
        .err()
        .println(
            "Commented on \""
                + selection
                + "\""
                + (count > 1 ? " (occurrence " + n + " of " + count + ")" : "")
                + " on "
                + what
                + ".");
    ctx.io().out().println(c.url() != null ? c.url() : c.id());
    return 0;
  }

  /** The page (or, for a bare id that is not one, the blog post) with its storage body. */
  private Page pageOf(PageResolver.Target target) {
    if (target.type() != null) {
      return ctx.service().pages().getPage(target.type(), target.id(), BodyFormat.STORAGE, null);
    }
    try {
      return ctx.service().pages().getPage(ContentType.PAGE, target.id(), BodyFormat.STORAGE, null);
    } catch (ConfException e) {
      if (e.exitCode() != ExitCode.NOT_FOUND) {
        throw e;
      }
      return ctx.service()
          .pages()
          .getPage(ContentType.BLOGPOST, target.id(), BodyFormat.STORAGE, null);
    }
  }

  /** The calls into dev.conf.convert, in a class of their own that loads only when used. */
  private static final class Markdown {
    static String toStorage(
        String markdown, java.util.function.Function<String, java.util.Optional<String>> language) {
      dev.conf.convert.ConvertOptions options =
          dev.conf.convert.ConvertOptions.defaults().withCodeLanguage(language);
      return dev.conf.convert.MarkdownToStorage.convert(markdown, options).storage();
    }

    static int matches(String storage, String selection) {
      return dev.conf.convert.TextMatches.count(storage, selection);
    }
  }
}
