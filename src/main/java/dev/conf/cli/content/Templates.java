package dev.conf.cli.content;

import dev.conf.cli.CommandContext;
import dev.conf.error.ConfException;
import dev.conf.service.Template;
import java.util.ArrayList;
import java.util.List;

/** {@code --template NAME|ID}: a template of the space, or a global one, with its body. */
public final class Templates {
  private Templates() {}

  /**
   * The template {@code arg} names: a numeric id, or a name among the space's templates and then
   * the global ones (exact first, then ignoring case); exit 3 naming those there are when none has
   * it, exit 2 when two of the same list do.
   */
  public static Template find(CommandContext ctx, String spaceKey, String arg) {
    if (arg.chars().allMatch(Character::isDigit)) {
      return ctx.service().pages().template(arg);
    }
    List<String> names = new ArrayList<>();
    for (String space : new String[] {spaceKey, null}) {
      List<Template> all = ctx.service().pages().templates(space);
      List<Template> found = all.stream().filter(t -> arg.equals(t.name())).toList();
      if (found.isEmpty()) {
        found = all.stream().filter(t -> arg.equalsIgnoreCase(t.name())).toList();
      }
      if (found.size() > 1) {
        throw ConfException.usage(
            (space == null ? "global" : "space " + space)
                + " has "
                + found.size()
                + " templates named '"
                + arg
                + "': give its id ("
                + String.join(", ", found.stream().map(Template::id).toList())
                + ")");
      }
      if (found.size() == 1) {
        return ctx.service().pages().template(found.get(0).id());
      }
      all.forEach(t -> names.add(t.name()));
    }
    throw ConfException.notFound(
        "no template '"
            + arg
            + "' in space "
            + spaceKey
            + " or among the global ones"
            + (names.isEmpty() ? " (there are none)" : "; there are: " + String.join(", ", names)));
  }
}
