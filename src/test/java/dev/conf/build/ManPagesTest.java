package dev.conf.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conf.cli.CommandContext;
import dev.conf.cli.ConfApp;
import dev.conf.http.Sleeper;
import dev.conf.output.Io;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The man pages: one per command, with its options and examples, and roff that man renders. */
class ManPagesTest {
  @TempDir Path tmp;

  CommandLine root;
  Path dir;
  List<Path> written;

  @BeforeEach
  void writeThem() throws IOException {
    CommandContext ctx =
        new CommandContext(Io.builder().build(), Map.of(), Clock.systemUTC(), Sleeper.SYSTEM, null);
    root = new ConfApp(ctx).commandLine();
    dir = tmp.resolve("man1");
    written = ManPages.write(root, dir, "9.9-test");
  }

  String page(String name) throws IOException {
    return Files.readString(dir.resolve(name + ".1"), StandardCharsets.UTF_8);
  }

  @Test
  void everyCommandHasAPageAndNothingElseIsWritten() throws IOException {
    List<CommandLine> all = new ArrayList<>();
    ManPages.collect(root, all);
    assertThat(all).hasSizeGreaterThan(40);
    List<String> expected = new ArrayList<>();
    for (CommandLine cl : all) {
      expected.add(cl.getCommandSpec().qualifiedName("-") + ".1");
      assertThat(cl.getCommandSpec().usageMessage().hidden()).isFalse();
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(expected)
          .contains("conf.1", "conf-page.1", "conf-page-update.1", "conf-export.1");
    }
    assertThat(written).hasSize(expected.size());
    for (Path p : written) {
      String text = Files.readString(p);
      assertThat(text).as(p.toString()).startsWith(".\\\" Generated").contains("\n.SH NAME\n");
      assertThat(text).as(p + " has examples").contains("\n.SH EXAMPLES\n");
    }
  }

  @Test
  void aPageHoldsTheCommandsOwnOptionsThenTheGlobalOnesAndItsExamples() throws IOException {
    String update = page("conf-page-update");
    assertThat(update)
        .contains(".TH \"CONF-PAGE-UPDATE\" 1 \"\" \"conf 9.9\\-test\" \"conf manual\"")
        .contains("conf\\-page\\-update \\- Save a new version of a page\n")
        .contains("\\fB\\-\\-title\\fR \\fIT\\fR")
        .contains("\\fB\\-\\-if\\-version\\fR \\fIN\\fR")
        .contains("\\fB\\-\\-dry\\-run\\fR\n")
        .contains("$ conf page update DOCS:Runbook \\-\\-file runbook.md")
        .contains(".BR conf\\-page (1)");
    int own = update.indexOf("\n.SH OPTIONS\n");
    int global = update.indexOf("\n.SH GLOBAL OPTIONS\n");
    int examples = update.indexOf("\n.SH EXAMPLES\n");
    assertThat(own).isPositive().isLessThan(global);
    assertThat(global).isLessThan(examples);
    assertThat(update.substring(own, global)).doesNotContain("\\-\\-profile");
    assertThat(update.substring(global, examples)).contains("\\-\\-profile").doesNotContain("\\-V");
    assertThat(page("conf")).contains("\\fB\\-V\\fR, \\fB\\-\\-version\\fR");
    // A parent lists its commands, each pointing at its own page.
    assertThat(page("conf-page"))
        .contains(".SH COMMANDS\n")
        .contains("See \\fBconf\\-page\\-update\\fR(1).");
    // A footer (exit codes) becomes its own section.
    assertThat(page("conf-publish")).contains("\n.SH EXIT CODES\n.nf\n");
  }

  @Test
  void textIsEscapedSoNoLineIsTakenForARequest() {
    assertThat(ManPages.escapeLine(".hidden")).isEqualTo("\\&.hidden");
    assertThat(ManPages.escapeLine("'quoted")).isEqualTo("\\&'quoted");
    assertThat(ManPages.escape("a\\b-c")).isEqualTo("a\\eb\\-c");
    assertThat(ManPages.escape("caf\u00e9 \u2192 \u2026"))
        .isEqualTo("caf\\[u00E9] \\[u2192] \\[u2026]");
    assertThat(ManPages.lines(new String[] {"one%ntwo 100%%"})).containsExactly("one", "two 100%");
  }

  @Test
  void manRendersEveryPageWithoutAWarning() throws Exception {
    Assumptions.assumeTrue(onPath("groff"), "no groff here");
    for (Path p : written) {
      Process groff =
          new ProcessBuilder("groff", "-man", "-Tutf8", "-ww", "-z", p.toString())
              .redirectErrorStream(true)
              .start();
      String out = new String(groff.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(groff.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(out).as(p + ": groff warnings").isEmpty();
      assertThat(groff.exitValue()).isZero();
    }
    Assumptions.assumeTrue(onPath("man"), "no man here");
    ProcessBuilder man =
        new ProcessBuilder("man", "-l", dir.resolve("conf-page-update.1").toString())
            .redirectErrorStream(true);
    man.environment().put("MANWIDTH", "100");
    man.environment().put("MANPAGER", "cat");
    man.environment().put("PAGER", "cat");
    Process m = man.start();
    String text = new String(m.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(m.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(m.exitValue()).as(text).isZero();
    assertThat(text)
        .contains("conf-page-update - Save a new version of a page")
        .contains("GLOBAL OPTIONS")
        .contains("$ conf page update DOCS:Runbook --file runbook.md");
  }

  private static boolean onPath(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }
}
