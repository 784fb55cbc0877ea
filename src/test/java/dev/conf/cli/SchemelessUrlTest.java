package dev.conf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conf.testing.ConfRunner;
import dev.conf.testing.ConfRunner.Result;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code CONFLUENCE_URL=127.0.0.1:PORT}, no scheme, against a plain-http server: refused at once
 * with the two URLs to give, before any connection (https would only have met a TLS error).
 */
class SchemelessUrlTest {
  @TempDir Path tmp;
  private ServerSocket server;
  private final AtomicInteger connections = new AtomicInteger();
  private Thread acceptor;

  @BeforeEach
  void plainHttpServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                  connections.incrementAndGet();
                  InputStream in = s.getInputStream();
                  in.read(new byte[4096]);
                  OutputStream out = s.getOutputStream();
                  out.write(
                      "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"
                          .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                  // closed
                }
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    acceptor.join(2000);
  }

  @Test
  void aHostAndPortWithoutSchemeIsRefusedBeforeAnyConnection() {
    String bare = "127.0.0.1:" + server.getLocalPort();
    ConfRunner conf =
        new ConfRunner(tmp.resolve("config"))
            .env("CONFLUENCE_URL", bare)
            .env("CONFLUENCE_PAT", "pat");
    Result r = conf.run("space", "list");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "conf: '"
                + bare
                + "' has no scheme: give http://"
                + bare
                + " or https://"
                + bare
                + "\n");
    assertThat(r.out()).isEmpty();
    assertThat(connections.get()).isZero();
  }

  @Test
  void theSameServerWithItsSchemeAnswers() {
    ConfRunner conf =
        new ConfRunner(tmp.resolve("config2"))
            .env("CONFLUENCE_URL", "http://127.0.0.1:" + server.getLocalPort())
            .env("CONFLUENCE_PAT", "pat");
    Result r = conf.run("api", "/rest/api/space");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("{}");
    assertThat(connections.get()).isPositive();
  }
}
