package dev.conf.cli.property;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.JsonOptions;
import dev.conf.cli.content.PageResolver;
import dev.conf.error.ConfException;
import dev.conf.output.JsonFields;
import dev.conf.service.ContentProperty;
import dev.conf.util.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code conf property get PAGE KEY}. */
@Access(Access.Kind.READS)
@Examples({"conf property get DOCS:Runbook owner", "conf property get 12345 review --jq .value"})
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = {
      "Print the value of one content property, as indented JSON.",
      "",
      "Exit 3 when the page has no property of that key. With --json: {id, key, version, value}."
    })
public final class PropertyGetCommand implements Callable<Integer>, JsonOptions.Fielded {
  private final CommandContext ctx;

  @Parameters(
      index = "0",
      paramLabel = "PAGE",
      description =
          "A page (id, SPACEKEY:Title or URL from the browser) or a blog post (its id or URL).")
  String page;

  @Parameters(index = "1", paramLabel = "KEY", description = "The property's key.")
  String key;

  @Mixin JsonOptions json;

  PropertyGetCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public JsonFields jsonFields() {
    return JsonFields.of(ContentProperty.class);
  }

  @Override
  public Integer call() throws Exception {
    PageResolver.Target target = new PageResolver(ctx).target(page);
    ContentProperty p = ctx.service().items().property(target.type(), target.id(), key);
    if (p == null) {
      throw ConfException.notFound(target.describe() + " has no property '" + key + "'");
    }
    if (json.enabled()) {
      json.print(ctx.io(), p);
      return 0;
    }
    ctx.io()
        .out()
        .println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(p.value()));
    ctx.io().out().flush();
    return 0;
  }
}
