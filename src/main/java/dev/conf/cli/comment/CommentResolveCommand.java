package dev.conf.cli.comment;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.JsonOptions;
import dev.conf.output.JsonFields;
import dev.conf.service.Comment;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code conf comment resolve ID}. */
@Access(Access.Kind.WRITES)
@Examples({"conf comment resolve 777", "conf comment resolve 777 --json"})
@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    description = {
      "Resolve an inline comment (its thread is hidden from the page until reopened).",
      "",
      "Confluence Cloud; Data Center's REST API has no operation for it."
    })
public class CommentResolveCommand implements Callable<Integer>, JsonOptions.Fielded {
  final CommandContext ctx;

  @Parameters(
      paramLabel = "ID",
      description = "The inline comment's id (see `conf comment list --inline`).")
  String id;

  @Mixin JsonOptions json;

  CommentResolveCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  /** True to resolve, false to reopen. */
  boolean resolved() {
    return true;
  }

  @Override
  public JsonFields jsonFields() {
    return JsonFields.of(Comment.class);
  }

  @Override
  public Integer call() {
    Comment c = ctx.service().items().resolveComment(id, resolved());
    if (json.enabled()) {
      json.print(ctx.io(), c);
      return 0;
    }
    ctx.io().err().println((resolved() ? "Resolved" : "Reopened") + " inline comment " + id + ".");
    return 0;
  }
}
