package dev.conf.cli.template;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.JsonOptions;
import dev.conf.output.JsonFields;
import dev.conf.output.TablePrinter;
import dev.conf.service.Template;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code conf template list [--space KEY]}. */
@Access(Access.Kind.READS)
@Examples({"conf template list", "conf template list --space DOCS --json"})
@Command(
    name = "list",
    aliases = "ls",
    mixinStandardHelpOptions = true,
    description = {
      "List the page templates of a space, or without --space the global ones.",
      "",
      "In a pipe: tab-separated ID, NAME, DESCRIPTION. With --json: an array of "
          + "{id, name, description, spaceKey}."
    })
public final class TemplateListCommand implements Callable<Integer>, JsonOptions.Fielded {
  private final CommandContext ctx;

  @Option(names = "--space", paramLabel = "KEY", description = "The space's templates.")
  String space;

  @Mixin JsonOptions json;

  TemplateListCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public JsonFields jsonFields() {
    return JsonFields.of("id", "name", "description", "spaceKey");
  }

  @Override
  public Integer call() {
    List<Template> templates = ctx.service().pages().templates(space);
    if (json.enabled()) {
      json.print(ctx.io(), templates);
      return 0;
    }
    if (templates.isEmpty() && ctx.io().isStdoutTty()) {
      ctx.io()
          .err()
          .println(
              space == null ? "No global templates." : "Space " + space + " has no templates.");
      return 0;
    }
    TablePrinter table = new TablePrinter(ctx.io(), "id", "name", "description");
    for (Template t : templates) {
      table.row(t.id(), t.name(), t.description() == null ? "" : t.description());
    }
    table.print();
    return 0;
  }
}
