package dev.conf.cli.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conf.testing.ConfRunner;
import dev.conf.testing.ConfRunner.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --file F | -} on every command that takes a body, refused before any request. */
class BodyInputTest {
  @TempDir Path configDir;

  private Result run(String... args) {
    // An unreachable site: a request would end in exit 1.
    return new ConfRunner(configDir)
        .env("CONFLUENCE_URL", "http://127.0.0.1:9")
        .env("CONFLUENCE_PAT", "pat")
        .run(args);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "page create --space ENG --title T -F a.md -|give the body with --file or -, not both",
        "blog update 42 -F a.md -|give the body with --file or -, not both",
        "page update 42 nope|unexpected argument 'nope' (use --file F or - for stdin)",
        "comment add 42 --file a.md -|give the body with --file or -, not both",
        "comment add 42 --body hi -|give the comment one way only: --body, --file or -",
      })
  void aSecondOrStrayBodyIsAUsageError(String args, String message) {
    Result r = run(args.split(" "));
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).startsWith("conf: " + message + "\n");
  }

  @Test
  void theDashComesAfterTheCommandsOwnArguments() {
    Result help = new ConfRunner(configDir).run("page", "update", "--help");
    assertThat(help.out()).contains("PAGE [STDIN]", "-F, --file=F");
    assertThat(new ConfRunner(configDir).run("comment", "add", "--help").out())
        .contains("PAGE [STDIN]");
  }
}
