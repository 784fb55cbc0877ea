package dev.conf.cli.property;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.JsonOptions;
import dev.conf.cli.content.PageResolver;
import dev.conf.output.JsonFields;
import dev.conf.output.TablePrinter;
import dev.conf.service.ContentProperty;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code conf property list PAGE}. */
@Access(Access.Kind.READS)
@Examples({"conf property list DOCS:Runbook", "conf property list 12345 --json"})
@Command(
    name = "list",
    aliases = "ls",
    mixinStandardHelpOptions = true,
    description = {
      "List the content properties of a page or blog post: key, version, value (compact JSON).",
      "",
      "In a pipe: tab-separated KEY, VERSION, VALUE. With --json: an array of "
          + "{id, key, version, value}."
    })
public final class PropertyListCommand implements Callable<Integer>, JsonOptions.Fielded {
  private final CommandContext ctx;

  @Parameters(
      paramLabel = "PAGE",
      description =
          "A page (id, SPACEKEY:Title or URL from the browser) or a blog post (its id or URL).")
  String page;

  @Mixin JsonOptions json;

  PropertyListCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public JsonFields jsonFields() {
    return JsonFields.of(ContentProperty.class);
  }

  @Override
  public Integer call() {
    PageResolver.Target target = new PageResolver(ctx).target(page);
    List<ContentProperty> properties = ctx.service().items().properties(target.type(), target.id());
    if (json.enabled()) {
      json.print(ctx.io(), properties);
      return 0;
    }
    if (properties.isEmpty() && ctx.io().isStdoutTty()) {
      ctx.io().err().println(target.capitalized() + " has no content properties.");
      return 0;
    }
    TablePrinter table = new TablePrinter(ctx.io(), "key", "version", "value");
    for (ContentProperty p : properties) {
      table.row(p.key(), String.valueOf(p.version()), p.value().toString());
    }
    table.print();
    return 0;
  }
}
