package dev.conf.cli.page;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.content.CreateContent;
import dev.conf.service.ContentType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code conf page create}: its type, help and --parent. The options and the work are {@link
 * CreateContent}'s, shared with {@code conf blog create}.
 */
@Access(Access.Kind.WRITES)
@Examples({
  "conf page create --space DOCS --file runbook.md",
  "conf page create --space DOCS --parent DOCS:Home --title \"On call\" --file oncall.md",
  "echo \"<p>Hi</p>\" | conf page create --space DOCS --title Hello -"
})
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Create a page; the body (storage format) from --file F or - (stdin).",
      "",
      "A Markdown file's local images are uploaded as attachments of the new page. With "
          + "--template the body is the template's (Confluence Cloud; Data Center's REST API has "
          + "no template operations).",
      "",
      "Prints the new page's URL on stdout."
    })
public final class PageCreateCommand extends CreateContent {
  @Option(
      names = "--parent",
      paramLabel = "PAGE",
      description = "The parent page (id, SPACEKEY:Title or URL); default: the space's top level.")
  String parent;

  @Option(
      names = "--template",
      paramLabel = "NAME|ID",
      description =
          "Start from a page template: its id, or its name among the space's templates and the"
              + " global ones (see `conf template list`).")
  String template;

  PageCreateCommand(CommandContext ctx) {
    super(ctx);
  }

  @Override
  protected ContentType type() {
    return ContentType.PAGE;
  }

  @Override
  protected String templateArg() {
    return template;
  }

  @Override
  protected String parentArg() {
    return parent;
  }
}
