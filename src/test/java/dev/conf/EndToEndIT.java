package dev.conf;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as a user runs it: a real process, real streams, real exit codes. */
class EndToEndIT {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path home;

  record Run(int exit, String out, String err) {}

  private Run conf(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(System.getProperty("conf.jar", "target/conf.jar"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment()
        .keySet()
        .removeIf(
            k -> k.startsWith("CONFLUENCE_") || k.startsWith("CONF_") || k.endsWith("_API_TOKEN"));
    pb.environment().put("CONF_CONFIG_DIR", home.resolve("config").toString());
    pb.environment().putAll(env);
    Path out = home.resolve("out.txt");
    Path err = home.resolve("err.txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("conf finished").isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private Map<String, String> dc() {
    return Map.of("CONFLUENCE_URL", wm.baseUrl(), "CONFLUENCE_PAT", "e2e-pat");
  }

  @Test
  void versionAndHelp() throws Exception {
    Run v = conf(Map.of(), "--version");
    assertThat(v.exit()).isZero();
    assertThat(v.out()).startsWith("conf ");
    assertThat(conf(Map.of(), "--help").out()).contains("Usage: conf");
  }

  @Test
  void rootHelpIsRenderedOncePerJarAndThenReadFromTheCache() throws Exception {
    Map<String, String> env = Map.of("XDG_CACHE_HOME", home.resolve("cache").toString());
    Run first = conf(env, "--help");
    assertThat(first.exit()).isZero();
    assertThat(first.out()).contains("Usage: conf", "Commands:", "Exit codes:");
    Path dir = home.resolve("cache").resolve("conf");
    List<Path> cached;
    try (var files = Files.list(dir)) {
      cached = files.filter(p -> p.getFileName().toString().startsWith("help-")).toList();
    }
    assertThat(cached).singleElement();
    assertThat(cached.get(0)).content().isEqualTo(first.out());
    // The second run prints the file: change it and the output follows.
    Files.writeString(cached.get(0), first.out() + "(cached)\n");
    assertThat(conf(env, "--help").out()).endsWith("(cached)\n");
    // Any other help is rendered as usual.
    assertThat(conf(env, "space", "--help").out()).contains("Usage: conf space");
  }

  @Test
  void successPrintsDataOnStdoutOnly() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo("/rest/api/space"))
            .willReturn(
                okJson(
                    "{\"results\":[{\"id\":1,\"key\":\"DOCS\",\"name\":\"Docs\",\"type\":\"global\",\"status\":\"current\"}],\"_links\":{}}")));
    Run r = conf(dc(), "space", "list");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("DOCS\tDocs\tglobal\tcurrent\t1\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void authenticationFailureExits4() throws Exception {
    wm.stubFor(get(urlPathEqualTo("/rest/api/space")).willReturn(aResponse().withStatus(401)));
    Run r = conf(dc(), "space", "list");
    assertThat(r.exit()).isEqualTo(4);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("conf: authentication failed for ").doesNotContain("e2e-pat");
  }

  @Test
  void notFoundExits3() throws Exception {
    wm.stubFor(get(urlPathEqualTo("/rest/api/space/NOPE")).willReturn(aResponse().withStatus(404)));
    Run r = conf(dc(), "space", "view", "NOPE");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("conf: space 'NOPE' not found on " + wm.baseUrl() + "\n");
  }

  @Test
  void usageErrorExits2() throws Exception {
    Run r = conf(Map.of(), "space", "list", "--nope");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void jqWorksFromThePackagedJarIncludingBuiltins() throws Exception {
    // The shaded jar must keep jackson-jq's function services and jq.json.
    wm.stubFor(
        get(urlPathEqualTo("/rest/api/space"))
            .willReturn(
                okJson(
                    "{\"results\":[{\"id\":1,\"key\":\"DOCS\",\"name\":\"Docs\"},"
                        + "{\"id\":2,\"key\":\"ENG\",\"name\":\"Eng\"}],\"_links\":{}}")));
    Run r = conf(dc(), "space", "list", "--jq", "map(.key | ascii_downcase) | join(\",\")");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("docs,eng\n");
  }

  @Test
  void apiPrintsTheBodyOfAFailureAndExitsWithItsCode() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo("/rest/api/content/9"))
            .willReturn(aResponse().withStatus(404).withBody("{\"message\":\"gone\"}")));
    Run r = conf(dc(), "api", "/rest/api/content/9");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.out()).isEqualTo("{\"message\":\"gone\"}");
    assertThat(r.err()).isEqualTo("conf: HTTP 404 Not Found from GET /rest/api/content/9: gone\n");
  }
}
