package dev.conf.cli.page;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.content.BodyEdits;
import dev.conf.cli.content.UpdateContent;
import dev.conf.error.ConfException;
import dev.conf.service.ContentType;
import dev.conf.service.Page;
import picocli.CommandLine.Command;

/**
 * {@code conf page append}: {@link UpdateContent} with the body given added at the end of the
 * page's storage body instead of replacing it.
 */
@Access(Access.Kind.WRITES)
@Examples({
  "conf page append DOCS:Changelog --file entry.md",
  "echo \"- fixed the login\" | conf page append 12345 --format markdown -",
  "conf page append 12345 --section \"Known issues\" --file issue.md --dry-run"
})
@Command(
    name = "append",
    mixinStandardHelpOptions = true,
    description = {
      "Add content to the end of a page, as a new version.",
      "",
      "The content (storage XHTML, or Markdown from a .md file or --format markdown) is added "
          + "after the page's last block, inside its last layout section when it has a layout; "
          + "everything already on the page is sent back byte for byte. Based on the version "
          + "read: if the page changed in between, nothing is overwritten and conf exits 5. "
          + "--dry-run prints the diff and sends nothing."
    })
public final class PageAppendCommand extends UpdateContent {

  PageAppendCommand(CommandContext ctx) {
    super(ctx);
  }

  @Override
  protected ContentType type() {
    return ContentType.PAGE;
  }

  @Override
  protected String edit(Page current, String given) {
    if (section() != null) {
      throw ConfException.usage(
          "page append adds to the end of the page; to replace a section use `conf page update"
              + " PAGE --section HEADING`");
    }
    return BodyEdits.append(current, given);
  }
}
