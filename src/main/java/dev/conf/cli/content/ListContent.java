package dev.conf.cli.content;

import dev.conf.cli.CommandContext;
import dev.conf.cli.JsonOptions;
import dev.conf.cli.LimitOptions;
import dev.conf.error.ConfException;
import dev.conf.output.JsonFields;
import dev.conf.output.TablePrinter;
import dev.conf.output.Times;
import dev.conf.service.ContentType;
import dev.conf.service.Page;
import dev.conf.service.PageQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code conf page list} and {@code conf blog list}. */
public abstract class ListContent implements Callable<Integer>, JsonOptions.Fielded {
  private static final Set<String> STATUSES = Set.of("current", "draft", "archived", "trashed");

  protected final CommandContext ctx;

  @Option(names = "--space", paramLabel = "KEY", required = true, description = "The space.")
  String space;

  @Option(names = "--title", paramLabel = "T", description = "Only the one with this exact title.")
  String title;

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description = "current (default), draft, archived or trashed.")
  String status;

  @Mixin LimitOptions limit = new LimitOptions();

  @Mixin JsonOptions json;

  protected ListContent(CommandContext ctx) {
    this.ctx = ctx;
  }

  protected abstract ContentType type();

  @Override
  public JsonFields jsonFields() {
    return JsonFields.of(Page.class);
  }

  @Override
  public Integer call() {
    long maxItems = limit.max();
    if (status != null && !STATUSES.contains(status)) {
      throw ConfException.usage("--status must be current, draft, archived or trashed");
    }
    List<Page> pages =
        ctx.service().pages().listPages(type(), new PageQuery(space, title, status), maxItems);
    ctx.names().pages(pages.stream().map(p -> new String[] {space, p.title()}).toList());
    if (json.enabled()) {
      // Names, not account ids, as view shows them: one lookup for the whole list, and none
      // when neither name is printed.
      if (!pages.isEmpty() && (json.wants("author") || json.wants("lastUpdatedBy"))) {
        List<String> ids = new ArrayList<>();
        pages.forEach(p -> ids.addAll(p.unnamedIds()));
        Map<String, String> names = ctx.service().userNames(ids);
        pages = pages.stream().map(p -> p.withNames(names)).toList();
      }
      json.print(ctx.io(), pages);
      return 0;
    }
    if (pages.isEmpty()) {
      if (ctx.io().isStdoutTty()) {
        ctx.io().err().println("No " + type().noun() + "s found in " + space + ".");
      }
      return 0;
    }
    TablePrinter table = new TablePrinter(ctx.io(), "id", "title", "status", "version", "updated");
    for (Page p : pages) {
      table.row(
          p.id(),
          p.title(),
          p.status(),
          String.valueOf(p.version()),
          Times.show(p.lastUpdated(), ctx.io().isStdoutTty(), ctx.clock()));
    }
    table.print();
    return 0;
  }
}
