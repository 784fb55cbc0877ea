import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local server of the distribution's smoke test in .ci/run: answers every request with one
 * page of spaces (the Data Center shape, also what Cloud v2 reads) and logs each request line to
 * stderr. Run with the JDK's source launcher: {@code java SmokeServer.java PORT_FILE}; it writes
 * its port to PORT_FILE and serves until killed.
 */
public final class SmokeServer {
  private static final String SPACES =
      "{\"results\":[{\"id\":\"1\",\"key\":\"SMOKE\",\"name\":\"Smoke test\",\"type\":\"global\","
          + "\"status\":\"current\",\"_links\":{\"webui\":\"/spaces/SMOKE\"}}],\"_links\":{}}";

  public static void main(String[] args) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            System.err.println(
                "[smoke server] " + exchange.getRequestMethod() + " " + exchange.getRequestURI());
            byte[] body = SPACES.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
        });
    server.start();
    Path portFile = Path.of(args[0]);
    Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
    Files.writeString(tmp, Integer.toString(server.getAddress().getPort()));
    Files.move(tmp, portFile);
  }
}
