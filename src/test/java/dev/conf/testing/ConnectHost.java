package dev.conf.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.ValueMatcher;
import dev.conf.auth.connect.CanonicalRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Connect host's rules for an app's requests, as a WireMock matcher: {@code Authorization: JWT},
 * HS256 with the app's shared secret (constant-time compare), {@code iss} the installed app's key,
 * not expired by the host's clock, and {@code qsh} the hash of the request as it arrived. A stub
 * that carries it answers only signed requests; the others fall through to WireMock's 404.
 */
public final class ConnectHost implements ValueMatcher<Request> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String appKey;
  private final byte[] secret;
  private final long hostNow;

  /** Why requests were refused, in order (empty when every one was good). */
  public final List<String> refusals = new CopyOnWriteArrayList<>();

  public ConnectHost(String appKey, String sharedSecret, long hostNowEpochSeconds) {
    this.appKey = appKey;
    this.secret = sharedSecret.getBytes(StandardCharsets.UTF_8);
    this.hostNow = hostNowEpochSeconds;
  }

  @Override
  public MatchResult match(Request request) {
    String why =
        verify(request.getHeader("Authorization"), request.getMethod().getName(), uri(request));
    if (why != null) {
      refusals.add(request.getMethod().getName() + " " + request.getUrl() + ": " + why);
    }
    return MatchResult.of(why == null);
  }

  private static URI uri(Request request) {
    return URI.create("http://host" + request.getUrl());
  }

  /** Null when the token is good, else why not. */
  public String verify(String header, String method, URI received) {
    if (header == null || !header.startsWith("JWT ")) {
      return "no JWT";
    }
    String[] parts = header.substring(4).split("\\.");
    if (parts.length != 3) {
      return "malformed";
    }
    try {
      Base64.Decoder d = Base64.getUrlDecoder();
      JsonNode head = JSON.readTree(d.decode(parts[0]));
      if (!"HS256".equals(head.path("alg").asText())) {
        return "alg";
      }
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] expected =
          mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!MessageDigest.isEqual(expected, d.decode(parts[2]))) {
        return "signature";
      }
      JsonNode claims = JSON.readTree(d.decode(parts[1]));
      if (!appKey.equals(claims.path("iss").asText())) {
        return "iss";
      }
      if (claims.path("exp").asLong() <= hostNow || claims.path("iat").asLong() > hostNow + 60) {
        return "expired";
      }
      if (!CanonicalRequest.qsh(method, received, "/wiki").equals(claims.path("qsh").asText())) {
        return "qsh";
      }
      return null;
    } catch (Exception e) {
      return "unreadable: " + e.getMessage();
    }
  }
}
