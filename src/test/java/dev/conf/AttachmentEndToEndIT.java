package dev.conf;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Attachment and label commands through the packaged jar: real stdout bytes and working dir. */
class AttachmentEndToEndIT {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path home;

  record Run(int exit, byte[] out, String err) {}

  private Run conf(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(Path.of(System.getProperty("conf.jar", "target/conf.jar")).toAbsolutePath().toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile());
    pb.environment()
        .keySet()
        .removeIf(
            k -> k.startsWith("CONFLUENCE_") || k.startsWith("CONF_") || k.endsWith("_API_TOKEN"));
    pb.environment().put("CONF_CONFIG_DIR", home.resolve("config").toString());
    pb.environment().put("CONFLUENCE_URL", wm.baseUrl());
    pb.environment().put("CONFLUENCE_PAT", "e2e-pat");
    Path out = Files.createTempFile("conf-e2e", ".out");
    Path err = Files.createTempFile("conf-e2e", ".err");
    try {
      Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      p.getOutputStream().close();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("conf finished").isTrue();
      return new Run(
          p.exitValue(), Files.readAllBytes(out), Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static byte[] everyByte() {
    byte[] b = new byte[512];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) i;
    }
    return b;
  }

  private static String attachment(int size) {
    return "{\"id\":\"1001\",\"type\":\"attachment\",\"title\":\"bytes.bin\","
        + "\"version\":{\"number\":1,\"when\":\"2026-11-28T12:00:00.000Z\"},"
        + "\"extensions\":{\"mediaType\":\"application/octet-stream\",\"fileSize\":"
        + size
        + "},\"container\":{\"id\":\"42\",\"type\":\"page\"},"
        + "\"_links\":{\"download\":\"/download/attachments/42/bytes.bin?version=1\"}}";
  }

  @Test
  void downloadToStdoutWritesTheBytesUnchanged() throws Exception {
    byte[] bytes = everyByte();
    wm.stubFor(
        get(urlPathEqualTo("/rest/api/content/1001")).willReturn(okJson(attachment(bytes.length))));
    wm.stubFor(
        get(urlPathEqualTo("/download/attachments/42/bytes.bin"))
            .willReturn(aResponse().withBody(bytes)));
    Run r = conf("attachment", "download", "1001", "-o", "-");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(bytes);
    assertThat(r.err()).isEmpty();
  }

  @Test
  void aPageIdDownloadsEveryAttachmentIntoTheWorkingDirectory() throws Exception {
    byte[] bytes = everyByte();
    // Data Center numbers pages and attachments alike: conf asks which one 42 is.
    wm.stubFor(
        get(urlPathEqualTo("/rest/api/content/42"))
            .willReturn(okJson("{\"id\":\"42\",\"type\":\"page\",\"title\":\"Notes\"}")));
    wm.stubFor(
        get(urlPathEqualTo("/rest/api/content/42/child/attachment"))
            .willReturn(
                okJson(
                    "{\"results\":["
                        + attachment(bytes.length)
                        + "],\"start\":0,\"limit\":100,\"size\":1,\"_links\":{}}")));
    wm.stubFor(
        get(urlPathEqualTo("/download/attachments/42/bytes.bin"))
            .willReturn(aResponse().withBody(bytes)));
    Run r = conf("attachment", "download", "42");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readAllBytes(home.resolve("bytes.bin"))).isEqualTo(bytes);
    assertThat(r.err()).isEqualTo("Downloaded bytes.bin to bytes.bin.\n");

    Run again = conf("attachment", "download", "42");
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("bytes.bin exists; use --clobber");
  }

  @Test
  void aBadLabelExits2WithoutARequest() throws Exception {
    Run r = conf("label", "add", "42", "no spaces please");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("contains a space");
    wm.verify(0, anyRequestedFor(anyUrl()));
  }
}
