package dev.conf.cli.blog;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.content.ViewContent;
import dev.conf.service.ContentType;
import picocli.CommandLine.Command;

/**
 * {@code conf blog view}: its type and help. The options and the work are {@link ViewContent}'s,
 * shared with {@code conf page view}.
 */
@Access(Access.Kind.READS)
@Examples({"conf blog view 45678", "conf blog view 45678 --format markdown"})
@Command(
    name = "view",
    // No standard -V/--version here: --version N picks a page version.
    mixinStandardHelpOptions = false,
    description = {"Show a blog post: its metadata and body."})
public final class BlogViewCommand extends ViewContent {

  BlogViewCommand(CommandContext ctx) {
    super(ctx);
  }

  @Override
  protected ContentType type() {
    return ContentType.BLOGPOST;
  }
}
