package dev.conf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conf.config.ConfigFile;
import dev.conf.config.Profile;
import dev.conf.error.ExitCode;
import dev.conf.testing.ConfRunner;
import dev.conf.testing.ConfRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line without a server: parsing, usage errors, offline commands, profile handling. */
class CliTest {
  @TempDir Path tmp;
  Path configDir;
  ConfRunner conf;

  @BeforeEach
  void setUp() {
    configDir = tmp.resolve("config");
    conf = new ConfRunner(configDir);
  }

  @Test
  void versionAndHelpTouchNothing() {
    Result version = conf.run("--version");
    assertThat(version.exitCode()).isZero();
    // The version first (scripts read that line), then the runtime and the launcher's archive.
    assertThat(version.out())
        .matches(
            "conf \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n"
                + "java: \\S+ \\(.+\\), .+\\n"
                + "archive: none \\(not started through bin/conf\\)\\n");
    assertThat(version.out()).contains(System.getProperty("java.home"));
    Result help = conf.run("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("Usage: conf", "auth", "space", "completion", "Exit codes:");
    assertThat(help.err()).isEmpty();
    assertThat(conf.run("space", "list", "--help").out()).contains("--limit", "--all", "--json");
    assertThat(configDir).doesNotExist();
    assertThat(conf.keychainOpened).isZero();
  }

  @Test
  void unknownOptionIsAUsageErrorOnOneLinePlusAHint() {
    Result r = conf.run("space", "list", "--bogus");
    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo("conf: unknown option: '--bogus'\nRun 'conf space list --help' for usage.\n");
  }

  @Test
  void aBlogPostUrlGivenToAPageCommandSaysWhichCommandsToUse() {
    // No server: the URL is refused before any request (one to 'acme' would fail the test).
    conf.env("CONFLUENCE_URL", "https://acme.atlassian.net")
        .env("CONFLUENCE_EMAIL", "a@b.c")
        .env("CONFLUENCE_API_TOKEN", "t");
    Result r =
        conf.run(
            "page", "view", "https://acme.atlassian.net/wiki/spaces/ENG/blog/2026/11/02/77/Hi");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo("conf: that URL is a blog post, not a page: use the `conf blog` commands\n");
    Result back =
        conf.run(
            "blog", "delete", "--yes", "https://acme.atlassian.net/wiki/spaces/ENG/pages/12/Home");
    assertThat(back.exitCode()).isEqualTo(2);
    assertThat(back.err()).contains("that URL is a page, not a blog post");
  }

  @Test
  void badValuesAreUsageErrors() {
    conf.env("CONFLUENCE_URL", "https://acme.atlassian.net")
        .env("CONFLUENCE_EMAIL", "a@b.c")
        .env("CONFLUENCE_API_TOKEN", "t");
    assertThat(conf.run("space", "list", "--limit", "0").exitCode()).isEqualTo(2);
    assertThat(conf.run("space", "list", "--limit", "many").exitCode()).isEqualTo(2);
    Result dep = conf.run("--deployment", "mainframe", "space", "list");
    assertThat(dep.exitCode()).isEqualTo(2);
    assertThat(dep.err()).isEqualTo("conf: unknown deployment 'mainframe': use 'cloud' or 'dc'\n");
  }

  @Test
  void notLoggedInExits4() {
    Result r = conf.run("space", "list");
    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.err())
        .startsWith("conf: not logged in (profile 'default'): run `conf auth login`");
    assertThat(conf.run("auth", "status").exitCode()).isEqualTo(4);
  }

  @Test
  void completionScripts() {
    Result bash = conf.run("completion", "bash");
    assertThat(bash.exitCode()).isZero();
    assertThat(bash.out()).contains("complete -F").contains("space").contains("login");
    Result zsh = conf.run("completion", "zsh");
    assertThat(zsh.out())
        .startsWith("autoload -U +X compinit && compinit\n")
        .contains("bashcompinit");
    // fish is supported now (issue 15, CompletionTest); a shell conf has no script for is exit 2.
    assertThat(conf.run("completion", "fish").exitCode()).isZero();
    assertThat(conf.run("completion", "powershell").exitCode()).isEqualTo(2);
    assertThat(conf.keychainOpened).isZero();
  }

  @Test
  void loginInAPipeNeedsWithToken() {
    Result r =
        conf.pipe().run("auth", "login", "--url", "https://acme.atlassian.net", "--email", "a@b.c");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "conf: not on a terminal: pass the secret on stdin with --with-token (never as an argument)\n");
    assertThat(conf.pipe().run("auth", "login", "--email", "a@b.c", "--with-token").err())
        .isEqualTo("conf: --url is required when not on a terminal\n");
    assertThat(
            conf.pipe()
                .stdin("")
                .run(
                    "auth",
                    "login",
                    "--url",
                    "https://acme.atlassian.net",
                    "--email",
                    "a@b.c",
                    "--with-token")
                .err())
        .isEqualTo("conf: --with-token: no secret on stdin\n");
  }

  @Test
  void loginRefusesAuthTypesTheDeploymentDoesNotHave() {
    Result r =
        conf.stdin("x")
            .run(
                "auth",
                "login",
                "--url",
                "https://acme.atlassian.net",
                "--type",
                "pat",
                "--with-token");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("Confluence Cloud takes an API token");
    Result dc =
        conf.stdin("x")
            .run(
                "auth",
                "login",
                "--url",
                "https://wiki.corp.example",
                "--type",
                "token",
                "--with-token");
    assertThat(dc.exitCode()).isEqualTo(2);
    assertThat(dc.err()).contains("Data Center takes a personal access token");
    assertThat(
            conf.stdin("x")
                .run(
                    "auth",
                    "login",
                    "--url",
                    "https://wiki.corp.example",
                    "--scoped",
                    "--with-token")
                .err())
        .contains("--scoped is for Confluence Cloud");
  }

  @Test
  void secretsAreNeverAcceptedAsArguments() {
    Result r =
        conf.run("auth", "login", "--url", "https://acme.atlassian.net", "--token", "abc123");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("conf: unknown option: '--token'\n").doesNotContain("abc123");
    Result eq = conf.run("auth", "login", "--password=hunter2");
    assertThat(eq.err())
        .startsWith("conf: unknown option: '--password'\n")
        .doesNotContain("hunter2");
  }

  @Test
  void switchTokenAndLogoutWorkOnSavedProfiles() throws Exception {
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
        new Profile(
            "https://wiki.lab.example", "dc", "pat", null, null, null, null, null, "keychain"));
    config.setCurrent("work");
    config.save();
    conf.keychain.put("work", "work-token");
    conf.keychain.put("lab", "lab-pat");

    Result token = conf.run("auth", "token");
    assertThat(token.out()).isEqualTo("work-token\n");

    Result unknown = conf.run("auth", "switch", "nope");
    assertThat(unknown.exitCode()).isEqualTo(3);
    assertThat(unknown.err()).isEqualTo("conf: no profile 'nope'; saved profiles: lab, work\n");

    Result sw = conf.run("auth", "switch", "lab");
    assertThat(sw.exitCode()).isZero();
    assertThat(sw.err()).isEqualTo("Switched to profile 'lab' (https://wiki.lab.example)\n");
    assertThat(conf.run("auth", "token").out()).isEqualTo("lab-pat\n");
    assertThat(conf.run("--profile", "work", "auth", "token").out()).isEqualTo("work-token\n");
    assertThat(conf.env("CONF_PROFILE", "work").run("auth", "token").out())
        .isEqualTo("work-token\n");
    conf.env.remove("CONF_PROFILE");

    Result offline = conf.run("auth", "status", "--offline");
    assertThat(offline.exitCode()).isZero();
    assertThat(offline.out())
        .isEqualTo(
            "profile\tlab\n"
                + "site\thttps://wiki.lab.example\n"
                + "deployment\tData Center\n"
                + "user\t- (not checked)\n"
                + "auth\tpersonal access token\n"
                + "secret from\tkeychain\n"
                + "\n"
                + "lab\tcurrent\thttps://wiki.lab.example\tdc\tpat\t\tkeychain\t\n"
                + "work\t\thttps://acme.atlassian.net\tcloud\ttoken\tjane@acme.com\tkeychain\t\n");

    Result logout = conf.run("auth", "logout");
    assertThat(logout.exitCode()).isZero();
    assertThat(logout.err())
        .contains(
            "Logged out of https://wiki.lab.example (profile 'lab'); secret removed from the keychain");
    assertThat(conf.keychain.secrets).containsOnlyKeys("work");
    assertThat(Files.readString(configDir.resolve("config.json"))).doesNotContain("lab");
    assertThat(conf.run("--profile", "lab", "auth", "logout").exitCode()).isEqualTo(3);
  }

  @Test
  void statusOnATerminalIsAlignedForPeople() throws Exception {
    ConfigFile config = ConfigFile.load(configDir);
    config.put(
        "default",
        new Profile(
            "https://wiki.lab.example", "dc", "pat", null, null, null, null, null, "keychain"));
    config.save();
    conf.keychain.put("default", "p");
    Result r = conf.terminal().run("auth", "status", "--offline");
    assertThat(r.out())
        .isEqualTo(
            "Profile:      default\n"
                + "Site:         https://wiki.lab.example\n"
                + "Deployment:   Data Center\n"
                + "User:         - (not checked)\n"
                + "Auth:         personal access token\n"
                + "Secret from:  keychain\n");
  }

  @Test
  void everyExitCodeIsDocumentedInTheReadme() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    for (ExitCode code : ExitCode.values()) {
      assertThat(readme)
          .as("README documents exit code %s", code)
          .containsPattern("\\| *" + code.code() + " *\\|");
    }
  }
}
