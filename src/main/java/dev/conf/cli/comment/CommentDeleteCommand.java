package dev.conf.cli.comment;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.convert.StorageText;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.service.Comment;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code conf comment delete ID}. */
@Access(Access.Kind.WRITES)
@Examples({"conf comment delete 777", "conf comment delete 777 --yes"})
@Command(
    name = "delete",
    aliases = "rm",
    mixinStandardHelpOptions = true,
    description = {
      "Delete a comment (footer or inline).",
      "",
      "Asks first on a terminal, showing the start of the comment; in a pipe it needs --yes."
    })
public final class CommentDeleteCommand implements Callable<Integer> {
  private final CommandContext ctx;

  @Parameters(paramLabel = "ID", description = "The comment's id (conf comment list shows it).")
  String id;

  @Option(
      names = {"-y", "--yes"},
      description = "Do not ask; required when stdin is not a terminal.")
  boolean yes;

  CommentDeleteCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    if (!yes && !ctx.io().isStdinTty()) {
      throw ConfException.usage(
          "refusing to delete without --yes: stdin is not a terminal to ask on");
    }
    if (!yes) {
      Comment c = ctx.service().items().comment(id);
      String text =
          StorageText.toText(c.body() == null ? "" : c.body()).replaceAll("\\s+", " ").trim();
      if (text.length() > 60) {
        text = text.substring(0, 59) + "…";
      }
      String answer = ctx.io().prompt("Delete comment " + id + " \"" + text + "\"? [y/N] ");
      String r = answer.toLowerCase(Locale.ROOT);
      if (!r.equals("y") && !r.equals("yes")) {
        throw new ConfException(ExitCode.ERROR, "cancelled: nothing was deleted");
      }
    }
    ctx.service().items().deleteComment(id);
    ctx.io().err().println("Deleted comment " + id + ".");
    return 0;
  }
}
