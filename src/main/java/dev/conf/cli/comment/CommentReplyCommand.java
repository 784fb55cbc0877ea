package dev.conf.cli.comment;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.JsonOptions;
import dev.conf.cli.content.BodyInput;
import dev.conf.cli.content.BodySource;
import dev.conf.error.ConfException;
import dev.conf.output.JsonFields;
import dev.conf.service.Comment;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code conf comment reply ID (--body TEXT | --file F | -)}. */
@Access(Access.Kind.WRITES)
@Examples({
  "conf comment reply 777 --body \"Done, thanks\"",
  "conf comment reply 777 --file answer.md"
})
@Command(
    name = "reply",
    mixinStandardHelpOptions = true,
    description = {
      "Reply to a comment, footer or inline, in its thread.",
      "",
      "The body is Markdown: --body TEXT, --file F, or - to read it from stdin.",
      "Prints the reply's URL (or id) on stdout."
    })
public final class CommentReplyCommand implements Callable<Integer>, JsonOptions.Fielded {
  private final CommandContext ctx;

  @Parameters(index = "0", paramLabel = "ID", description = "The comment to reply to.")
  String id;

  @Option(
      names = {"-b", "--body"},
      paramLabel = "TEXT",
      description = "The reply, in Markdown.")
  String body;

  @Mixin BodyInput input;

  @Mixin JsonOptions json;

  CommentReplyCommand(CommandContext ctx) {
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
              ? "give the reply with --body TEXT, --file F, or - for stdin"
              : "give the reply one way only: --body, --file or -");
    }
    String markdown = body != null ? body : BodySource.read(ctx.io(), file);
    if (markdown == null || markdown.isBlank()) {
      throw ConfException.usage("the reply is empty");
    }
    dev.conf.convert.ConvertOptions options =
        dev.conf.convert.ConvertOptions.defaults().withCodeLanguage(ctx.codeLanguage());
    String storage = dev.conf.convert.MarkdownToStorage.convert(markdown, options).storage();
    Comment parent = ctx.service().items().comment(id);
    Comment c = ctx.service().items().addComment(null, null, storage, parent.id());
    if (json.enabled()) {
      json.print(ctx.io(), c);
      return 0;
    }
    ctx.io().err().println("Replied to " + parent.location() + " comment " + id + ".");
    ctx.io().out().println(c.url() != null ? c.url() : c.id());
    return 0;
  }
}
