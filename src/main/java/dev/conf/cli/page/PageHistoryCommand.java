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
import dev.conf.service.PageVersion;
import dev.conf.service.Person;
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
          + "{number, author, authorId, date, message, minorEdit}. Data Center's API has no version "
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
    // One lookup for every writer the answer names by id only; none for JSON without authors.
    List<String> ids =
        json.enabled() && !json.wants("author")
            ? List.of()
            : versions.stream().filter(PageVersion::unnamed).map(PageVersion::authorId).toList();
    Map<String, Person> people = ids.isEmpty() ? Map.of() : ctx.service().people(ids);
    List<PageVersion> named = new ArrayList<>();
    for (PageVersion v : versions) {
      named.add(v.withPeople(people));
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
