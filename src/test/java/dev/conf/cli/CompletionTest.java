package dev.conf.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.conf.testing.ConfRunner.Result;
import dev.conf.testing.TestSite;
import dev.conf.testing.WireMockSuite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Completion of real names (issue 15): earlier commands fill the cache through real HTTP, then a
 * real bash sources {@code conf completion bash} and completes space keys and page titles with no
 * server to ask (WireMock is reset before completing: any request would find no stub).
 */
class CompletionTest extends WireMockSuite {
  static final String API = "/confluence/rest/api";
  Path cache;

  @Override
  protected TestSite site() {
    return TestSite.dataCenter(url(), "/confluence");
  }

  @BeforeEach
  void cacheDir() {
    cache = tmp.resolve("cache");
    conf.env("XDG_CACHE_HOME", cache.toString());
  }

  private static String space(String key) {
    return "{\"id\":1,\"key\":\""
        + key
        + "\",\"name\":\""
        + key
        + "\",\"type\":\"global\",\"status\":\"current\",\"_links\":{\"webui\":\"/display/"
        + key
        + "\"}}";
  }

  private static String page(String id, String title) {
    return "{\"id\":\""
        + id
        + "\",\"type\":\"page\",\"status\":\"current\",\"title\":\""
        + title
        + "\",\"space\":{\"key\":\"DOCS\"},\"version\":{\"number\":1},"
        + "\"_links\":{\"webui\":\"/display/DOCS/"
        + id
        + "\"}}";
  }

  private void fillTheCacheThroughRealCommands() {
    wm.stubFor(
        get(urlPathEqualTo(API + "/space"))
            .willReturn(
                okJson(
                    "{\"results\":["
                        + space("DOCS")
                        + ","
                        + space("DEV")
                        + ","
                        + space("ENG")
                        + "],\"start\":0,\"limit\":25,\"size\":3,\"_links\":{}}")));
    wm.stubFor(
        get(urlPathEqualTo(API + "/content"))
            .willReturn(
                okJson(
                    "{\"results\":["
                        + page("501", "Runbook")
                        + ","
                        + page("502", "Run book for on-call")
                        + ","
                        + page("503", "Release notes")
                        + "],\"start\":0,\"limit\":25,\"size\":3,\"_links\":{}}")));
    Result spaces = conf.pipe().run("space", "list");
    assertThat(spaces.exitCode()).as(spaces.toString()).isZero();
    Result pages = conf.pipe().run("page", "list", "--space", "DOCS");
    assertThat(pages.exitCode()).as(pages.toString()).isZero();
  }

  @Test
  void theHiddenCompleterAnswersFromTheCacheOnly() {
    fillTheCacheThroughRealCommands();
    wm.resetAll();
    assertThat(conf.run("__complete", "space", "d").out()).isEqualTo("DEV\nDOCS\n");
    assertThat(conf.run("__complete", "page", "DO").out()).isEqualTo("DOCS:\n");
    assertThat(conf.run("__complete", "page", "docs:run").out())
        .isEqualTo("docs:Run book for on-call\ndocs:Runbook\n");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void realBashCompletesSpaceKeysAndPageTitles() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")));
    fillTheCacheThroughRealCommands();
    wm.resetAll();
    // A `conf` on PATH running this build's classes in a JVM, as bin/conf would run the jar.
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path launcher = bin.resolve("conf");
    String java = ProcessHandle.current().info().command().orElse("java");
    Files.writeString(
        launcher,
        "#!/bin/sh\nexec '"
            + java
            + "' -XX:TieredStopAtLevel=1 -Xshare:auto -cp '"
            + System.getProperty("java.class.path")
            + "' dev.conf.Main \"$@\"\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path script = tmp.resolve("conf.bash");
    Files.writeString(script, conf.run("completion", "bash").out());

    String test =
        String.join(
            "\n",
            "source " + script,
            "complete -p conf",
            // complete LINE: as bash would call the function for the line typed so far
            "c() { COMP_LINE=$1; COMP_POINT=${#1}; read -ra COMP_WORDS <<< \"$1\";"
                + " [[ $1 == *' ' ]] && COMP_WORDS+=(''); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ));"
                + " COMPREPLY=(); _conf_names conf \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\";"
                + " echo \"[$1] ${COMPREPLY[*]}\"; }",
            "c 'conf page list --space D'",
            "c 'conf page view DOCS:Run'",
            "c 'conf page view DO'",
            "c 'conf space view E'",
            "compgen -W \"$(conf __complete space '')\" -- E",
            "c 'conf spa'");
    ProcessBuilder pb = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", test);
    pb.environment().putAll(conf.env);
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    pb.redirectErrorStream(true);
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    List<String> lines = out.lines().toList();
    assertThat(lines).as(out).contains("complete -o default -F _conf_names conf");
    assertThat(lines)
        .as(out)
        .contains(
            "[conf page list --space D] DEV DOCS",
            // bash splits DOCS:Run at the colon: the replies are the part after it, quoted.
            "[conf page view DOCS:Run] Run\\ book\\ for\\ on-call Runbook",
            "[conf page view DO] DOCS:",
            "[conf space view E] ENG",
            "ENG",
            "[conf spa] space");
    assertThat(wm.getAllServeEvents()).as("completion asked no server").isEmpty();
  }

  @Test
  void fishAndZshScriptsAndHowToInstallThem() {
    String fish = conf.run("completion", "fish").out();
    assertThat(fish)
        .contains("complete -c conf -n __fish_use_subcommand -a page")
        .contains("-a '(__conf_names page)'")
        .contains("-l space -s s -x -a '(__conf_names space)'");
    assertThat(conf.run("completion", "zsh").out()).contains("bashcompinit", "_conf_names");
    String help = conf.run("completion", "--help").out();
    assertThat(help)
        .contains("source <(conf completion bash)' >> ~/.bashrc")
        .contains("source <(conf completion zsh)' >> ~/.zshrc")
        .contains("conf completion fish > ~/.config/fish/completions/conf.fish");
  }
}
