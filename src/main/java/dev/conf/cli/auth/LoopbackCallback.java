package dev.conf.cli.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/**
 * The one-shot web server a browser login returns to: {@code http://127.0.0.1:PORT/callback}, bound
 * to the loopback interface only. The first request to {@code /callback} settles the login: with
 * the authorization code when its {@code state} is the one this login sent, with a refusal
 * otherwise (a stale tab, or a request forged by another page). The browser is shown a short page
 * either way.
 *
 * <p>An OAuth 1.0a login ({@link #startOAuth1}) comes back instead with {@code oauth_token} and
 * {@code oauth_verifier}: it settles with the verifier when the token is the request token this
 * login asked for ({@link #expectRequestToken}), which does the state's work.
 */
final class LoopbackCallback implements AutoCloseable {
  static final String PATH = "/callback";

  private final HttpServer server;
  private final String state;
  private final boolean oauth1;
  private volatile String requestToken;
  private final CompletableFuture<String> code = new CompletableFuture<>();

  private LoopbackCallback(HttpServer server, String state, boolean oauth1) {
    this.server = server;
    this.state = state;
    this.oauth1 = oauth1;
  }

  /** Starts listening for an OAuth 1.0a login's return: the verifier for the request token. */
  static LoopbackCallback startOAuth1(int port) {
    return start(port, null, true);
  }

  /** The request token the site issued for this login's callback: the only one accepted back. */
  void expectRequestToken(String token) {
    this.requestToken = token;
  }

  /**
   * Starts listening.
   *
   * @param port the registered callback's port; 0 for any free one
   */
  static LoopbackCallback start(int port, String state) {
    return start(port, state, false);
  }

  private static LoopbackCallback start(int port, String state, boolean oauth1) {
    HttpServer server;
    try {
      server =
          HttpServer.create(
              new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 0);
    } catch (BindException e) {
      throw new ConfException(
          ExitCode.ERROR,
          "port "
              + port
              + " on 127.0.0.1 is in use, so the browser cannot return to conf: free it, or pass"
              + " --callback-port with another port registered as the app's callback URL");
    } catch (IOException e) {
      throw new ConfException(
          ExitCode.ERROR, "could not listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
    LoopbackCallback callback = new LoopbackCallback(server, state, oauth1);
    server.createContext("/", callback::handle);
    server.setExecutor(
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "conf-login-callback");
              t.setDaemon(true);
              return t;
            }));
    server.start();
    return callback;
  }

  /** The redirect URI to register and send: {@code http://127.0.0.1:PORT/callback}. */
  String redirectUri() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
  }

  /**
   * Settles with the code (an OAuth 1.0a login's verifier), or fails with the reason the login was
   * refused.
   */
  CompletableFuture<String> code() {
    return code;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals(PATH)
          || !exchange.getRequestMethod().equals("GET")) {
        respond(exchange, 404, "Not found", "This is conf's login callback; nothing is here.");
        return;
      }
      Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
      if (code.isDone()) {
        respond(exchange, 409, "Already done", "This login has finished; you can close this tab.");
        return;
      }
      if (oauth1) {
        settleOAuth1(exchange, q);
        return;
      }
      if (!state.equals(q.get("state"))) {
        code.completeExceptionally(
            ConfException.auth(
                "the browser came back with a state this login did not send; refused (a stale tab,"
                    + " or a request that did not come from Atlassian): run the login again"));
        respond(
            exchange,
            400,
            "Login refused",
            "The answer did not carry this login's state, so conf refused it. Run the login"
                + " again from the terminal.");
        return;
      }
      String error = q.get("error");
      if (error != null) {
        String description = q.getOrDefault("error_description", "");
        code.completeExceptionally(
            ConfException.auth(
                "Atlassian did not grant access ("
                    + error
                    + (description.isEmpty() ? "" : ": " + description)
                    + ")"));
        respond(
            exchange,
            400,
            "Login failed",
            "Atlassian said: " + error + ". You can close this tab and return to the terminal.");
        return;
      }
      String c = q.get("code");
      if (c == null || c.isEmpty()) {
        code.completeExceptionally(
            ConfException.auth("the browser came back without an authorization code"));
        respond(exchange, 400, "Login failed", "No authorization code came back.");
        return;
      }
      // Settled before the page goes out: whoever sees the page finds the login already decided.
      code.complete(c);
      respond(
          exchange,
          200,
          "Logged in",
          "conf has what it needs: you can close this tab and return to the terminal.");
    }
  }

  /**
   * The site's authorize page sends the browser back with {@code oauth_token} and {@code
   * oauth_verifier}; Atlassian's provider sends {@code oauth_verifier=denied} when the user chose
   * Deny.
   */
  private void settleOAuth1(HttpExchange exchange, Map<String, String> q) throws IOException {
    String expected = requestToken;
    String token = q.get("oauth_token");
    if (expected == null
        || token == null
        || !java.security.MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
      code.completeExceptionally(
          ConfException.auth(
              "the browser came back with a request token this login did not ask for; refused (a"
                  + " stale tab, or a request that did not come from the site): run the login"
                  + " again"));
      respond(
          exchange,
          400,
          "Login refused",
          "The answer did not carry this login's request token, so conf refused it. Run the"
              + " login again from the terminal.");
      return;
    }
    String verifier = q.get("oauth_verifier");
    if (verifier == null || verifier.isEmpty() || verifier.equals("denied")) {
      code.completeExceptionally(
          ConfException.auth(
              "access was not allowed on the site's authorize page: run the login again and"
                  + " choose Allow"));
      respond(exchange, 400, "Login failed", "Access was not allowed.");
      return;
    }
    code.complete(verifier);
    respond(
        exchange,
        200,
        "Logged in",
        "conf has what it needs: you can close this tab and return to the terminal.");
  }

  private static void respond(HttpExchange exchange, int status, String title, String text)
      throws IOException {
    byte[] page =
        ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>conf: "
                + title
                + "</title></head><body style=\"font-family:sans-serif;margin:3em\"><h1>"
                + title
                + "</h1><p>"
                + text
                + "</p></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, page.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(page);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.putIfAbsent(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
    if (server.getExecutor() instanceof java.util.concurrent.ExecutorService e) {
      e.shutdownNow();
    }
  }
}
