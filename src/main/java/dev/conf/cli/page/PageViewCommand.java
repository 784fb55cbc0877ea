package dev.conf.cli.page;

import dev.conf.cli.CommandContext;
import dev.conf.service.ContentType;
import picocli.CommandLine.Command;

/** {@code conf page view}. */
@Command(
    name = "view",
    mixinStandardHelpOptions = true,
    description = {
      "Show a page: its metadata and body.",
      "",
      "With --json: {id, type, title, status, spaceId, spaceKey, parentId, version, ...} (docs/json.md)."
    })
public final class PageViewCommand extends ContentViewCommand {

  PageViewCommand(CommandContext ctx) {
    super(ctx);
  }

  @Override
  protected ContentType type() {
    return ContentType.PAGE;
  }
}
