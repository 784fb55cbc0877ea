package dev.conf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conf.config.ConfigFile;
import dev.conf.config.Profile;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class CommandsTest {
  @TempDir Path dir;

  private CommandLine tree(String... args) {
    CommandContext ctx =
        new CommandContext(Io.builder().build(), Map.of(), Clock.systemUTC(), Sleeper.SYSTEM, null);
    return new ConfApp(ctx).commandLine(args);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "space list|space",
        "--debug space list|space",
        "--profile work space list|space",
        "--profile=work auth token|auth",
        "--deployment dc --ca-cert x.pem auth status|auth",
        "--version|-",
        "-- space|-",
      })
  void findsTheCommandWord(String args, String word) {
    assertThat(Commands.commandWord(args.split(" "))).isEqualTo(word);
  }

  @Test
  void anExactNounAndVerbBuildOnlyThatPath() {
    CommandLine t = tree("space", "list");
    assertThat(t.getSubcommands()).containsOnlyKeys("space");
    assertThat(t.getSubcommands().get("space").getSubcommands()).containsOnlyKeys("list", "ls");
    Object list = t.getSubcommands().get("space").getSubcommands().get("list").<Object>getCommand();
    assertThat(list).isInstanceOf(dev.conf.cli.space.SpaceListCommand.class);
    Object named =
        tree("--profile", "x", "space", "--debug", "view", "K")
            .getSubcommands()
            .get("space")
            .getSubcommands()
            .get("view")
            .<Object>getCommand();
    assertThat(named).isInstanceOf(dev.conf.cli.space.SpaceViewCommand.class);
    // Aliases count as exact, and a noun without verbs is exact on its own.
    assertThat(tree("search", "label = x").getSubcommands()).containsOnlyKeys("search");
  }

  @Test
  void aNounWithoutAKnownVerbGetsItsVerbsAsPlaceholders() {
    for (String[] args : new String[][] {{"space"}, {"space", "lst"}, {"space", "--help"}}) {
      CommandLine t = tree(args);
      assertThat(t.getSubcommands()).containsKeys("auth", "space", "completion");
      assertThat(t.getSubcommands().get("space").getSubcommands()).containsKeys("list", "view");
      assertThat(t.getSubcommands().get("auth").getSubcommands()).isEmpty();
      // Siblings are names for help and "did you mean", not built for real.
      Object view =
          t.getSubcommands().get("space").getSubcommands().get("view").<Object>getCommand();
      assertThat(view instanceof dev.conf.cli.space.SpaceViewCommand).isFalse();
    }
  }

  @Test
  void completionAndProgrammaticUseGetTheWholeTree() {
    assertThat(tree("completion", "bash").getSubcommands().get("auth").getSubcommands())
        .containsKeys("login", "status", "logout", "token", "switch");
    assertThat(tree().getSubcommands().get("space").getSubcommands()).containsKeys("list", "view");
  }

  @Test
  void versionHelpAndUnknownWordsNeedNoVerbs() {
    for (String[] args : new String[][] {{"--version"}, {"--help"}, {"spaces", "list"}}) {
      CommandLine t = tree(args);
      assertThat(t.getSubcommands()).containsKeys("auth", "space", "page");
      assertThat(t.getSubcommands().values())
          .allSatisfy(c -> assertThat(c.getSubcommands()).isEmpty());
    }
  }

  @Test
  void globalOptionsWorkAfterTheVerbToo() {
    ConfigFile config = ConfigFile.load(dir);
    config.put(
        "work",
        new Profile("https://wiki.example", "dc", "pat", null, null, null, null, null, "keychain"));
    config.save();
    ConfRunner conf = new ConfRunner(dir);
    conf.keychain.put("work", "work-pat");
    assertThat(conf.run("auth", "token", "--profile", "work").out()).isEqualTo("work-pat\n");
    assertThat(conf.run("auth", "--profile", "work", "token").out()).isEqualTo("work-pat\n");
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    Result r = new ConfRunner(dir).run("spaces", "list");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "conf: unknown command 'spaces' for 'conf'; did you mean 'space'?\n"
                + "Run 'conf --help' for usage.\n");
    Result verb = new ConfRunner(dir).run("space", "lst");
    assertThat(verb.err())
        .startsWith("conf: unknown command 'lst' for 'conf space'; did you mean 'ls'?");
  }

  /**
   * picocli wraps each description string at 80 columns on its own, so a string that runs past 80
   * beside other lines of its paragraph leaves a ragged one- or two-word line. (A paragraph written
   * as one long string wraps cleanly.)
   */
  @Test
  void noHelpParagraphBreaksMidSentence() {
    List<String> ragged = new ArrayList<>();
    for (Commands.Noun noun : Commands.NOUNS) {
      List<Class<?>> all = new ArrayList<>(noun.verbs());
      all.add(noun.type());
      for (Class<?> type : all) {
        CommandLine.Command c = type.getAnnotation(CommandLine.Command.class);
        for (String[] lines : new String[][] {c.description(), c.footer(), c.header()}) {
          for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replace("%n", "").replace("%%", "%");
            boolean inParagraph =
                (i > 0 && !lines[i - 1].isBlank())
                    || (i + 1 < lines.length && !lines[i + 1].isBlank());
            if (line.length() > 80 && inParagraph) {
              ragged.add(type.getSimpleName() + ": " + line);
            }
          }
        }
      }
    }
    assertThat(ragged).isEmpty();
  }
}
