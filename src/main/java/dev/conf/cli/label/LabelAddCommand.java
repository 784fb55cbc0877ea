package dev.conf.cli.label;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.content.LabelNames;
import dev.conf.cli.content.PageResolver;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code conf label add PAGE LABEL...}. */
@Access(Access.Kind.WRITES)
@Examples({"conf label add DOCS:Runbook runbook oncall", "conf label add 12345 draft"})
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    description = {
      "Add labels to a page or blog post; labels it already has stay.",
      "",
      "Each LABEL is checked first (no spaces, none of : ; , . ? & [ ] ( ) # ^ * @",
      "! < > ' \" | \\ /) and lower-cased, as Confluence stores it; one bad label",
      "changes nothing."
    })
public final class LabelAddCommand implements Callable<Integer> {
  private final CommandContext ctx;

  @Parameters(
      index = "0",
      paramLabel = "PAGE",
      description =
          "A page (id, SPACEKEY:Title or URL from the browser) or a blog post (its id or URL).")
  String page;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "LABEL", description = "Labels to add.")
  List<String> labels;

  LabelAddCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    List<String> names = LabelNames.of(labels);
    PageResolver.Target target = new PageResolver(ctx).target(page);
    ctx.service().items().addLabels(target.id(), names);
    ctx.io().err().println("Added " + String.join(", ", names) + " to " + target.describe() + ".");
    return 0;
  }
}
