package dev.conf.cli.page;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.content.ViewContent;
import dev.conf.service.ContentType;
import picocli.CommandLine.Command;

/**
 * {@code conf page view}: its type and help. The options and the work are {@link ViewContent}'s,
 * shared with {@code conf blog view}.
 */
@Access(Access.Kind.READS)
@Examples({
  "conf page view DOCS:Runbook",
  "conf page view 12345 --format markdown",
  "conf page view 12345 --raw > page.xhtml"
})
@Command(
    name = "view",
    // No standard -V/--version here: --version N picks a page version.
    mixinStandardHelpOptions = false,
    description = {
      "Show a page: title, id, space, version, author, last update, URL, labels, parent, body.",
      "",
      "On a terminal: labelled fields, then the body as text. In a pipe: label<TAB>value"
          + " lines, a line '--', then the body (storage format unless --format says otherwise)."
          + " --raw prints only the body, e.g. to edit it and give it back to conf page update."
          + " With --json: the fields listed in docs/json.md."
    })
public final class PageViewCommand extends ViewContent {
  PageViewCommand(CommandContext ctx) {
    super(ctx);
  }

  @Override
  protected ContentType type() {
    return ContentType.PAGE;
  }
}
