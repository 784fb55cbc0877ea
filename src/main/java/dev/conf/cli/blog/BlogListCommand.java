package dev.conf.cli.blog;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.content.ListContent;
import dev.conf.service.ContentType;
import picocli.CommandLine.Command;

/**
 * {@code conf blog list}: its type and help. The options and the work are {@link ListContent}'s,
 * shared with {@code conf page list}.
 */
@Access(Access.Kind.READS)
@Examples({"conf blog list --space ENG", "conf blog list --space ENG --all --json id,title"})
@Command(
    name = "list",
    aliases = "ls",
    mixinStandardHelpOptions = true,
    description = {
      "List the blog posts of a space.",
      "",
      "On a terminal: a table. In a pipe: tab-separated ID, TITLE, STATUS, VERSION, UPDATED."
    })
public final class BlogListCommand extends ListContent {

  BlogListCommand(CommandContext ctx) {
    super(ctx);
  }

  @Override
  protected ContentType type() {
    return ContentType.BLOGPOST;
  }
}
