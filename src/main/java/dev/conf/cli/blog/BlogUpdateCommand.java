package dev.conf.cli.blog;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.content.UpdateContent;
import dev.conf.service.ContentType;
import picocli.CommandLine.Command;

/**
 * {@code conf blog update}: its type and help. The options and the work are {@link
 * UpdateContent}'s, shared with {@code conf page update}.
 */
@Access(Access.Kind.WRITES)
@Examples({
  "conf blog update 45678 --file release-notes.md",
  "conf blog update 45678 --title \"Release 2.0\" -m \"renamed\""
})
@Command(
    name = "update",
    aliases = "edit",
    mixinStandardHelpOptions = true,
    description = {
      "Save a new version of a blog post (same safety as conf page update).",
      "",
      "New or changed local images of a Markdown file are uploaded before saving."
    })
public final class BlogUpdateCommand extends UpdateContent {

  BlogUpdateCommand(CommandContext ctx) {
    super(ctx);
  }

  @Override
  protected ContentType type() {
    return ContentType.BLOGPOST;
  }
}
