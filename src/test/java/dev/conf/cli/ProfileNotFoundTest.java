package dev.conf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conf.testing.ConfRunner;
import dev.conf.testing.ConfRunner.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --profile NAME} that does not exist is exit 3, whatever the environment holds. */
class ProfileNotFoundTest {
  @TempDir Path tmp;

  @Test
  void anExplicitProfileThatDoesNotExistIsNotReplacedByTheEnvironment() {
    ConfRunner conf =
        new ConfRunner(tmp.resolve("config"))
            .env("CONFLUENCE_URL", "http://127.0.0.1:9")
            .env("CONFLUENCE_DEPLOYMENT", "dc")
            .env("CONFLUENCE_PAT", "pat");
    Result r = conf.run("--profile", "nosuch", "space", "list");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.err())
        .isEqualTo("conf: no profile named 'nosuch': see `conf auth status`, or log in with it\n");
    assertThat(conf.sleeps).isEmpty();
  }
}
