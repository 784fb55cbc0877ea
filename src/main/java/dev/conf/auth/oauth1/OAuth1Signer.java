package dev.conf.auth.oauth1;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Signs requests for one consumer with RSA-SHA1 (RFC 5849 3.4.3), the only method Data Center
 * application links accept. The token is the access token once the dance is done, the request token
 * while exchanging it, or none for the request-token call; RSA-SHA1 needs no token secret.
 */
public final class OAuth1Signer {
  public static final String METHOD = "RSA-SHA1";

  private final String consumerKey;
  private final PrivateKey privateKey;
  private final Supplier<String> nonces;
  private final Clock clock;

  public OAuth1Signer(
      String consumerKey, PrivateKey privateKey, Supplier<String> nonces, Clock clock) {
    this.consumerKey = Objects.requireNonNull(consumerKey, "consumerKey");
    this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
    this.nonces = Objects.requireNonNull(nonces, "nonces");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Nonces of 16 random bytes as hex, from a SecureRandom. */
  public static Supplier<String> randomNonces() {
    SecureRandom random = new SecureRandom();
    return () -> {
      byte[] b = new byte[16];
      random.nextBytes(b);
      return HexFormat.of().formatHex(b);
    };
  }

  public String consumerKey() {
    return consumerKey;
  }

  /**
   * The {@code Authorization} header value for one request.
   *
   * @param token {@code oauth_token}, or null when there is none yet
   * @param extra further protocol parameters ({@code oauth_callback}, {@code oauth_verifier})
   * @param formParams the decoded parameters of an application/x-www-form-urlencoded body, else
   *     empty
   */
  public String authorization(
      String method, URI uri, String token, Map<String, String> extra, List<Param> formParams) {
    Map<String, String> oauth = new LinkedHashMap<>();
    oauth.put("oauth_consumer_key", consumerKey);
    if (token != null) {
      oauth.put("oauth_token", token);
    }
    oauth.put("oauth_signature_method", METHOD);
    oauth.put("oauth_timestamp", Long.toString(clock.instant().getEpochSecond()));
    oauth.put("oauth_nonce", nonces.get());
    oauth.put("oauth_version", "1.0");
    oauth.putAll(extra);

    List<Param> params = new ArrayList<>(formParams);
    oauth.forEach((k, v) -> params.add(new Param(k, v)));
    String base = SignatureBaseString.of(method, uri, params);
    oauth.put("oauth_signature", sign(base));

    StringBuilder header = new StringBuilder("OAuth ");
    boolean first = true;
    for (Map.Entry<String, String> e : oauth.entrySet()) {
      if (!first) {
        header.append(", ");
      }
      first = false;
      header
          .append(PercentEncoding.encode(e.getKey()))
          .append("=\"")
          .append(PercentEncoding.encode(e.getValue()))
          .append('"');
    }
    return header.toString();
  }

  /** RSASSA-PKCS1-v1_5 over SHA-1 of the base string's UTF-8 octets, base64 (RFC 5849 3.4.3). */
  String sign(String baseString) {
    try {
      Signature s = Signature.getInstance("SHA1withRSA");
      s.initSign(privateKey);
      s.update(baseString.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      // The key was checked when it was read; this is a JVM without RSA, not a user mistake.
      throw new IllegalStateException("cannot sign with RSA-SHA1: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the parameters of an {@code Authorization: OAuth ...} header (for servers in tests and
   * for {@code --debug}'s redaction): names and values decoded, quotes removed.
   */
  public static Map<String, String> parseHeader(String header) {
    Map<String, String> out = new LinkedHashMap<>();
    if (header == null || !header.regionMatches(true, 0, "OAuth ", 0, 6)) {
      return out;
    }
    for (String part : header.substring(6).split(",")) {
      String p = part.trim();
      int eq = p.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String v = p.substring(eq + 1).trim();
      if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
        v = v.substring(1, v.length() - 1);
      }
      out.put(PercentEncoding.decode(p.substring(0, eq).trim()), PercentEncoding.decode(v));
    }
    return out;
  }
}
