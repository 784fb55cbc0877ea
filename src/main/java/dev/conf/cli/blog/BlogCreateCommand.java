package dev.conf.cli.blog;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.content.CreateContent;
import dev.conf.service.ContentType;
import picocli.CommandLine.Command;

/**
 * {@code conf blog create}: its type and help. The options and the work are {@link
 * CreateContent}'s, shared with {@code conf page create}.
 */
@Access(Access.Kind.WRITES)
@Examples({
  "conf blog create --space ENG --file release-notes.md",
  "echo \"<p>Hi</p>\" | conf blog create --space ENG --title \"Hello\" -"
})
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Create a blog post; the body (storage format) from --file F or - (stdin).",
      "",
      "A Markdown file's local images are uploaded as attachments of the new post."
    })
public final class BlogCreateCommand extends CreateContent {

  BlogCreateCommand(CommandContext ctx) {
    super(ctx);
  }

  @Override
  protected ContentType type() {
    return ContentType.BLOGPOST;
  }
}
