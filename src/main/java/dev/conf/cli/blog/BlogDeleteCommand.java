package dev.conf.cli.blog;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.content.DeleteContent;
import dev.conf.service.ContentType;
import picocli.CommandLine.Command;

/**
 * {@code conf blog delete}: its type and help. The options and the work are {@link
 * DeleteContent}'s, shared with {@code conf page delete}.
 */
@Access(Access.Kind.WRITES)
@Examples({"conf blog delete 45678", "conf blog delete 45678 --yes --purge"})
@Command(
    name = "delete",
    aliases = "rm",
    mixinStandardHelpOptions = true,
    description = {
      "Move a blog post to the trash (--purge: for good, also one already in the trash). Asks on"
          + " a terminal; needs --yes in a pipe. `conf blog restore ID` brings one back."
    })
public final class BlogDeleteCommand extends DeleteContent {

  BlogDeleteCommand(CommandContext ctx) {
    super(ctx);
  }

  @Override
  protected ContentType type() {
    return ContentType.BLOGPOST;
  }
}
