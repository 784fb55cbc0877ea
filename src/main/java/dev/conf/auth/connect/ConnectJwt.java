package dev.conf.auth.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes the HS256 JWT an Atlassian Connect app sends to its host product: {@code iss} the app key,
 * {@code iat} now, {@code exp} {@value #LIFETIME_SECONDS} seconds later, {@code qsh} the request's
 * {@link CanonicalRequest query string hash}, signed with the app's shared secret. One token per
 * request, since {@code qsh} binds it to the method, path and query.
 */
public final class ConnectJwt {
  /** Atlassian's documented lifetime for app-made tokens is about three minutes. */
  public static final long LIFETIME_SECONDS = 180;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
  private static final String HEADER = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");

  private final String appKey;
  private final byte[] sharedSecret;
  private final String contextPath;
  private final Clock clock;

  /**
   * @param contextPath the product's context path: {@code /wiki} for Confluence Cloud
   */
  public ConnectJwt(String appKey, byte[] sharedSecret, String contextPath, Clock clock) {
    this.appKey = Objects.requireNonNull(appKey, "appKey");
    if (sharedSecret.length == 0) {
      throw new IllegalArgumentException("the shared secret is empty");
    }
    this.sharedSecret = sharedSecret.clone();
    this.contextPath = contextPath;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Duration lifetime() {
    return Duration.ofSeconds(LIFETIME_SECONDS);
  }

  /** A token for one request. */
  public String token(String method, URI uri) {
    long now = clock.instant().getEpochSecond();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", appKey);
    claims.put("iat", now);
    claims.put("exp", now + LIFETIME_SECONDS);
    claims.put("qsh", CanonicalRequest.qsh(method, uri, contextPath));
    String payload;
    try {
      payload = b64(JSON.writeValueAsString(claims));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JWT claims", e);
    }
    String signingInput = HEADER + '.' + payload;
    return signingInput + '.' + B64URL.encodeToString(hmac(signingInput));
  }

  /** The {@code Authorization} header value for one request. */
  public String authorization(String method, URI uri) {
    return "JWT " + token(method, uri);
  }

  private byte[] hmac(String signingInput) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(sharedSecret, "HmacSHA256"));
      return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with HS256: " + e.getMessage(), e);
    }
  }

  private static String b64(String json) {
    return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "ConnectJwt[" + appKey + "]";
  }
}
