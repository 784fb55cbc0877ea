package dev.conf.cli.page;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.JsonOptions;
import dev.conf.cli.content.PageResolver;
import dev.conf.output.JsonFields;
import dev.conf.output.TablePrinter;
import dev.conf.service.ContentType;
import dev.conf.service.Restriction;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code conf page restrictions PAGE}: who may view and edit it. */
@Access(Access.Kind.READS)
@Examples({"conf page restrictions DOCS:Payroll", "conf page restrictions 12345 --json"})
@Command(
    name = "restrictions",
    mixinStandardHelpOptions = true,
    description = {
      "List who may view and who may edit a page (its own restrictions, not its parents').",
      "",
      "In a pipe: tab-separated OPERATION (view or edit), TYPE (user or group), NAME, ID. "
          + "With --json: an array of {operation, type, name, id}. A page without restrictions "
          + "lists nothing: everyone who can see the space may view and edit it."
    })
public final class PageRestrictionsCommand implements Callable<Integer>, JsonOptions.Fielded {
  private final CommandContext ctx;

  @Parameters(
      paramLabel = "PAGE",
      description = "An id, SPACEKEY:Title, or the URL from the browser.")
  String target;

  @Mixin JsonOptions json;

  PageRestrictionsCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public JsonFields jsonFields() {
    return JsonFields.of(Restriction.class);
  }

  @Override
  public Integer call() {
    String id = new PageResolver(ctx).id(ContentType.PAGE, target);
    List<Restriction> all = ctx.service().pages().restrictions(id);
    if (json.enabled()) {
      json.print(ctx.io(), all);
      return 0;
    }
    print(ctx, id, all);
    return 0;
  }

  static void print(CommandContext ctx, String id, List<Restriction> all) {
    if (all.isEmpty()) {
      if (ctx.io().isStdoutTty()) {
        ctx.io()
            .err()
            .println(
                "Page "
                    + id
                    + " has no restrictions: everyone who can see the space may view and edit"
                    + " it.");
      }
      return;
    }
    TablePrinter table = new TablePrinter(ctx.io(), "operation", "type", "name", "id");
    for (Restriction r : all) {
      table.row(r.operation(), r.type(), r.name(), r.id());
    }
    table.print();
  }
}
