package dev.conf.cli.space;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.JsonOptions;
import dev.conf.cli.LimitOptions;
import dev.conf.output.JsonFields;
import dev.conf.output.TablePrinter;
import dev.conf.service.Space;
import dev.conf.service.SpaceQuery;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code conf space list}: the spaces the user can see. */
@Access(Access.Kind.READS)
@Examples({
  "conf space list",
  "conf space list --all | cut -f1",
  "conf space list --type global --json key,name"
})
@Command(
    name = "list",
    aliases = "ls",
    mixinStandardHelpOptions = true,
    description = {
      "List spaces.",
      "",
      "On a terminal: a table. In a pipe: tab-separated KEY, NAME, TYPE, STATUS, ID. With "
          + "--json: an array of {id, key, name, type, status, description, homepageId, url}."
    })
public final class SpaceListCommand implements Callable<Integer>, JsonOptions.Fielded {
  private final CommandContext ctx;

  @Mixin LimitOptions limit = new LimitOptions();

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      description = "Only spaces of this type: global, personal, ...")
  String type;

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description = "Only current or archived spaces.")
  String status;

  @Mixin JsonOptions json;

  SpaceListCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public JsonFields jsonFields() {
    return JsonFields.of(Space.class);
  }

  @Override
  public Integer call() {
    long maxItems = limit.max();
    List<Space> spaces = ctx.service().listSpaces(new SpaceQuery(type, status), maxItems);
    ctx.names().spaces(spaces.stream().map(Space::key).toList());
    if (json.enabled()) {
      json.print(ctx.io(), spaces);
      return 0;
    }
    if (spaces.isEmpty()) {
      if (ctx.io().isStdoutTty()) {
        ctx.io().err().println("No spaces found.");
      }
      return 0;
    }
    ctx.io().startPager();
    TablePrinter table = new TablePrinter(ctx.io(), "key", "name", "type", "status", "id");
    for (Space s : spaces) {
      table.row(s.key(), s.name(), s.type(), s.status(), s.id());
    }
    table.print();
    return 0;
  }
}
