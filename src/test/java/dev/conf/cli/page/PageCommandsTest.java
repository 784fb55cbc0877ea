package dev.conf.cli.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conf.cli.Browser;
import dev.conf.testing.ConfRunner;
import dev.conf.testing.ConfRunner.Result;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing and offline behaviour of the page, blog and open commands: no server involved. */
class PageCommandsTest {
  @TempDir Path configDir;

  private ConfRunner conf() {
    // An unreachable site: any request would fail these tests with exit 1.
    return new ConfRunner(configDir)
        .env("CONFLUENCE_URL", "http://127.0.0.1:9")
        .env("CONFLUENCE_PAT", "pat");
  }

  @Test
  void helpListsEverySubcommandAndTouchesNothing() {
    ConfRunner conf = new ConfRunner(configDir);
    Result r = conf.run("page", "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("list", "view", "create", "update", "delete", "children", "tree", "history")
        .contains("diff", "move", "copy", "SPACEKEY:Title");
    assertThat(conf.keychainOpened).isZero();
    assertThat(conf.run("blog", "--help").out()).contains("create", "update", "delete");
    // view's --version N picks a page version; --help must still work beside it.
    Result view = conf.run("page", "view", "--help");
    assertThat(view.exitCode()).as(view.toString()).isZero();
    assertThat(view.out()).contains("--version=N", "--web", "--raw");
    assertThat(conf.run("blog", "view", "-h").exitCode()).isZero();
    assertThat(conf.run("page", "move", "--help").out()).contains("Data Center's REST API has no");
  }

  @Test
  void treeNeedsAPageOrASpaceButNotBoth() {
    Result neither = conf().run("page", "tree");
    assertThat(neither.exitCode()).isEqualTo(2);
    assertThat(neither.err()).isEqualTo("conf: give either a PAGE or --space KEY\n");
    Result both = conf().run("page", "tree", "42", "--space", "DOCS");
    assertThat(both.exitCode()).isEqualTo(2);
  }

  @Test
  void updateWithNothingToChangeIsAUsageError() {
    Result r = conf().run("page", "update", "42");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("nothing to update");
  }

  @Test
  void copyRecursiveWithATitleIsAUsageError() {
    Result r = conf().run("page", "copy", "1", "--parent", "2", "--recursive", "--title", "X");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--title applies to a single page");
  }

  @Test
  void badOptionValuesFailBeforeAnyRequest() {
    assertThat(conf().run("page", "view", "42", "--format", "pdf").exitCode()).isEqualTo(2);
    assertThat(conf().run("page", "list", "--space", "D", "--status", "gone").exitCode())
        .isEqualTo(2);
    assertThat(
            conf()
                .run("page", "create", "--space", "D", "--title", "T", "--format", "html")
                .exitCode())
        .isEqualTo(2);
    assertThat(conf().run("page", "view", "not a page").exitCode()).isEqualTo(2);
  }

  @Test
  void theSystemBrowserIsChosenByPlatformAndNeverGuessedWithoutADisplay() {
    String u = "https://x/wiki";
    assertThat(Browser.command(Map.of("BROWSER", "firefox"), "Linux", u))
        .isEqualTo(List.of("firefox", u));
    assertThat(Browser.command(Map.of(), "Mac OS X", u)).isEqualTo(List.of("open", u));
    assertThat(Browser.command(Map.of(), "Windows 11", u))
        .isEqualTo(List.of("rundll32", "url.dll,FileProtocolHandler", u));
    assertThat(Browser.command(Map.of("DISPLAY", ":0"), "Linux", u))
        .isEqualTo(List.of("xdg-open", u));
    assertThat(Browser.command(Map.of(), "Linux", u)).isNull();
  }
}
