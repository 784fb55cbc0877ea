package dev.conf.cli.comment;

import dev.conf.cli.CommandContext;
import picocli.CommandLine.Command;

/** {@code conf comment reopen ID}: {@link CommentResolveCommand} the other way. */
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
