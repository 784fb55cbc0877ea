package dev.conf.cli.property;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.content.PageResolver;
import dev.conf.error.ConfException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code conf property delete PAGE KEY}. */
@Access(Access.Kind.WRITES)
@Examples({"conf property delete DOCS:Runbook owner", "conf property delete 12345 review"})
@Command(
    name = "delete",
    aliases = "rm",
    mixinStandardHelpOptions = true,
    description = {
      "Delete one content property of a page or blog post.",
      "",
      "Exit 3 when the page has no property of that key."
    })
public final class PropertyDeleteCommand implements Callable<Integer> {
  private final CommandContext ctx;

  @Parameters(
      index = "0",
      paramLabel = "PAGE",
      description =
          "A page (id, SPACEKEY:Title or URL from the browser) or a blog post (its id or URL).")
  String page;

  @Parameters(index = "1", paramLabel = "KEY", description = "The property's key.")
  String key;

  PropertyDeleteCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    PageResolver.Target target = new PageResolver(ctx).target(page);
    var existing = ctx.service().items().property(target.type(), target.id(), key);
    if (existing == null) {
      throw ConfException.notFound(target.describe() + " has no property '" + key + "'");
    }
    ctx.service().items().deleteProperty(target.type(), target.id(), existing);
    ctx.io().err().println("Deleted property '" + key + "' of " + target.describe() + ".");
    return 0;
  }
}
