package dev.conf.cli.page;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.content.DeleteContent;
import dev.conf.service.ContentType;
import picocli.CommandLine.Command;

/**
 * {@code conf page delete}: its type and help. The options and the work are {@link
 * DeleteContent}'s, shared with {@code conf blog delete}.
 */
@Access(Access.Kind.WRITES)
@Examples({"conf page delete DOCS:Scratch", "conf page delete 12345 --yes --purge"})
@Command(
    name = "delete",
    aliases = "rm",
    mixinStandardHelpOptions = true,
    description = {
      "Move a page to the trash (--purge: delete it for good).",
      "",
      "Asks first on a terminal; in a pipe it needs --yes. --purge also deletes a page that is "
          + "already in the trash (conf page list --status trashed); `conf page restore ID` "
          + "brings one back."
    })
public final class PageDeleteCommand extends DeleteContent {

  PageDeleteCommand(CommandContext ctx) {
    super(ctx);
  }

  @Override
  protected ContentType type() {
    return ContentType.PAGE;
  }
}
