package dev.conf.cli.comment;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.JsonOptions;
import dev.conf.cli.content.BodyInput;
import dev.conf.cli.content.BodySource;
import dev.conf.cli.content.PageResolver;
import dev.conf.error.ConfException;
import dev.conf.output.JsonFields;
import dev.conf.service.Comment;
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

  /** The calls into dev.conf.convert, in a class of their own that loads only when used. */
  private static final class Markdown {
    static String toStorage(
        String markdown, java.util.function.Function<String, java.util.Optional<String>> language) {
      dev.conf.convert.ConvertOptions options =
          dev.conf.convert.ConvertOptions.defaults().withCodeLanguage(language);
      return dev.conf.convert.MarkdownToStorage.convert(markdown, options).storage();
    }
  }
}
