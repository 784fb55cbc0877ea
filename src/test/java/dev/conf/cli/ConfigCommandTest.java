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
        .isEqualTo("conf: unknown setting 'colour'; settings: space, ca-cert, read-only\n");
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
        .containsExactly("space", "ca-cert", "read-only");
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
