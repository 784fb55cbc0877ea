package dev.conf.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.conf.error.ExitCode;
import dev.conf.output.Io;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Command;

/**
 * {@code conf __cds-training} (hidden): the workload {@code bin/conf} records its
 * class-data-sharing archive from. It runs real commands, through the real HTTP client, JSON
 * mapping and output code, against a throw-away server on the loopback interface, so the archive
 * holds the classes an everyday command loads, not only those of {@code --version}. Touches no
 * config, keychain or network. The server is the JDK's {@code com.sun.net.httpserver}, which keeps
 * the HTTP rules (framing, keep-alive) out of conf's code.
 *
 * <p>Every real site is {@code https://}, and a TLS client's first handshake loads about 930 JDK
 * classes (JSSE, the trust store's PKCS#12 reader, X.509 and certificate-path checks, the EC and
 * XDH key exchange) that an http-only training run leaves out of the archive. So the same commands
 * also run against an {@link HttpsServer} on the loopback interface, with {@code --ca-cert} naming
 * its self-signed certificate: that path reads the platform trust store too, so both the
 * public-site and the private-CA case find their classes archived. The key pair in {@code
 * cds-training.p12} is a throw-away made for this and trusts nothing: it exists only to let the
 * process complete a handshake with itself, and is never part of any trust decision outside it.
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

  private final List<String> surprises = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Path config = Files.createTempDirectory("conf-cds");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext("/", CdsTrainingCommand::serve);
    server.start();
    HttpsServer tls = httpsServer();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
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
      runExpecting(ExitCode.USAGE.code(), dc, false, "space", "list", "--no-such-option");
      // export and Markdown: the worker pools, atomic writes and both converters.
      run(dc, false, "export", "--space", "K", "--to", config.resolve("dc").toString());
      run(cloud, false, "export", "--space", "K", "--to", config.resolve("cloud").toString());
      Path md = config.resolve("t.md");
      Files.writeString(
          md,
          "---\ntitle: T\n---\n# T\n\n*a* [b](b.md) ![c](c.png)\n\n- [ ] d\n\n```java\ne\n```\n");
      run(dc, false, "convert", md.toString());
      // https: a handshake with the platform trust store read and the --ca-cert bundle merged in.
      Path pem = config.resolve("training-ca.pem");
      try (InputStream in = resource("cds-training.pem")) {
        Files.copy(in, pem);
      }
      String https = "https://127.0.0.1:" + tls.getAddress().getPort();
      Map<String, String> dcTls = new java.util.HashMap<>(dc);
      dcTls.put("CONFLUENCE_URL", https);
      Map<String, String> cloudTls = new java.util.HashMap<>(cloud);
      cloudTls.put("CONFLUENCE_URL", https);
      for (boolean tty : new boolean[] {false, true}) {
        run(dcTls, tty, "--ca-cert", pem.toString(), "space", "list");
        run(cloudTls, tty, "--ca-cert", pem.toString(), "page", "view", "1");
      }
      run(dcTls, false, "--ca-cert", pem.toString(), "page", "view", "1");
      run(cloudTls, false, "--ca-cert", pem.toString(), "space", "list");
    } finally {
      server.stop(0);
      tls.stop(0);
      deleteTree(config);
    }
    return 0;
  }

  /** A loopback TLS server with the training key pair, answering as {@link #serve} does. */
  static HttpsServer httpsServer() throws IOException, GeneralSecurityException {
    char[] password = "training".toCharArray();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = resource("cds-training.p12")) {
      ks.load(in, password);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, password);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(kmf.getKeyManagers(), null, null);
    HttpsServer tls =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    tls.setHttpsConfigurator(new HttpsConfigurator(ssl));
    tls.createContext("/", CdsTrainingCommand::serve);
    tls.start();
    return tls;
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = CdsTrainingCommand.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException("missing resource " + name);
    }
    return in;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private void run(Map<String, String> env, boolean tty, String... args) {
    runExpecting(ExitCode.OK.code(), env, tty, args);
  }

  private void runExpecting(int expected, Map<String, String> env, boolean tty, String... args) {
    Io io = Io.builder().stdoutTty(tty).width(() -> 80).build();
    // As Main does: the https legs prepare their TLS on a second thread.
    dev.conf.Main.startTls(args, env);
    int code = ConfApp.run(io, env, args);
    if (code != expected) {
      // A command that fails early archives less than it should; the test reads this list. The
      // exit code stays 0: the archive of a partial run is still worth keeping.
      surprises.add(String.join(" ", args) + " (tty " + tty + "): exit " + code);
    }
  }

  /** Training runs that did not end as expected (see CdsTrainingCommandTest). */
  List<String> surprises() {
    return surprises;
  }

  /** Answers a single page for content requests and a page of spaces for anything else. */
  static void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      byte[] body = (isOnePage(exchange) ? PAGE : SPACES).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  /** A GET of one page or content item by id (not its children or descendants). */
  private static boolean isOnePage(HttpExchange exchange) {
    String target = exchange.getRequestURI().getRawPath();
    return exchange.getRequestMethod().equals("GET")
        && target.matches(".*/(content|pages)/\\d+(/.*)?")
        && !target.contains("/children")
        && !target.contains("/descendant");
  }
}
