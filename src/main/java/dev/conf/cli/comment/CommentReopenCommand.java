package dev.conf.cli.comment;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import picocli.CommandLine.Command;

/** {@code conf comment reopen ID}: {@link CommentResolveCommand} the other way. */
@Access(Access.Kind.WRITES)
@Examples({"conf comment reopen 777", "conf comment reopen 777 --json"})
@Command(
    name = "reopen",
    mixinStandardHelpOptions = true,
    description = {
      "Reopen a resolved inline comment.",
      "",
      "Confluence Cloud; Data Center's REST API has no operation for it."
    })
public final class CommentReopenCommand extends CommentResolveCommand {
  CommentReopenCommand(CommandContext ctx) {
    super(ctx);
  }

  @Override
  boolean resolved() {
    return false;
  }
}
