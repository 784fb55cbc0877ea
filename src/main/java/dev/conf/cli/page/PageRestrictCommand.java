package dev.conf.cli.page;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.JsonOptions;
import dev.conf.cli.content.PageResolver;
import dev.conf.error.ConfException;
import dev.conf.output.JsonFields;
import dev.conf.service.ContentType;
import dev.conf.service.Restriction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code conf page restrict PAGE --view|--edit user:NAME|group:NAME... [--remove]}. */
@Access(Access.Kind.WRITES)
@Examples({
  "conf page restrict DOCS:Payroll --view group:finance",
  "conf page restrict 12345 --edit user:jdoe",
  "conf page restrict 12345 --edit user:jdoe --remove"
})
@Command(
    name = "restrict",
    mixinStandardHelpOptions = true,
    description = {
      "Restrict who may view or edit a page, or with --remove lift such restrictions.",
      "",
      "Each --view or --edit names user:NAME or group:NAME (repeat them). A user is an account "
          + "id on Confluence Cloud and a username on Data Center. The page's other restrictions "
          + "stay; the restrictions the page has afterwards are printed as `conf page "
          + "restrictions` prints them."
    })
public final class PageRestrictCommand implements Callable<Integer>, JsonOptions.Fielded {
  private final CommandContext ctx;

  @Parameters(
      paramLabel = "PAGE",
      description = "An id, SPACEKEY:Title, or the URL from the browser.")
  String target;

  @Option(
      names = "--view",
      paramLabel = "user:NAME|group:NAME",
      description = "Who may view the page.")
  List<String> view = new ArrayList<>();

  @Option(
      names = "--edit",
      paramLabel = "user:NAME|group:NAME",
      description = "Who may edit the page.")
  List<String> edit = new ArrayList<>();

  @Option(names = "--remove", description = "Lift these restrictions instead of adding them.")
  boolean remove;

  @Mixin JsonOptions json;

  PageRestrictCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public JsonFields jsonFields() {
    return JsonFields.of(Restriction.class);
  }

  @Override
  public Integer call() {
    List<Restriction> given = new ArrayList<>();
    view.forEach(v -> given.add(parse("view", v)));
    edit.forEach(e -> given.add(parse("edit", e)));
    if (given.isEmpty()) {
      throw ConfException.usage("give --view or --edit with user:NAME or group:NAME");
    }
    String id = new PageResolver(ctx).id(ContentType.PAGE, target);
    List<Restriction> current = ctx.service().pages().restrictions(id);
    List<Restriction> next = new ArrayList<>(current);
    List<String> missing = new ArrayList<>();
    for (Restriction g : given) {
      boolean has = current.stream().anyMatch(c -> c.sameAs(g));
      if (remove) {
        if (!has) {
          missing.add(g.operation() + " " + g.type() + ":" + g.name());
        }
        next.removeIf(c -> c.sameAs(g));
      } else if (!has) {
        next.add(g);
      }
    }
    if (!missing.isEmpty()) {
      throw ConfException.notFound(
          "page " + id + " has no such restriction: " + String.join(", ", missing));
    }
    if (next.equals(current)) {
      ctx.io()
          .err()
          .println("No changes: page " + id + " already has these restrictions; nothing was sent.");
      return 0;
    }
    List<Restriction> after = ctx.service().pages().setRestrictions(id, next);
    if (json.enabled()) {
      json.print(ctx.io(), after);
      return 0;
    }
    ctx.io()
        .err()
        .println(
            (remove ? "Lifted " : "Added ")
                + given.size()
                + " restriction"
                + (given.size() == 1 ? "" : "s")
                + " on page "
                + id
                + ".");
    PageRestrictionsCommand.print(ctx, id, after);
    return 0;
  }

  private static Restriction parse(String operation, String arg) {
    int colon = arg.indexOf(':');
    String type = colon < 0 ? "" : arg.substring(0, colon);
    String name = colon < 0 ? "" : arg.substring(colon + 1).strip();
    if (!(type.equals("user") || type.equals("group")) || name.isEmpty()) {
      throw ConfException.usage(
          "--" + operation + " takes user:NAME or group:NAME, not '" + arg + "'");
    }
    return new Restriction(operation, type, name, type.equals("user") ? name : null);
  }
}
