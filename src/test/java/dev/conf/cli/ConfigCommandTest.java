package dev.conf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conf.config.ConfigFile;
import dev.conf.config.Profile;
import dev.conf.testing.ConfRunner;
import dev.conf.testing.ConfRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** conf config: round trips, bad values, scopes, and the settings commands read. */
class ConfigCommandTest {
  @TempDir Path tmp;
  Path configDir;
  ConfRunner conf;

  @BeforeEach
  void setUp() {
    configDir = tmp.resolve("config");
    conf = new ConfRunner(configDir);
  }

  private void saveProfiles() {
    ConfigFile config = ConfigFile.load(configDir);
    // A site nobody listens on: a request would fail with exit 1.
    config.put(
        "work",
        new Profile(
            "http://127.0.0.1:9", "dc", "pat", null, null, "LOGIN", null, null, "keychain"));
    config.put(
        "lab", new Profile("http://127.0.0.1:9", "dc", "pat", null, null, null, null, null, null));
    config.setCurrent("work");
    config.save();
    conf.keychain.put("work", "p");
    conf.keychain.put("lab", "p");
  }

  @Test
  void setGetUnsetRoundTripForEveryProfileAndForOne() {
    saveProfiles();
    assertThat(conf.run("config", "set", "space", "DOCS").exitCode()).isZero();
    Result set = conf.run("config", "set", "space", "ENG", "--profile", "lab");
    assertThat(set.err()).isEqualTo("Set space to 'ENG' for profile 'lab'\n");
    assertThat(conf.run("config", "get", "space").out()).isEqualTo("DOCS\n");
    assertThat(conf.run("config", "get", "space", "--profile", "lab").out()).isEqualTo("ENG\n");
    // A profile without its own value has the one for every profile.
    assertThat(conf.run("config", "get", "space", "--profile", "work").out()).isEqualTo("DOCS\n");
    assertThat(ConfigFile.load(configDir).setting("lab", "space")).isEqualTo("ENG");

    assertThat(conf.run("config", "unset", "space", "--profile", "lab").err())
        .isEqualTo("Unset space for profile 'lab'\n");
    assertThat(conf.run("config", "get", "space", "--profile", "lab").out()).isEqualTo("DOCS\n");
    conf.run("config", "unset", "space");
    Result missing = conf.run("config", "get", "space");
    assertThat(missing.exitCode()).isEqualTo(3);
    assertThat(missing.out()).isEmpty();
    assertThat(missing.err()).isEqualTo("space is not set for every profile\n");
  }

  @Test
  void badKeysAndValuesAreUsageErrorsThatSaveNothing() throws Exception {
    saveProfiles();
    String before = Files.readString(configDir.resolve("config.json"));
    Result key = conf.run("config", "set", "colour", "red");
    assertThat(key.exitCode()).isEqualTo(2);
    assertThat(key.err())
        .isEqualTo(
            "conf: unknown setting 'colour'; settings: space, ca-cert, read-only, editor, pager,"
                + " concurrency\n");
    for (String bad : new String[] {"0", "33", "eight", "-1"}) {
      Result c = conf.run("config", "set", "concurrency", bad);
      assertThat(c.exitCode()).as(bad).isEqualTo(2);
      assertThat(c.err()).as(bad).contains("from 1 to 32");
    }
    Result editor = conf.run("config", "set", "editor", " ");
    assertThat(editor.exitCode()).isEqualTo(2);
    assertThat(editor.err()).isEqualTo("conf: an empty value is not an editor command\n");
    Result ro = conf.run("config", "set", "read-only", "maybe");
    assertThat(ro.exitCode()).isEqualTo(2);
    assertThat(ro.err()).isEqualTo("conf: 'maybe' is not one of: true, false\n");
    Result space = conf.run("config", "set", "space", "two words");
    assertThat(space.exitCode()).isEqualTo(2);
    assertThat(space.err()).contains("is not a space key");
    Result ca = conf.run("config", "set", "ca-cert", tmp.resolve("none.pem").toString());
    assertThat(ca.exitCode()).isEqualTo(2);
    assertThat(ca.err()).startsWith("conf: no such file: ");
    Result profile = conf.run("config", "set", "space", "X", "--profile", "nope");
    assertThat(profile.exitCode()).isEqualTo(3);
    assertThat(profile.err()).isEqualTo("conf: no profile 'nope'; saved profiles: lab, work\n");
    assertThat(Files.readString(configDir.resolve("config.json"))).isEqualTo(before);
  }

  @Test
  void listNamesEveryKeyItsValueAndTheVariablesThatOverrideIt() {
    saveProfiles();
    conf.run("config", "set", "read-only", "TRUE", "--profile", "lab");
    Result list = conf.pipe().run("config", "list", "--profile", "lab");
    assertThat(list.exitCode()).isZero();
    assertThat(list.out().lines().map(l -> l.split("\t")[0]))
        .containsExactly("space", "ca-cert", "read-only", "editor", "pager", "concurrency");
    assertThat(list.out())
        .contains(
            "editor\t-\tCONF_EDITOR\t",
            "pager\t-\tCONF_PAGER\t",
            "concurrency\t-\tCONF_CONCURRENCY\t");
    assertThat(list.out()).contains("space\t-\tCONF_SPACE\t", "read-only\ttrue\tCONF_READ_ONLY\t");
    // The setting is what read-only profiles read.
    Result refused = conf.run("--profile", "lab", "label", "add", "1", "x");
    assertThat(refused.exitCode()).isEqualTo(4);
    assertThat(refused.err()).contains("profile 'lab' is read-only");
  }

  @Test
  void spaceDefaultsToTheSettingThenTheLoginSpaceForCommandsThatNeedOne() {
    saveProfiles();
    var cli = new ConfApp(contextFor(conf)).commandLine("page", "list");
    // auth login --space saved LOGIN on profile work: page list needs no --space any more.
    var parsed = cli.parseArgs("page", "list");
    assertThat(spaceOf(parsed)).isEqualTo("LOGIN");
    conf.run("config", "set", "space", "CFG");
    parsed = new ConfApp(contextFor(conf)).commandLine("page", "list").parseArgs("page", "list");
    assertThat(spaceOf(parsed)).isEqualTo("CFG");
    conf.env("CONF_SPACE", "ENV");
    parsed = new ConfApp(contextFor(conf)).commandLine("page", "list").parseArgs("page", "list");
    assertThat(spaceOf(parsed)).isEqualTo("ENV");
    parsed =
        new ConfApp(contextFor(conf))
            .commandLine("page", "list")
            .parseArgs("page", "list", "--space", "GIVEN");
    assertThat(spaceOf(parsed)).isEqualTo("GIVEN");
    // A destination is never defaulted: move without a target is still a usage error.
    Result move = conf.run("page", "move", "1");
    assertThat(move.exitCode()).isEqualTo(2);
  }

  @Test
  void editorPagerAndConcurrencyRoundTripAndAreReadWhereUsed() {
    saveProfiles();
    assertThat(conf.run("config", "set", "editor", "code --wait").exitCode()).isZero();
    assertThat(conf.run("config", "set", "pager", "cat", "--profile", "lab").exitCode()).isZero();
    assertThat(conf.run("config", "set", "concurrency", " 4 ").exitCode()).isZero();
    assertThat(conf.run("config", "get", "editor").out()).isEqualTo("code --wait\n");
    assertThat(conf.run("config", "get", "concurrency").out()).isEqualTo("4\n");
    assertThat(conf.run("config", "get", "pager", "--profile", "lab").out()).isEqualTo("cat\n");

    // The editor: CONF_EDITOR > the setting > VISUAL > EDITOR.
    conf.env("VISUAL", "vi").env("EDITOR", "nano");
    assertThat(contextFor(conf).editorCommand()).isEqualTo("code --wait");
    conf.env("CONF_EDITOR", "emacs -nw");
    assertThat(contextFor(conf).editorCommand()).isEqualTo("emacs -nw");
    conf.env.remove("CONF_EDITOR");
    conf.run("config", "unset", "editor");
    assertThat(contextFor(conf).editorCommand()).isEqualTo("vi");
    conf.env.remove("VISUAL");
    assertThat(contextFor(conf).editorCommand()).isEqualTo("nano");

    // The pager: profile lab's cat turns it off; work has none of its own, so PAGER.
    conf.env("PAGER", "more");
    assertThat(contextFor(conf).pagerCommand()).isEqualTo("more");
    conf.env("CONF_PROFILE", "lab");
    assertThat(contextFor(conf).pagerCommand()).isNull();
    conf.env("CONF_PAGER", "less -R");
    assertThat(contextFor(conf).pagerCommand()).isEqualTo("less -R");
  }

  @Test
  void exportConcurrencyDefaultsToConfConcurrencyThenTheSettingThenEight() {
    saveProfiles();
    String[] args = {"export", "--space", "DOCS", "--to", "out"};
    assertThat(concurrencyOf(args)).isEqualTo(8);
    conf.run("config", "set", "concurrency", "3");
    assertThat(concurrencyOf(args)).isEqualTo(3);
    conf.env("CONF_CONCURRENCY", "12");
    assertThat(concurrencyOf(args)).isEqualTo(12);
    assertThat(concurrencyOf("export", "--space", "DOCS", "--to", "out", "--concurrency", "2"))
        .isEqualTo(2);
    conf.env("CONF_CONCURRENCY", "64");
    Result bad = conf.run(args);
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).startsWith("conf: CONF_CONCURRENCY: 64 is out of range: from 1 to 32\n");
  }

  @Test
  void everySettingsVariableIsInConfHelpEnvironment() {
    String help = conf.run("help", "environment").out();
    for (Settings.Key k : Settings.KEYS.values()) {
      assertThat(k.env()).allSatisfy(var -> assertThat(help).as(k.name()).contains(var));
    }
  }

  private int concurrencyOf(String... args) {
    var parsed = new ConfApp(contextFor(conf)).commandLine(args).parseArgs(args);
    return parsed.subcommand().commandSpec().findOption("--concurrency").getValue();
  }

  private static CommandContext contextFor(ConfRunner conf) {
    return new CommandContext(
        dev.conf.output.Io.builder().build(),
        conf.env,
        java.time.Clock.systemUTC(),
        dev.conf.http.Sleeper.SYSTEM,
        () -> conf.keychain);
  }

  private static String spaceOf(picocli.CommandLine.ParseResult parsed) {
    var leaf = parsed.subcommand().subcommand();
    return leaf.commandSpec().findOption("--space").getValue();
  }

  @Test
  void withoutASpaceAnywhereTheOptionIsStillRequired() {
    Result r =
        conf.env("CONFLUENCE_URL", "http://127.0.0.1:9")
            .env("CONFLUENCE_DEPLOYMENT", "dc")
            .env("CONFLUENCE_PAT", "p")
            .run("page", "list");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--space");
  }
}
