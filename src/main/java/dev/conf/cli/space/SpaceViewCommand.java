package dev.conf.cli.space;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.JsonOptions;
import dev.conf.output.FieldList;
import dev.conf.output.JsonFields;
import dev.conf.service.Space;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code conf space view KEY}: one space's details. */
@Access(Access.Kind.READS)
@Examples({"conf space view DOCS", "conf space view DOCS --json"})
@Command(
    name = "view",
    mixinStandardHelpOptions = true,
    description = "Show a space. Exit code 3 when it does not exist.")
public final class SpaceViewCommand implements Callable<Integer>, JsonOptions.Fielded {
  private final CommandContext ctx;

  @Parameters(paramLabel = "KEY", description = "The space key, e.g. DOCS.")
  String key;

  @Mixin JsonOptions json;

  SpaceViewCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public JsonFields jsonFields() {
    return JsonFields.of(Space.class);
  }

  @Override
  public Integer call() {
    Space s = ctx.service().getSpace(key);
    if (json.enabled()) {
      json.print(ctx.io(), s);
      return 0;
    }
    new FieldList(ctx.io())
        .add("Key", s.key())
        .add("Name", s.name())
        .add("ID", s.id())
        .add("Type", s.type())
        .add("Status", s.status())
        .add("Homepage", s.homepageId())
        .add("URL", s.url())
        .add("Description", s.description())
        .print();
    return 0;
  }
}
