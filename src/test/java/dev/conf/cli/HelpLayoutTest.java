package dev.conf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conf.config.ConfigFile;
import dev.conf.config.Profile;
import dev.conf.http.Sleeper;
import dev.conf.output.Io;
import dev.conf.testing.ConfRunner;
import dev.conf.testing.ConfRunner.Result;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every command's --help, over the whole command tree: gh's layout, examples, -V at the root. */
class HelpLayoutTest {
  @TempDir Path tmp;

  private static List<CommandLine> everyCommand() {
    CommandContext ctx =
        new CommandContext(Io.builder().build(), Map.of(), Clock.systemUTC(), Sleeper.SYSTEM, null);
    List<CommandLine> all = new ArrayList<>();
    collect(new ConfApp(ctx).commandLine(), all);
    return all;
  }

  private static void collect(CommandLine cl, List<CommandLine> all) {
    if (cl.getCommandSpec().usageMessage().hidden()) {
      return;
    }
    all.add(cl);
    cl.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, all));
  }

  private static String help(CommandLine cl) {
    StringWriter text = new StringWriter();
    cl.usage(new PrintWriter(text));
    return text.toString();
  }

  @Test
  void everyCommandListsItsOwnOptionsBeforeTheGlobalOnesAndShowsExamples() {
    List<CommandLine> all = everyCommand();
    assertThat(all).hasSizeGreaterThan(40);
    for (CommandLine cl : all) {
      String name = cl.getCommandSpec().qualifiedName();
      String help = help(cl);
      boolean root = cl.getParent() == null;
      assertThat(cl.getCommandSpec().userObject().getClass().getAnnotation(Examples.class))
          .as(name + " has @Examples")
          .isNotNull();
      assertThat(help).as(name).contains("\nExamples:\n  $ ");
      int examples = help.indexOf("\nExamples:\n");
      long shown = help.substring(examples).lines().filter(l -> l.startsWith("  $ ")).count();
      assertThat(shown).as(name + ": two or three examples").isBetween(2L, 3L);
      if (root) {
        assertThat(help).as(name).contains("-V, --version").doesNotContain("Global options:");
        continue;
      }
      assertThat(help).as(name).doesNotContain("-V, --version").doesNotContain("  -V ");
      assertThat(cl.getCommandSpec().findOption("-V")).as(name).isNull();
      assertThat(cl.getCommandSpec().options().stream().filter(o -> o.versionHelp()))
          .as(name)
          .isEmpty();
      assertThat(cl.getCommandSpec().options().stream().filter(o -> o.usageHelp()))
          .as(name + " -h")
          .hasSize(1);
      int global = help.indexOf("\nGlobal options:\n");
      assertThat(global).as(name + " has Global options").isPositive();
      String globals = help.substring(global, examples);
      assertThat(globals).contains("--profile", "--debug", "--help", "--no-color", "--ca-cert");
      // Every option of the command's own is listed before the global block, none after it.
      for (var option : cl.getCommandSpec().options()) {
        if (option.hidden()) {
          continue;
        }
        int at = optionLine(help, option.longestName());
        assertThat(at).as(name + " lists " + option.longestName()).isPositive();
        if (option.inherited() || option.usageHelp()) {
          assertThat(at)
              .as(name + ": " + option.longestName() + " is global")
              .isGreaterThan(global);
        } else {
          assertThat(at).as(name + ": " + option.longestName() + " is its own").isLessThan(global);
        }
      }
    }
  }

  /** Where the option's own line in the option lists starts (not a mention in a description). */
  private static int optionLine(String help, String name) {
    var m =
        java.util.regex.Pattern.compile(
                "(?m)^ {2}(-\\w, | {4})" + java.util.regex.Pattern.quote(name) + "[= \\[\\n]")
            .matcher(help);
    return m.find() ? m.start() : -1;
  }

  @Test
  void pageUpdateHelpReadsAsANewcomerNeedsIt() {
    Result r = new ConfRunner(tmp).run("page", "update", "--help");
    assertThat(r.exitCode()).isZero();
    String help = r.out();
    assertThat(help).startsWith("Usage: conf page update [OPTIONS] PAGE [STDIN]\n");
    assertThat(help.indexOf("\nOptions:\n")).isLessThan(help.indexOf("\nGlobal options:\n"));
    assertThat(help.indexOf("  -m, --message=M")).isLessThan(help.indexOf("--profile=NAME"));
    assertThat(help).contains("$ conf page update DOCS:Runbook --file runbook.md");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void versionBelowTheRootIsAnUnknownOption() {
    Result r = new ConfRunner(tmp).run("space", "list", "-V");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("conf: unknown option: '-V'\n");
    assertThat(new ConfRunner(tmp).run("-V").exitCode()).isZero();
  }

  @Test
  void authTokenHeaderIsTheOneTheDeploymentExpects() {
    ConfRunner conf = new ConfRunner(tmp.resolve("config"));
    ConfigFile config = ConfigFile.load(tmp.resolve("config"));
    config.put(
        "cloud",
        new Profile(
            "https://acme.atlassian.net",
            "cloud",
            "token",
            "me@acme.com",
            null,
            null,
            null,
            null,
            "keychain"));
    config.put(
        "lab",
        new Profile(
            "https://wiki.lab.example", "dc", "pat", null, null, null, null, null, "keychain"));
    config.setCurrent("cloud");
    config.save();
    conf.keychain.put("cloud", "tok");
    conf.keychain.put("lab", "lab-pat");

    // base64("me@acme.com:tok")
    assertThat(conf.run("auth", "token", "--header").out())
        .isEqualTo("Authorization: Basic bWVAYWNtZS5jb206dG9r\n");
    assertThat(conf.run("--profile", "lab", "auth", "token", "--header").out())
        .isEqualTo("Authorization: Bearer lab-pat\n");
    String help = conf.run("auth", "token", "--help").out();
    assertThat(help)
        .contains("Basic base64(email:token)", "Bearer TOKEN")
        .doesNotContain("$(conf auth token)\"");
  }

  @Test
  void helpTopicsAndCommandHelpThroughConfHelp() {
    ConfRunner conf = new ConfRunner(tmp.resolve("config"));
    Result env = conf.run("help", "environment");
    assertThat(env.exitCode()).isZero();
    assertThat(env.out())
        .contains("CONFLUENCE_URL", "CONF_READ_ONLY", "CONF_ERROR_FORMAT", "NO_COLOR");
    Result codes = conf.run("help", "exit-codes");
    assertThat(codes.out()).contains("  3  not found", "(code: conflict)", "(code: rate_limited)");
    Result json = conf.run("help", "json");
    assertThat(json.out())
        .contains(
            "The word after --json is always its FIELDS", "  conf space list\n      id, key, name");
    assertThat(conf.run("help", "page", "update").out())
        .isEqualTo(conf.run("page", "update", "--help").out());
    Result bogus = conf.run("help", "nope");
    assertThat(bogus.exitCode()).isEqualTo(2);
    assertThat(bogus.err())
        .startsWith("conf: no help topic or command 'nope'; topics: environment");
    assertThat(tmp.resolve("config")).doesNotExist();
  }

  @Test
  void didYouMeanSuggestsTheCommandMeant() {
    ConfRunner conf = new ConfRunner(tmp.resolve("config"));
    assertThat(conf.run("page", "vew", "1").err())
        .startsWith("conf: unknown command 'vew' for 'conf page'; did you mean 'view'?\n");
    assertThat(conf.run("status").err())
        .startsWith("conf: unknown command 'status' for 'conf'; did you mean 'auth status'?\n");
    assertThat(conf.run("serch", "x").err()).contains("did you mean 'search'?");
    assertThat(conf.run("zzzz").err())
        .isEqualTo("conf: unknown command 'zzzz' for 'conf'\nRun 'conf --help' for usage.\n");
  }
}
