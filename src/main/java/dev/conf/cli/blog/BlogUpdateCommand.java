package dev.conf.cli.blog;

import dev.conf.cli.CommandContext;
import dev.conf.cli.content.UpdateContent;
import dev.conf.service.ContentType;
import picocli.CommandLine.Command;

/**
 * {@code conf blog update}: its type and help. The options and the work are {@link
 * UpdateContent}'s, shared with {@code conf page update}.
 */
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
