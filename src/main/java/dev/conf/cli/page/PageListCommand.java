package dev.conf.cli.page;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.content.ListContent;
import dev.conf.service.ContentType;
import picocli.CommandLine.Command;

/**
 * {@code conf page list}: its type and help. The options and the work are {@link ListContent}'s,
 * shared with {@code conf blog list}.
 */
@Access(Access.Kind.READS)
@Examples({"conf page list --space DOCS", "conf page list --space DOCS --all --json id,title"})
@Command(
    name = "list",
    aliases = "ls",
    mixinStandardHelpOptions = true,
    description = {
      "List the pages of a space.",
      "",
      "On a terminal: a table. In a pipe: tab-separated ID, TITLE, STATUS, VERSION, UPDATED."
    })
public final class PageListCommand extends ListContent {

  PageListCommand(CommandContext ctx) {
    super(ctx);
  }

  @Override
  protected ContentType type() {
    return ContentType.PAGE;
  }
}
