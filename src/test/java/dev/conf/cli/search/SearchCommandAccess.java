package dev.conf.cli.search;

import dev.conf.cli.CommandContext;
import dev.conf.cli.ConfApp;
import dev.conf.http.Sleeper;
import dev.conf.output.Io;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ParseResult;

/** Parses a search command line without running it, for tests in other packages. */
public final class SearchCommandAccess {
  private SearchCommandAccess() {}

  public static SearchCommand parse(Path configDir, String... args) {
    CommandContext ctx =
        new CommandContext(
            Io.builder().build(),
            Map.of("CONF_CONFIG_DIR", configDir.toString()),
            Clock.systemUTC(),
            Sleeper.SYSTEM,
            () -> {
              throw new AssertionError("no keychain while parsing");
            });
    ParseResult result = new ConfApp(ctx).commandLine().parseArgs(args);
    return (SearchCommand) result.subcommand().commandSpec().userObject();
  }

  public static List<String> words(SearchCommand c) {
    return c.words;
  }

  public static List<String> jsonFields(SearchCommand c) {
    return c.json.fields();
  }
}
