package dev.conf.auth.pkce;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Random;

/**
 * One PKCE pair: the {@code code_verifier} kept by conf and sent with the token request, and the
 * {@code code_challenge} sent with the authorization request, {@code
 * BASE64URL(SHA256(ASCII(code_verifier)))} without padding (RFC 7636 4.1, 4.2).
 */
public record Pkce(String verifier, String challenge) {
  public static final String METHOD = "S256";

  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  /** A verifier of 32 random octets (43 characters, RFC 7636 4.1's recommendation). */
  public static Pkce generate() {
    return generate(new SecureRandom());
  }

  public static Pkce generate(Random random) {
    byte[] octets = new byte[32];
    random.nextBytes(octets);
    return of(B64URL.encodeToString(octets));
  }

  /** The pair for a given verifier, which must be 43 to 128 unreserved characters. */
  public static Pkce of(String verifier) {
    if (verifier.length() < 43
        || verifier.length() > 128
        || !verifier.matches("[A-Za-z0-9._~-]+")) {
      throw new IllegalArgumentException(
          "a PKCE code_verifier is 43 to 128 characters of A-Z a-z 0-9 - . _ ~");
    }
    return new Pkce(verifier, challenge(verifier));
  }

  public static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return B64URL.encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The verifier is a secret until the token request: keep it out of logs and messages. */
  @Override
  public String toString() {
    return "Pkce[challenge=" + challenge + "]";
  }
}
