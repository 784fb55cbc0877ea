package dev.conf.cli.label;

import dev.conf.cli.CommandContext;
import dev.conf.cli.page.PageResolver;
import dev.conf.service.ContentType;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code conf label add PAGE LABEL...}. */
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    description = {
      "Add labels to a page; labels it already has stay.",
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
      description = "An id, SPACEKEY:Title, or the URL from the browser.")
  String page;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "LABEL", description = "Labels to add.")
  List<String> labels;

  LabelAddCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    List<String> names = LabelNames.of(labels);
    String id = new PageResolver(ctx).id(ContentType.PAGE, page);
    ctx.service().items().addLabels(id, names);
    ctx.io().err().println("Added " + String.join(", ", names) + " to page " + id + ".");
    return 0;
  }
}
