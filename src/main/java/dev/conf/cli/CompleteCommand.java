package dev.conf.cli;

import dev.conf.config.NameCache;
import dev.conf.service.Space;
import dev.conf.service.SpaceQuery;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code conf __complete space|page WORD}: what the completion scripts ask for a space key or a
 * page. Candidates come from {@link NameCache}, never the network, unless the cache has no space at
 * all and {@code CONF_COMPLETION_FETCH=1} allows one space listing (which fills it).
 */
@Access(Access.Kind.READS)
@Examples({"conf __complete space DO", "conf __complete page DOCS:Run"})
@Command(name = "__complete", hidden = true, description = "Candidates for shell completion.")
public final class CompleteCommand implements Callable<Integer> {
  private final CommandContext ctx;

  @Parameters(index = "0", paramLabel = "KIND")
  String kind;

  @Parameters(index = "1", paramLabel = "WORD", defaultValue = "")
  String word;

  CompleteCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    NameCache names = ctx.names();
    if (names.spaceKeys("").isEmpty() && "1".equals(ctx.env().get("CONF_COMPLETION_FETCH"))) {
      try {
        names.spaces(
            ctx.service().listSpaces(new SpaceQuery(null, null), 250).stream()
                .map(Space::key)
                .toList());
      } catch (RuntimeException e) {
        // No candidates rather than an error in the middle of the user's command line.
      }
    }
    PrintWriter out = ctx.io().out();
    int colon = word.indexOf(':');
    if (kind.equals("page") && colon > 0) {
      String key = word.substring(0, colon);
      for (String title : names.titles(key, word.substring(colon + 1))) {
        out.println(key + ":" + title);
      }
    } else {
      for (String key : names.spaceKeys(word)) {
        out.println(kind.equals("page") ? key + ":" : key);
      }
    }
    out.flush();
    return 0;
  }
}
