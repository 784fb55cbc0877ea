package dev.conf;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Page commands through the packaged jar: real stdin, stdout, stderr and exit codes. */
class PageEndToEndIT {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path home;

  record Run(int exit, String out, String err) {}

  private Run conf(String stdin, String... args) throws IOException, InterruptedException {
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
    pb.environment().put("CONFLUENCE_URL", wm.baseUrl());
    pb.environment().put("CONFLUENCE_PAT", "e2e-pat");
    Path out = home.resolve("out.txt");
    Path err = home.resolve("err.txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("conf finished").isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static String page(int version, String body) {
    return "{\"id\":\"42\",\"type\":\"page\",\"status\":\"current\",\"title\":\"Notes\","
        + "\"space\":{\"id\":1,\"key\":\"DOCS\"},\"version\":{\"number\":"
        + version
        + "},\"body\":{\"storage\":{\"value\":\""
        + body
        + "\",\"representation\":\"storage\"}},\"_links\":{\"webui\":\"/pages/viewpage.action?pageId=42\"}}";
  }

  @Test
  void viewRawPrintsOnlyTheBodyOnStdout() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo("/rest/api/content/42")).willReturn(okJson(page(3, "<p>hi</p>"))));
    Run r = conf("", "page", "view", "42", "--raw");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("<p>hi</p>\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void aConflictingUpdateFromStdinExits5AndSaysSoOnStderrOnly() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo("/rest/api/content/42")).willReturn(okJson(page(3, "<p>hi</p>"))));
    wm.stubFor(
        put(urlPathEqualTo("/rest/api/content/42"))
            .willReturn(
                aResponse().withStatus(409).withBody("{\"message\":\"Version conflict\"}")));
    Run r = conf("<p>mine</p>", "page", "update", "42", "-");
    assertThat(r.exit()).isEqualTo(5);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith("conf: page 42 changed on the server since it was read")
        .contains("based on version 3");
    assertThat(r.err().lines()).hasSize(1);
    assertThat(wm.findAll(putRequestedFor(urlPathEqualTo("/rest/api/content/42")))).hasSize(1);
  }

  @Test
  void deleteFromAScriptWithoutYesSendsNothingAndExits2() throws Exception {
    Run r = conf("y\n", "page", "delete", "42");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--yes");
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }
}
