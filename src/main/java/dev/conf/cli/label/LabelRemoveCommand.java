package dev.conf.cli.label;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.content.LabelNames;
import dev.conf.cli.content.PageResolver;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.service.Label;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code conf label remove PAGE LABEL...}. */
@Access(Access.Kind.WRITES)
@Examples({"conf label remove DOCS:Runbook draft", "conf label remove 12345 draft obsolete"})
@Command(
    name = "remove",
    aliases = "rm",
    mixinStandardHelpOptions = true,
    description = {
      "Remove labels from a page or blog post.",
      "",
      "Labels it does not have are reported and the command exits 3; the",
      "others are still removed."
    })
public final class LabelRemoveCommand implements Callable<Integer> {
  private final CommandContext ctx;

  @Parameters(
      index = "0",
      paramLabel = "PAGE",
      description =
          "A page (id, SPACEKEY:Title or URL from the browser) or a blog post (its id or URL).")
  String page;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "LABEL",
      description = "Labels to remove.")
  List<String> labels;

  LabelRemoveCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    List<String> names = LabelNames.of(labels);
    PageResolver.Target target = new PageResolver(ctx).target(page);
    String id = target.id();
    // Read first: a label the page lacks is most likely a typo, worth naming rather than letting
    // the server's answer to it (which differs between versions) decide.
    Set<String> present =
        ctx.service().items().labels(target.type(), id).stream()
            .map(Label::name)
            .collect(Collectors.toSet());
    List<String> missing = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (String name : names) {
      if (!present.contains(name)) {
        missing.add(name);
        continue;
      }
      ctx.service().items().removeLabel(id, name);
      removed.add(name);
    }
    if (!removed.isEmpty()) {
      ctx.io()
          .err()
          .println("Removed " + String.join(", ", removed) + " from " + target.describe() + ".");
    }
    if (!missing.isEmpty()) {
      throw new ConfException(
          ExitCode.NOT_FOUND, target.describe() + " has no label " + String.join(", ", missing));
    }
    return 0;
  }
}
