package dev.conf.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Atlassian's authorization server and API gateway as they behave in 2026, in one small server
 * (serve it as both {@code CONF_ATLASSIAN_AUTH_URL} and {@code CONF_ATLASSIAN_API_URL}):
 *
 * <ul>
 *   <li>{@code GET /authorize} checks the client id, the registered callback (exactly), the
 *       audience and response type, and redirects to the callback with a code and the state.
 *   <li>{@code POST /oauth/token} (JSON) wants the client secret on every grant (PKCE alone gets
 *       401 access_denied); codes work once; refresh tokens rotate on use, and replaying a spent
 *       one later than the 10-minute leeway revokes the whole family (403 invalid_grant, as every
 *       refusal is); client credentials give an access token and no refresh token. Access tokens
 *       live an hour, as measured on {@link #now}, which only the test moves.
 *   <li>{@code GET /oauth/token/accessible-resources} lists a decoy site first, then the site.
 *   <li>{@code /ex/confluence/{cloudId}/...} takes only a live Bearer token of that site (else
 *       401), answers v1 content, space and comment routes with 410 Gone, and forwards the rest to
 *       the upstream Confluence (a WireMock server, so the usual contract check applies).
 * </ul>
 *
 * Tokens are long, as Atlassian's are, so a keychain entry per token would not fit Windows.
 */
public final class FakeAtlassian implements AutoCloseable {
  public static final String CLIENT_ID = "conf-test-app";
  public static final String CLIENT_SECRET = "app-secret-Zx81";
  public static final String CLOUD_ID = "11111111-2222-3333-4444-555555555555";
  public static final String DECOY_CLOUD_ID = "99999999-8888-7777-6666-555555555555";
  public static final String SITE_URL = "https://acme.atlassian.net";
  public static final String DECOY_URL = "https://acme-sandbox.atlassian.net";
  static final Duration LEEWAY = Duration.ofMinutes(10);
  static final Duration ACCESS_LIFETIME = Duration.ofHours(1);
  private static final Pattern GATEWAY = Pattern.compile("^/ex/confluence/([^/]+)(/.*)$");
  private static final Pattern GONE =
      Pattern.compile("^/wiki/rest/api/(content(?!/search)(/.*)?|space(/.*)?|comment(/.*)?)$");

  private final ObjectMapper json = new ObjectMapper();
  private final SecureRandom random = new SecureRandom();
  private final HttpServer server;
  private final HttpClient upstreamClient = HttpClient.newHttpClient();
  private final String upstream;

  /** The authorization server's clock; tokens expire by it. */
  public volatile Instant now = ConfRunner.NOW;

  /** The callback registered for the app; set to the one the login will use. */
  public volatile String registeredCallback = "http://127.0.0.1:8765/callback";

  /** When true, the v1 routes OAuth apps lost answer 410 Gone. */
  public volatile boolean v1Gone = true;

  public final AtomicInteger codeExchanges = new AtomicInteger();
  public final AtomicInteger refreshes = new AtomicInteger();
  public final AtomicInteger replays = new AtomicInteger();
  public final AtomicInteger mints = new AtomicInteger();
  public final AtomicInteger gatewayRejections = new AtomicInteger();

  /** Every token and secret this server handed out or knows, for leak checks. */
  public final Set<String> secrets = ConcurrentHashMap.newKeySet();

  private final Map<String, Code> codes = new ConcurrentHashMap<>();
  private final Map<String, Refresh> refreshTokens = new ConcurrentHashMap<>();
  private final Map<String, Access> accessTokens = new ConcurrentHashMap<>();
  private final Set<Integer> revokedFamilies = ConcurrentHashMap.newKeySet();
  private final AtomicInteger families = new AtomicInteger();

  /** Every request, as "METHOD path", in order. */
  public final List<String> requests = Collections.synchronizedList(new ArrayList<>());

  private record Code(String scopes, String redirectUri, boolean[] used) {}

  private static final class Refresh {
    final int family;
    final String scopes;
    Instant usedAt;

    Refresh(int family, String scopes) {
      this.family = family;
      this.scopes = scopes;
    }
  }

  private record Access(int family, Instant expiresAt) {}

  /**
   * @param upstream the Confluence the gateway forwards to, e.g. WireMock's base URL
   */
  public FakeAtlassian(String upstream) throws IOException {
    this.upstream = upstream;
    secrets.add(CLIENT_SECRET);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Points a runner's Atlassian hosts here. */
  public ConfRunner hosts(ConfRunner conf) {
    return conf.env("CONF_ATLASSIAN_AUTH_URL", url()).env("CONF_ATLASSIAN_API_URL", url());
  }

  /** Moves the authorization server's clock on. */
  public void advance(Duration d) {
    now = now.plus(d);
  }

  /** True when a family was revoked by a replayed refresh token. */
  public boolean anyFamilyRevoked() {
    return !revokedFamilies.isEmpty();
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getRawPath();
      requests.add(ex.getRequestMethod() + " " + path);
      if (path.equals("/authorize")) {
        authorize(ex);
      } else if (path.equals("/oauth/token") && ex.getRequestMethod().equals("POST")) {
        token(ex);
      } else if (path.equals("/oauth/token/accessible-resources")) {
        resources(ex);
      } else if (GATEWAY.matcher(path).matches()) {
        gateway(ex, path);
      } else {
        send(ex, 404, "{\"message\":\"no such route on the fake\"}");
      }
    } catch (RuntimeException e) {
      send(ex, 500, "{\"message\":\"fake failed: " + e + "\"}");
    }
  }

  private void authorize(HttpExchange ex) throws IOException {
    Map<String, String> q = query(ex.getRequestURI().getRawQuery());
    if (!CLIENT_ID.equals(q.get("client_id"))
        || !"code".equals(q.get("response_type"))
        || !"api.atlassian.com".equals(q.get("audience"))
        || q.get("state") == null
        || q.get("scope") == null) {
      send(ex, 400, "{\"error\":\"invalid_request\"}");
      return;
    }
    if (!registeredCallback.equals(q.get("redirect_uri"))) {
      send(ex, 400, "{\"error\":\"invalid_request\",\"error_description\":\"redirect_uri\"}");
      return;
    }
    String code = token("code", 40);
    codes.put(code, new Code(q.get("scope"), q.get("redirect_uri"), new boolean[1]));
    String location =
        q.get("redirect_uri")
            + "?code="
            + code
            + "&state="
            + java.net.URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Location", location);
    ex.sendResponseHeaders(302, -1);
  }

  private synchronized void token(HttpExchange ex) throws IOException {
    JsonNode body;
    try (InputStream in = ex.getRequestBody()) {
      body = json.readTree(in);
    }
    if (!ex.getRequestHeaders().getFirst("Content-Type").startsWith("application/json")) {
      send(ex, 415, "{\"error\":\"unsupported_media_type\"}");
      return;
    }
    String grant = body.path("grant_type").asText();
    if (!CLIENT_ID.equals(body.path("client_id").asText())
        || !CLIENT_SECRET.equals(body.path("client_secret").asText())) {
      send(ex, 401, "{\"error\":\"access_denied\",\"error_description\":\"Unauthorized\"}");
      return;
    }
    switch (grant) {
      case "authorization_code" -> {
        Code c = codes.get(body.path("code").asText());
        if (c == null || c.used[0] || !c.redirectUri.equals(body.path("redirect_uri").asText())) {
          send(ex, 403, invalidGrant());
          return;
        }
        c.used[0] = true;
        codeExchanges.incrementAndGet();
        send(ex, 200, issue(families.incrementAndGet(), c.scopes, true));
      }
      case "refresh_token" -> {
        Refresh r = refreshTokens.get(body.path("refresh_token").asText());
        if (r == null || revokedFamilies.contains(r.family)) {
          send(ex, 403, invalidGrant());
          return;
        }
        if (r.usedAt != null) {
          replays.incrementAndGet();
          if (Duration.between(r.usedAt, now).compareTo(LEEWAY) > 0) {
            revokedFamilies.add(r.family);
            send(ex, 403, invalidGrant());
            return;
          }
        }
        r.usedAt = now;
        refreshes.incrementAndGet();
        send(ex, 200, issue(r.family, r.scopes, true));
      }
      case "client_credentials" -> {
        if (!"api.atlassian.com".equals(body.path("audience").asText())) {
          send(ex, 400, "{\"error\":\"invalid_request\"}");
          return;
        }
        mints.incrementAndGet();
        send(ex, 200, issue(0, "read:confluence-content.all write:confluence-content", false));
      }
      default -> send(ex, 400, "{\"error\":\"unsupported_grant_type\"}");
    }
  }

  private static String invalidGrant() {
    return "{\"error\":\"invalid_grant\",\"error_description\":\"Unknown or invalid refresh token.\"}";
  }

  private String issue(int family, String scopes, boolean withRefresh) {
    // Atlassian's access tokens are JWTs of a few kilobytes.
    String access = token("at", 2600);
    accessTokens.put(access, new Access(family, now.plus(ACCESS_LIFETIME)));
    ObjectNode n = json.createObjectNode();
    n.put("access_token", access);
    n.put("expires_in", ACCESS_LIFETIME.toSeconds());
    n.put("token_type", "Bearer");
    n.put("scope", scopes);
    if (withRefresh) {
      String refresh = token("rt", 1400);
      refreshTokens.put(refresh, new Refresh(family, scopes));
      n.put("refresh_token", refresh);
    }
    return n.toString();
  }

  private String token(String prefix, int length) {
    byte[] bytes = new byte[length * 3 / 4];
    random.nextBytes(bytes);
    String t = prefix + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    secrets.add(t);
    return t;
  }

  /** The access token's entry, or null when it is unknown, expired or its family revoked. */
  private Access live(HttpExchange ex) {
    String h = ex.getRequestHeaders().getFirst("Authorization");
    if (h == null || !h.startsWith("Bearer ")) {
      return null;
    }
    Access a = accessTokens.get(h.substring(7));
    if (a == null || !now.isBefore(a.expiresAt) || revokedFamilies.contains(a.family)) {
      return null;
    }
    return a;
  }

  private void resources(HttpExchange ex) throws IOException {
    if (live(ex) == null) {
      send(ex, 401, "{\"code\":401,\"message\":\"Unauthorized\"}");
      return;
    }
    ArrayNode list = json.createArrayNode();
    list.add(site(DECOY_CLOUD_ID, "acme-sandbox", DECOY_URL));
    list.add(site(CLOUD_ID, "acme", SITE_URL));
    send(ex, 200, list.toString());
  }

  private ObjectNode site(String id, String name, String url) {
    ObjectNode s = json.createObjectNode();
    s.put("id", id);
    s.put("name", name);
    s.put("url", url);
    s.putArray("scopes").add("read:confluence-content.all").add("write:confluence-content");
    s.put("avatarUrl", "https://site-admin-avatar-cdn.prod.public.atl-paas.net/avatars/240/x.png");
    return s;
  }

  private void gateway(HttpExchange ex, String path) throws IOException {
    Matcher m = GATEWAY.matcher(path);
    m.matches();
    if (live(ex) == null || !m.group(1).equals(CLOUD_ID)) {
      gatewayRejections.incrementAndGet();
      send(ex, 401, "{\"code\":401,\"message\":\"Unauthorized\"}");
      return;
    }
    String rest = m.group(2);
    if (v1Gone && GONE.matcher(rest).matches()) {
      send(
          ex,
          410,
          "{\"statusCode\":410,\"message\":\"GoneException: This deprecated endpoint has been"
              + " removed.\"}");
      return;
    }
    forward(ex);
  }

  private void forward(HttpExchange ex) throws IOException {
    String target = upstream + ex.getRequestURI().getRawPath();
    if (ex.getRequestURI().getRawQuery() != null) {
      target += "?" + ex.getRequestURI().getRawQuery();
    }
    byte[] body;
    try (InputStream in = ex.getRequestBody()) {
      body = in.readAllBytes();
    }
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(target))
            .method(ex.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
      String name = h.getKey();
      if (Set.of("host", "content-length", "connection", "upgrade", "expect")
          .contains(name.toLowerCase(java.util.Locale.ROOT))) {
        continue;
      }
      for (String v : h.getValue()) {
        b.header(name, v);
      }
    }
    HttpResponse<byte[]> r;
    try {
      r = upstreamClient.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    r.headers()
        .map()
        .forEach(
            (k, v) -> {
              if (!k.equalsIgnoreCase("content-length")
                  && !k.equalsIgnoreCase("transfer-encoding")
                  && !k.startsWith(":")) {
                ex.getResponseHeaders().put(k, v);
              }
            });
    byte[] out = r.body();
    ex.sendResponseHeaders(r.statusCode(), out.length == 0 ? -1 : out.length);
    if (out.length > 0) {
      try (OutputStream os = ex.getResponseBody()) {
        os.write(out);
      }
    }
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(bytes);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }
}
