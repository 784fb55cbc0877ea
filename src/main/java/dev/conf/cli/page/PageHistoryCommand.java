package dev.conf.cli.page;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.JsonOptions;
import dev.conf.cli.LimitOptions;
import dev.conf.cli.content.PageResolver;
import dev.conf.output.JsonFields;
import dev.conf.output.TablePrinter;
import dev.conf.output.Times;
import dev.conf.service.ContentType;
import dev.conf.service.Page;
import dev.conf.service.PageVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code conf page history}: a page's versions, newest first. */
@Access(Access.Kind.READS)
@Examples({"conf page history DOCS:Runbook", "conf page history 12345 --all --json number,who"})
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = {
      "List a page's versions, newest first: number, author, date, message.",
      "",
      "In a pipe: tab-separated VERSION, AUTHOR, DATE, MESSAGE. With --json: an array of "
          + "{number, author, date, message, minorEdit}. Data Center's API has no version "
          + "listing: conf reads one version per request there."
    })
public final class PageHistoryCommand implements Callable<Integer>, JsonOptions.Fielded {
  private final CommandContext ctx;

  @Parameters(
      paramLabel = "PAGE",
      description = "An id, SPACEKEY:Title, or the URL from the browser.")
  String target;

  @Mixin LimitOptions limit = new LimitOptions();

  @Mixin JsonOptions json;

  PageHistoryCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public JsonFields jsonFields() {
    return JsonFields.of(PageVersion.class);
  }

  @Override
  public Integer call() {
    long maxItems = limit.max();
    String id = new PageResolver(ctx).id(ContentType.PAGE, target);
    List<PageVersion> versions = ctx.service().pages().pageVersions(ContentType.PAGE, id, maxItems);
    // No name lookup for JSON that does not print the author.
    Map<String, String> names =
        json.enabled() && !json.wants("author")
            ? Map.of()
            : ctx.service().userNames(versions.stream().map(PageVersion::author).toList());
    List<PageVersion> named = new ArrayList<>();
    for (PageVersion v : versions) {
      named.add(
          new PageVersion(
              v.number(), Page.nameOf(names, v.author()), v.date(), v.message(), v.minorEdit()));
    }
    if (json.enabled()) {
      json.print(ctx.io(), named);
      return 0;
    }
    TablePrinter table = new TablePrinter(ctx.io(), "version", "author", "date", "message");
    for (PageVersion v : named) {
      table.row(
          String.valueOf(v.number()),
          v.author(),
          Times.show(v.date(), ctx.io().isStdoutTty(), ctx.clock()),
          (v.minorEdit() && ctx.io().isStdoutTty() ? "(minor) " : "")
              + (v.message() == null ? "" : v.message()));
    }
    table.print();
    return 0;
  }
}
