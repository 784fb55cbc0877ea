package dev.conf.cli.page;

import dev.conf.cli.CommandContext;
import dev.conf.error.ConfException;
import dev.conf.output.JsonPrinter;
import dev.conf.output.TablePrinter;
import dev.conf.service.ContentType;
import dev.conf.service.PageNode;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code conf page children}: the pages directly under a page. */
@Command(
    name = "children",
    mixinStandardHelpOptions = true,
    description = {
      "List the pages directly under a page (on Cloud also folders and other content).",
      "",
      "On a terminal: a table. In a pipe: tab-separated ID, TITLE, TYPE.",
      "With --json: an array of {id, title, type, parentId, position}."
    })
public final class PageChildrenCommand implements Callable<Integer> {
  private final CommandContext ctx;

  @Parameters(
      paramLabel = "PAGE",
      description = "An id, SPACEKEY:Title, or the URL from the browser.")
  String target;

  @Option(
      names = {"-L", "--limit"},
      paramLabel = "N",
      defaultValue = "100",
      description = "At most N (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--all", description = "All of them, however many.")
  boolean all;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  PageChildrenCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    if (limit < 1 && !all) {
      throw ConfException.usage("--limit must be at least 1");
    }
    String id = new PageResolver(ctx).id(ContentType.PAGE, target);
    List<PageNode> children = ctx.service().childPages(id, all ? Long.MAX_VALUE : limit);
    if (json) {
      JsonPrinter.print(ctx.io(), children);
      return 0;
    }
    if (children.isEmpty()) {
      if (ctx.io().isStdoutTty()) {
        ctx.io().err().println("Page " + id + " has no children.");
      }
      return 0;
    }
    TablePrinter table = new TablePrinter(ctx.io(), "id", "title", "type");
    for (PageNode c : children) {
      table.row(c.id(), c.title(), c.type());
    }
    table.print();
    return 0;
  }
}
