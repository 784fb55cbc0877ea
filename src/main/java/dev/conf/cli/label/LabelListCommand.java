package dev.conf.cli.label;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.JsonOptions;
import dev.conf.cli.content.PageResolver;
import dev.conf.output.JsonFields;
import dev.conf.service.Label;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code conf label list PAGE}. */
@Access(Access.Kind.READS)
@Examples({"conf label list DOCS:Runbook", "conf label list 12345 --json name"})
@Command(
    name = "list",
    aliases = "ls",
    mixinStandardHelpOptions = true,
    description = {
      "List the labels of a page or blog post, one a line.",
      "",
      "With --json: an array of {name, prefix, id}."
    })
public final class LabelListCommand implements Callable<Integer>, JsonOptions.Fielded {
  private final CommandContext ctx;

  @Parameters(
      paramLabel = "PAGE",
      description =
          "A page (id, SPACEKEY:Title or URL from the browser) or a blog post (its id or URL).")
  String page;

  @Mixin JsonOptions json;

  LabelListCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public JsonFields jsonFields() {
    return JsonFields.of(Label.class);
  }

  @Override
  public Integer call() {
    PageResolver.Target target = new PageResolver(ctx).target(page);
    List<Label> labels = ctx.service().items().labels(target.type(), target.id());
    if (json.enabled()) {
      json.print(ctx.io(), labels);
      return 0;
    }
    if (labels.isEmpty() && ctx.io().isStdoutTty()) {
      ctx.io().err().println(target.capitalized() + " has no labels.");
    }
    for (Label l : labels) {
      // Personal and team labels are shown with their prefix, as Confluence writes them.
      ctx.io()
          .out()
          .println(
              l.prefix() == null || l.prefix().equals("global")
                  ? l.name()
                  : l.prefix() + ":" + l.name());
    }
    return 0;
  }
}
