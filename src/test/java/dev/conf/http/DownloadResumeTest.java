package dev.conf.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conf.testing.FakeClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Streamed downloads cut off mid-body, against a small in-test HTTP/1.1 server that holds the
 * protocol's rules for ranges: {@code Range: bytes=N-} answered with 206 and {@code Content-Range},
 * or (a server without range support) 200 and the whole file again.
 */
class DownloadResumeTest {
  private static final byte[] FILE = new byte[300_000];

  static {
    new Random(7).nextBytes(FILE);
  }

  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private ServerSocket server;

  /** Serves FILE; the first {@code cuts} answers stop after {@code cutAt} bytes of body. */
  private HttpUrl serve(boolean ranges, int cuts, int cutAt) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t =
        new Thread(
            () -> {
              int served = 0;
              while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                  String range = readRequest(s.getInputStream());
                  boolean cut = served++ < cuts;
                  answer(s.getOutputStream(), ranges ? range : null, cut, cutAt);
                } catch (IOException e) {
                  // closed
                }
              }
            });
    t.setDaemon(true);
    t.start();
    return HttpUrl.get("http://127.0.0.1:" + server.getLocalPort() + "/download/file.bin");
  }

  private String readRequest(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      head.append((char) c);
      if (head.toString().endsWith("\r\n\r\n")) {
        break;
      }
    }
    requests.add(head.toString());
    for (String line : head.toString().split("\r\n")) {
      if (line.toLowerCase().startsWith("range: bytes=")) {
        return line.substring("range: bytes=".length()).trim();
      }
    }
    return null;
  }

  private static void answer(OutputStream out, String range, boolean cut, int cutAt)
      throws IOException {
    int from = range == null ? 0 : Integer.parseInt(range.substring(0, range.indexOf('-')));
    String head =
        range == null
            ? "HTTP/1.1 200 OK\r\nContent-Length: " + FILE.length + "\r\n"
            : "HTTP/1.1 206 Partial Content\r\nContent-Length: "
                + (FILE.length - from)
                + "\r\nContent-Range: bytes "
                + from
                + "-"
                + (FILE.length - 1)
                + "/"
                + FILE.length
                + "\r\n";
    out.write(
        (head + "ETag: \"v1\"\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    int end = cut ? Math.min(FILE.length, from + cutAt) : FILE.length;
    out.write(FILE, from, end - from);
    out.flush();
  }

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  private ApiClient client() {
    FakeClock clock = new FakeClock(Instant.parse("2026-11-29T12:00:00Z"));
    HttpClientFactory.Settings settings =
        new HttpClientFactory.Settings(
            "conf/test",
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            null,
            Map.of(),
            RetryPolicy.DEFAULT,
            clock::advance,
            clock,
            null,
            null,
            () -> 0.0);
    return new ApiClient(
        HttpClientFactory.create(settings, false),
        new ApiClient.ErrorContext("http://127.0.0.1", "log in", false));
  }

  @Test
  void aCutOffDownloadResumesWithARangeRequest() throws IOException {
    HttpUrl url = serve(true, 2, 100_000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long n = client().download(url, out, x -> {});
    assertThat(n).isEqualTo(FILE.length);
    assertThat(out.toByteArray()).isEqualTo(FILE);
    assertThat(requests).hasSize(3);
    assertThat(requests.get(1)).contains("Range: bytes=100000-").contains("If-Range: \"v1\"");
    assertThat(requests.get(2)).contains("Range: bytes=200000-");
  }

  @Test
  void aServerWithoutRangesSendsItAllAgainAndTheKnownPartIsSkipped() throws IOException {
    HttpUrl url = serve(false, 1, 120_000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long n = client().download(url, out, x -> {});
    assertThat(n).isEqualTo(FILE.length);
    assertThat(out.toByteArray()).isEqualTo(FILE);
    assertThat(requests).hasSize(2);
  }

  @Test
  void aDownloadThatKeepsBeingCutOffFailsInTheEnd() throws IOException {
    HttpUrl url = serve(true, 100, 10_000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> client().download(url, out, x -> {}))
        .hasMessageStartingWith("download from http://127.0.0.1 failed after ");
    assertThat(requests).hasSize(ApiClient.MAX_RESUMES + 1);
  }
}
