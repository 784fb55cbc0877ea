package dev.conf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conf.cli.search.SearchCommandAccess;
import dev.conf.testing.ConfRunner;
import dev.conf.testing.ConfRunner.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
  void wordsAfterJsonThatAreNotFieldsStayArguments() {
    var cmd = SearchCommandAccess.parse(configDir, "search", "--json", "kubernetes");
    assertThat(SearchCommandAccess.words(cmd)).containsExactly("kubernetes");
    assertThat(SearchCommandAccess.jsonFields(cmd)).isEmpty();
    var fields = SearchCommandAccess.parse(configDir, "search", "--json", "title", "kubernetes");
    assertThat(SearchCommandAccess.jsonFields(fields)).containsExactly("title");
    assertThat(SearchCommandAccess.words(fields)).containsExactly("kubernetes");
  }
}
