package dev.conf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conf.http.Sleeper;
import dev.conf.output.Io;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The root options that are listed by hand outside picocli's model (so that a command runs without
 * building it first) are tied here to the root command, so they cannot drift: adding a root option
 * that takes a value, or renaming --help/--version, fails this test until the lists follow.
 */
class RootOptionsTest {
  private static CommandSpec root() {
    CommandContext ctx =
        new CommandContext(Io.builder().build(), Map.of(), Clock.systemUTC(), Sleeper.SYSTEM, null);
    return new CommandLine(new RootCommand(ctx)).getCommandSpec();
  }

  @Test
  void theCommandWordFinderKnowsEveryRootOptionThatTakesAValue() {
    List<String> withValues = new ArrayList<>();
    for (OptionSpec o : root().options()) {
      if (o.arity().max() > 0) {
        withValues.addAll(Arrays.asList(o.names()));
      }
    }
    assertThat(withValues).isNotEmpty();
    assertThat(Commands.ROOT_OPTIONS_WITH_VALUES).containsExactlyInAnyOrderElementsOf(withValues);
  }

  @Test
  void theLauncherSkipsTheArchiveForExactlyTheRootHelpAndVersionOptions() throws Exception {
    String launcher = Files.readString(Path.of("bin/conf"), StandardCharsets.UTF_8);
    // --help maps no archive; --version maps none either and only names it (version_only).
    Matcher m =
        Pattern.compile("\\n\\s*([^\\n)]*)\\) (?:use_cds=|version_only=1) ;;").matcher(launcher);
    List<String> launcherWords = new ArrayList<>();
    while (m.find()) {
      Arrays.stream(m.group(1).split("\\|")).map(String::trim).forEach(launcherWords::add);
    }
    assertThat(launcherWords).as("bin/conf's list of --help/--version words").isNotEmpty();

    List<String> helpAndVersion = new ArrayList<>();
    for (OptionSpec o : root().options()) {
      if (o.usageHelp() || o.versionHelp()) {
        helpAndVersion.addAll(Arrays.asList(o.names()));
      }
    }
    assertThat(helpAndVersion).hasSize(4);
    assertThat(launcherWords).containsExactlyInAnyOrderElementsOf(helpAndVersion);
  }

  @Test
  void everyRootOptionThatTakesAValueHidesTheWordAfterIt() {
    for (String option : Commands.ROOT_OPTIONS_WITH_VALUES) {
      assertThat(Commands.commandWord(option, "space", "page", "view"))
          .as(option)
          .isEqualTo("page");
    }
  }
}
