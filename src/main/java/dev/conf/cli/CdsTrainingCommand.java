package dev.conf.cli;

import dev.conf.output.Io;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code conf __cds-training} (hidden): the workload {@code bin/conf} records its
 * class-data-sharing archive from. It runs real commands, through the real HTTP client, JSON
 * mapping and output code, against a throw-away server on the loopback interface, so the archive
 * holds the classes an everyday command loads, not only those of {@code --version}. Touches no
 * config, keychain or network.
 */
@Access(Access.Kind.LOCAL)
@Command(name = "__cds-training", hidden = true)
public final class CdsTrainingCommand implements Callable<Integer> {
  private static final String SPACES =
      "{\"results\":[{\"id\":\"1\",\"key\":\"K\",\"name\":\"N\",\"type\":\"global\","
          + "\"status\":\"current\",\"description\":{\"plain\":{\"value\":\"d\"}},"
          + "\"_links\":{\"webui\":\"/spaces/K\"}}],\"_links\":{}}";

  /** One page, in a shape both backends can read (Cloud v2 and Data Center fields side by side). */
  private static final String PAGE =
      "{\"id\":\"1\",\"type\":\"page\",\"status\":\"current\",\"title\":\"T\","
          + "\"spaceId\":\"1\",\"space\":{\"key\":\"K\",\"name\":\"N\"},"
          + "\"version\":{\"number\":2,\"when\":\"2026-01-01T00:00:00.000Z\","
          + "\"createdAt\":\"2026-01-01T00:00:00.000Z\",\"by\":{\"displayName\":\"A\"}},"
          + "\"history\":{\"createdBy\":{\"displayName\":\"A\"},"
          + "\"createdDate\":\"2026-01-01T00:00:00.000Z\"},"
          + "\"ancestors\":[],\"metadata\":{\"labels\":{\"results\":[]}},"
          + "\"body\":{\"storage\":{\"value\":\"<p>x</p>\",\"representation\":\"storage\"}},"
          + "\"_links\":{\"webui\":\"/x\"}}";

  @Override
  public Integer call() throws Exception {
    Path config = Files.createTempDirectory("conf-cds");
    try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      Thread responder = new Thread(() -> serve(server), "conf-cds-server");
      responder.setDaemon(true);
      responder.start();
      String url = "http://127.0.0.1:" + server.getLocalPort();
      Map<String, String> dc =
          Map.of(
              "CONFLUENCE_URL", url, "CONFLUENCE_PAT", "x", "CONF_CONFIG_DIR", config.toString());
      Map<String, String> cloud =
          Map.of(
              "CONFLUENCE_URL", url,
              "CONFLUENCE_DEPLOYMENT", "cloud",
              "CONFLUENCE_EMAIL", "a@example.com",
              "CONFLUENCE_API_TOKEN", "x",
              "CONF_CONFIG_DIR", config.toString());
      for (boolean tty : new boolean[] {false, true}) {
        run(dc, tty, "space", "list");
        run(cloud, tty, "space", "list");
        run(dc, tty, "space", "view", "K");
        run(cloud, tty, "auth", "status", "--offline");
        run(dc, tty, "search", "x");
        run(cloud, tty, "page", "view", "1");
        run(dc, tty, "page", "view", "1");
        run(cloud, tty, "page", "list", "--space", "K");
      }
      run(dc, false, "space", "list", "--json");
      run(dc, false, "space", "list", "--json", "key,name");
      run(dc, false, "space", "list", "--help");
      run(dc, false, "space", "list", "--no-such-option");
      // export and Markdown: the worker pools, atomic writes and both converters.
      run(dc, false, "export", "--space", "K", "--to", config.resolve("dc").toString());
      run(cloud, false, "export", "--space", "K", "--to", config.resolve("cloud").toString());
      Path md = config.resolve("t.md");
      Files.writeString(
          md,
          "---\ntitle: T\n---\n# T\n\n*a* [b](b.md) ![c](c.png)\n\n- [ ] d\n\n```java\ne\n```\n");
      run(dc, false, "convert", md.toString());
    } finally {
      deleteTree(config);
    }
    return 0;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void run(Map<String, String> env, boolean tty, String... args) {
    Io io = Io.builder().stdoutTty(tty).width(() -> 80).build();
    ConfApp.run(io, env, args);
  }

  /** Answers a single page for content requests and a page of spaces for anything else. */
  private static void serve(ServerSocket server) {
    while (!server.isClosed()) {
      try (Socket s = server.accept()) {
        InputStream in = s.getInputStream();
        // Read the request head (conf's training requests have no body).
        StringBuilder head = new StringBuilder();
        int matched = 0;
        int c;
        while (matched < 4 && (c = in.read()) >= 0) {
          head.append((char) c);
          matched = (c == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (c == '\r' ? 1 : 0);
        }
        String line = head.toString();
        boolean onePage =
            line.matches("(?s)GET \\S*/(content|pages)/\\d+[?/ ].*")
                && !line.contains("/children")
                && !line.contains("/descendant");
        byte[] body = (onePage ? PAGE : SPACES).getBytes(StandardCharsets.UTF_8);
        OutputStream out = s.getOutputStream();
        out.write(
            ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                    + "Content-Length: "
                    + body.length
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
      } catch (IOException e) {
        return;
      }
    }
  }
}
