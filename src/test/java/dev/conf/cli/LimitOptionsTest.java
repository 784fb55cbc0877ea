package dev.conf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conf.error.ConfException;
import dev.conf.testing.ConfRunner;
import dev.conf.testing.ConfRunner.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class LimitOptionsTest {
  @TempDir Path configDir;

  @Command(name = "listing")
  static final class Listing {
    @Mixin LimitOptions limit = new LimitOptions(100);
  }

  @Test
  void theDefaultIsTheCommandsAndEachParseStartsFromIt() {
    Listing listing = new Listing();
    CommandLine cl = new CommandLine(listing);
    cl.parseArgs("--limit", "7");
    assertThat(listing.limit.max()).isEqualTo(7);
    assertThat(listing.limit.limitGiven()).isTrue();
    cl.parseArgs();
    assertThat(listing.limit.max()).isEqualTo(100);
    assertThat(listing.limit.limitGiven()).isFalse();
    cl.parseArgs("--all");
    assertThat(listing.limit.max()).isEqualTo(Long.MAX_VALUE);
    assertThat(cl.getUsageMessage()).contains("At most N (default: 100).");
  }

  @Test
  void aLimitBelowOneIsAUsageErrorUnlessAllOverridesIt() {
    Listing listing = new Listing();
    CommandLine cl = new CommandLine(listing);
    cl.parseArgs("--limit", "0");
    assertThatThrownBy(listing.limit::max)
        .isInstanceOf(ConfException.class)
        .hasMessage("--limit must be at least 1");
    cl.parseArgs("--limit", "0", "--all");
    assertThat(listing.limit.max()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void everyListingShowsItsOwnDefault() {
    ConfRunner conf = new ConfRunner(configDir);
    assertThat(conf.run("space", "list", "--help").out()).contains("(default: 25)");
    assertThat(conf.run("page", "children", "--help").out()).contains("(default: 100)");
    assertThat(conf.run("attachment", "list", "--help").out()).contains("(default: 100)");
    assertThat(conf.run("comment", "list", "--help").out()).contains("(default: 25)");
    assertThat(conf.run("search", "--help").out()).contains("(default: 25)");
  }

  @Test
  void searchRefusesLimitBesideAllBeforeAnyRequest() {
    // An unreachable site: a request would end in exit 1.
    Result r =
        new ConfRunner(configDir)
            .env("CONFLUENCE_URL", "http://127.0.0.1:9")
            .env("CONFLUENCE_PAT", "pat")
            .run("search", "label = x", "--limit", "3", "--all");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("conf: --limit and --all cannot be used together");
  }
}
