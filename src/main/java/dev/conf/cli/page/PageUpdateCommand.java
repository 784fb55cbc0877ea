package dev.conf.cli.page;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.content.UpdateContent;
import dev.conf.service.ContentType;
import picocli.CommandLine.Command;

/**
 * {@code conf page update}: its type and help. The options and the work are {@link
 * UpdateContent}'s, shared with {@code conf blog update}.
 */
@Access(Access.Kind.WRITES)
@Examples({
  "conf page update DOCS:Runbook --file runbook.md -m \"new escalation path\"",
  "conf page view 12345 --raw | sed s/2025/2026/ | conf page update 12345 -",
  "conf page update 12345 --title \"Runbook (old)\" --if-version 7"
})
@Command(
    name = "update",
    mixinStandardHelpOptions = true,
    description = {
      "Save a new version of a page.",
      "",
      "The update is based on the version it reads and sends that version plus one. If the "
          + "page changed in between (or --if-version does not match), nothing is overwritten and"
          + " conf exits 5 naming both versions. An update that changes neither title nor body "
          + "(nor an image) sends nothing.",
      "",
      "With --section HEADING only the content under that heading is replaced (up to the next "
          + "heading of the same or a higher level); everything outside it is sent back byte for "
          + "byte. A heading that is missing or appears twice is exit 2 naming the candidates. "
          + "--dry-run prints the diff and sends nothing.",
      "",
      "New or changed local images of a Markdown file are uploaded before saving."
    })
public final class PageUpdateCommand extends UpdateContent {

  PageUpdateCommand(CommandContext ctx) {
    super(ctx);
  }

  @Override
  protected ContentType type() {
    return ContentType.PAGE;
  }
}
