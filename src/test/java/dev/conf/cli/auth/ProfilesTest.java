package dev.conf.cli.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.config.ConfigFile;
import dev.conf.config.Profile;
import dev.conf.testing.ConfRunner;
import dev.conf.testing.ConfRunner.Result;
import dev.conf.util.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code auth status} lists every saved profile, {@code auth switch} without a name lists them (and
 * on a terminal picks one), {@code auth logout} says which profile is current afterwards. All from
 * the config file: nothing here sends a request.
 */
class ProfilesTest {
  @TempDir Path tmp;

  private Path configDir;
  private ConfRunner conf;

  @BeforeEach
  void twoSavedProfiles() {
    configDir = tmp.resolve("config");
    conf = new ConfRunner(configDir);
    ConfigFile config = ConfigFile.load(configDir);
    config.put(
        "work",
        new Profile(
            "https://acme.atlassian.net",
            "cloud",
            "token",
            "jane@acme.com",
            null,
            null,
            null,
            null,
            "keychain"));
    config.put(
        "lab",
        new Profile("https://wiki.lab.example", "dc", "pat", null, null, null, null, null, "file"));
    config.putSetting("lab", "read-only", "true");
    config.setCurrent("work");
    config.save();
    conf.keychain.put("work", "work-token");
  }

  @Test
  void statusShowsTheProfileInUseThenEverySavedOneOnATerminal() {
    Result r = conf.terminal().width(160).run("auth", "status", "--offline");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .startsWith("Profile:      work\nSite:         https://acme.atlassian.net\n")
        .contains("\nSaved profiles (switch with conf auth switch NAME):\n")
        .containsPattern("\\n +PROFILE +SITE +DEPLOYMENT +AUTH +USER +SECRET +READ-ONLY\\n")
        .containsPattern(
            "\\n  +lab +https://wiki\\.lab\\.example +Data Center +pat +- +file \\(.*secrets\\.json\\)"
                + " +yes\\n")
        .containsPattern(
            "\\n\\* +work +https://acme\\.atlassian\\.net +Cloud +token +jane@acme\\.com +keychain"
                + " +no\\n");
  }

  @Test
  void inAPipeTheListFollowsAnEmptyLineOneProfileALine() {
    Result r = conf.pipe().run("auth", "status", "--offline");
    String secrets = configDir.resolve("secrets.json").toString();
    assertThat(r.out())
        .isEqualTo(
            "profile\twork\n"
                + "site\thttps://acme.atlassian.net\n"
                + "deployment\tCloud\n"
                + "user\tjane@acme.com (not checked)\n"
                + "auth\tAPI token\n"
                + "secret from\tkeychain\n"
                + "\n"
                + "lab\t\thttps://wiki.lab.example\tdc\tpat\t\tfile ("
                + secrets
                + ")\tread-only\n"
                + "work\tcurrent\thttps://acme.atlassian.net\tcloud\ttoken\tjane@acme.com\tkeychain\t\n");
  }

  @Test
  void jsonCarriesTheListAndProfileNarrowsToOne() throws Exception {
    JsonNode all = Json.parse(conf.pipe().run("auth", "status", "--offline", "--json").out());
    assertThat(all.path("profile").asText()).isEqualTo("work");
    assertThat(all.path("profiles")).hasSize(2);
    JsonNode lab = all.path("profiles").get(0);
    assertThat(lab.path("name").asText()).isEqualTo("lab");
    assertThat(lab.path("current").asBoolean()).isFalse();
    assertThat(lab.path("deployment").asText()).isEqualTo("dc");
    assertThat(lab.path("readOnly").asBoolean()).isTrue();
    assertThat(lab.path("secretStorage").asText()).startsWith("file (");
    assertThat(all.path("profiles").get(1).path("current").asBoolean()).isTrue();

    conf.keychain.put("lab", "lab-pat");
    Result one = conf.pipe().run("--profile", "work", "auth", "status", "--offline");
    assertThat(one.out()).doesNotContain("lab").endsWith("secret from\tkeychain\n");
    JsonNode only =
        Json.parse(
            conf.pipe().run("--profile", "work", "auth", "status", "--offline", "--json").out());
    assertThat(only.has("profiles")).isFalse();
    JsonNode picked =
        Json.parse(
            conf.pipe().run("auth", "status", "--offline", "--json", "profile,profiles").out());
    assertThat(picked.has("site")).isFalse();
    assertThat(picked.path("profiles")).hasSize(2);
  }

  @Test
  void switchWithoutANameListsTheProfilesInAPipe() {
    Result r = conf.pipe().run("auth", "switch");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .isEqualTo("lab\t\thttps://wiki.lab.example\nwork\tcurrent\thttps://acme.atlassian.net\n");
    assertThat(ConfigFile.load(configDir).current()).isEqualTo("work");
  }

  @Test
  void onATerminalSwitchPicksAProfileByNumberOrName() {
    Result r = conf.terminal().stdin("1\n").run("auth", "switch");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err())
        .contains("Saved profiles:\n")
        .contains("  1. lab   https://wiki.lab.example (Data Center, pat, read-only)\n")
        .contains(
            "  2. work  https://acme.atlassian.net (Cloud, token, jane@acme.com)  (current)\n")
        .contains("Switch to (number or name; Enter keeps 'work'): ")
        .contains("Switched to profile 'lab' (https://wiki.lab.example)");
    assertThat(ConfigFile.load(configDir).current()).isEqualTo("lab");

    assertThat(conf.terminal().stdin("work\n").run("auth", "switch").exitCode()).isZero();
    assertThat(ConfigFile.load(configDir).current()).isEqualTo("work");

    Result keep = conf.terminal().stdin("\n").run("auth", "switch");
    assertThat(keep.exitCode()).isZero();
    assertThat(keep.err()).contains("Still on profile 'work'.");

    Result bad = conf.terminal().stdin("7\n").run("auth", "switch");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("conf: no profile number 7: pick 1 to 2");
    assertThat(ConfigFile.load(configDir).current()).isEqualTo("work");
  }

  @Test
  void switchWithNothingSavedSaysHowToLogIn() {
    ConfRunner empty = new ConfRunner(tmp.resolve("empty"));
    Result r = empty.pipe().run("auth", "switch");
    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.err()).isEqualTo("conf: no saved profiles: log in with `conf auth login`\n");
  }

  @Test
  void logoutSaysWhichProfileIsCurrentNowOrThatNoneIsLeft() {
    Result first = conf.run("auth", "logout");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.err())
        .isEqualTo(
            "Logged out of https://acme.atlassian.net (profile 'work'); secret removed from the"
                + " keychain\n"
                + "Now using profile 'lab' (https://wiki.lab.example)\n");
    Result last = conf.run("auth", "logout");
    assertThat(last.exitCode()).as(last.toString()).isZero();
    assertThat(last.err()).endsWith("No profile is left: log in with `conf auth login`\n");
  }

  @Test
  void loggingOutOfAnotherProfileLeavesTheCurrentOne() {
    Result r = conf.run("--profile", "lab", "auth", "logout");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err())
        .endsWith("Current profile (unchanged): 'work' (https://acme.atlassian.net)\n");
  }
}
