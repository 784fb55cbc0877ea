package dev.conf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conf.cli.search.SearchCommandAccess;
import dev.conf.http.Sleeper;
import dev.conf.output.Io;
import dev.conf.testing.ConfRunner;
import dev.conf.testing.ConfRunner.Result;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The shared --json/--jq options, parsed and checked before anything is fetched. */
class JsonOptionsTest {
  @TempDir Path configDir;

  private ConfRunner conf() {
    // A site nobody listens on: any request would fail with exit 1, not 2.
    return new ConfRunner(configDir)
        .env("CONFLUENCE_URL", "http://127.0.0.1:9/")
        .env("CONFLUENCE_DEPLOYMENT", "dc")
        .env("CONFLUENCE_PAT", "x");
  }

  @Test
  void anUnknownFieldListsTheAvailableOnesAndExits2() {
    Result r = conf().pipe().run("space", "list", "--json", "key,nme");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "conf: unknown JSON field: nme\nAvailable fields:\n  id\n  key\n  name\n  type\n"
                + "  status\n  description\n  homepageId\n  url\n"
                + "Run 'conf space list --help' for usage.\n");
  }

  @Test
  void aCommandWithoutArgumentsTakesAnyWordAfterJsonAsFields() {
    Result r = conf().pipe().run("space", "list", "--json", "bogus");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("conf: unknown JSON field: bogus\n");
  }

  @Test
  void authStatusSelectsFieldsOffline() {
    Result r = conf().pipe().run("auth", "status", "--offline", "--json=deployment,authType");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualToIgnoringWhitespace("{\"deployment\":\"dc\",\"authType\":\"pat\"}");
    Result jq = conf().pipe().run("auth", "status", "--offline", "--jq", ".site");
    assertThat(jq.out()).isEqualTo("http://127.0.0.1:9\n");
  }

  @Test
  void theWordAfterJsonIsAlwaysItsFieldsAsInGh() {
    // Issue 15: a word after --json used to become a search word when it was not a field, so a
    // misspelt field searched for it and printed []. Now it is the fields, on every command.
    Result r = conf().pipe().run("search", "--space", "DOC", "--json", "bogusfield");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("conf: unknown JSON field: bogusfield\nAvailable fields:\n  id\n");
    assertThat(r.out()).isEmpty();
    var words = SearchCommandAccess.parse(configDir, "search", "kubernetes", "--json");
    assertThat(SearchCommandAccess.words(words)).containsExactly("kubernetes");
    assertThat(SearchCommandAccess.jsonFields(words)).isEmpty();
    var fields = SearchCommandAccess.parse(configDir, "search", "--json", "title", "kubernetes");
    assertThat(SearchCommandAccess.jsonFields(fields)).containsExactly("title");
    assertThat(SearchCommandAccess.words(fields)).containsExactly("kubernetes");
  }

  @Test
  void aMisspeltFieldIsExit2WithTheListOnEveryCommand() {
    CommandContext ctx =
        new CommandContext(Io.builder().build(), Map.of(), Clock.systemUTC(), Sleeper.SYSTEM, null);
    List<String> withJson = new ArrayList<>();
    collect(new ConfApp(ctx).commandLine(), withJson);
    assertThat(withJson).hasSizeGreaterThan(15);
    for (String command : withJson) {
      List<String> args =
          new ArrayList<>(List.of(command.split(" ")).subList(1, command.split(" ").length));
      args.add("--json");
      args.add("nosuchfield");
      Result r = conf().pipe().run(args.toArray(String[]::new));
      assertThat(r.exitCode()).as(command + ": " + r).isEqualTo(2);
      assertThat(r.err())
          .as(command)
          .startsWith("conf: unknown JSON field: nosuchfield\nAvailable fields:\n  ");
      assertThat(r.out()).as(command).isEmpty();
    }
  }

  @Test
  void everyCommandWithJsonTakesTheSharedOptions() {
    CommandContext ctx =
        new CommandContext(Io.builder().build(), Map.of(), Clock.systemUTC(), Sleeper.SYSTEM, null);
    List<String> withJson = new ArrayList<>();
    collect(new ConfApp(ctx).commandLine(), withJson);
    assertThat(withJson)
        .contains(
            "conf page view",
            "conf page list",
            "conf page create",
            "conf page update",
            "conf page children",
            "conf page tree",
            "conf page history",
            "conf page copy",
            "conf blog view",
            "conf blog list",
            "conf blog create",
            "conf blog update",
            "conf space list",
            "conf search");
  }

  /** Names the commands with --json, failing on any that has its own --json instead of ours. */
  private static void collect(CommandLine cl, List<String> withJson) {
    var spec = cl.getCommandSpec();
    var json = spec.findOption("--json");
    if (json != null) {
      String name = spec.qualifiedName();
      assertThat(spec.userObject()).as(name).isInstanceOf(JsonOptions.Fielded.class);
      assertThat(spec.mixins()).as(name).containsKey("json");
      assertThat(spec.findOption("--jq")).as(name).isNotNull();
      withJson.add(name);
    }
    cl.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, withJson));
  }

  @Test
  void pageAndBlogCommandsCheckFieldsWhileParsing() {
    Result view = conf().pipe().run("blog", "view", "7", "--json=id,nope");
    assertThat(view.exitCode()).isEqualTo(2);
    assertThat(view.err()).startsWith("conf: unknown JSON field: nope\nAvailable fields:\n  id\n");
    Result children = conf().pipe().run("page", "children", "7", "--json", "id,position,depth");
    assertThat(children.exitCode()).isEqualTo(2);
    assertThat(children.err())
        .startsWith(
            "conf: unknown JSON field: depth\nAvailable fields:\n  id\n  title\n  type\n"
                + "  parentId\n  position\n");
    Result copy = conf().pipe().run("page", "copy", "7", "--parent", "8", "--json", "id,pgs");
    assertThat(copy.exitCode()).isEqualTo(2);
    assertThat(copy.err()).startsWith("conf: unknown JSON field: pgs\n");
  }
}
