package dev.conf.auth.oauth1;

import dev.conf.error.ConfException;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Reads the RSA private key a user made with {@code openssl genpkey} ({@code BEGIN PRIVATE KEY},
 * PKCS#8) or the older {@code openssl genrsa} ({@code BEGIN RSA PRIVATE KEY}, PKCS#1, wrapped here
 * into PKCS#8). Encrypted keys are refused with the command that decrypts them. No message ever
 * quotes the key.
 */
public final class PemPrivateKey {
  private static final byte[] RSA_ALGORITHM_ID = {
    0x30,
    0x0d,
    0x06,
    0x09,
    0x2a,
    (byte) 0x86,
    0x48,
    (byte) 0x86,
    (byte) 0xf7,
    0x0d,
    0x01,
    0x01,
    0x01,
    0x05,
    0x00
  };

  private PemPrivateKey() {}

  /**
   * @param pem the file's text
   * @param source where it came from, for messages (a path, never the content)
   */
  public static RSAPrivateKey read(String pem, String source) {
    if (pem.contains("ENCRYPTED")) {
      throw ConfException.usage(
          source
              + " is an encrypted private key: decrypt it first (openssl pkey -in "
              + source
              + " -out key.pem)");
    }
    byte[] der;
    if (pem.contains("-----BEGIN PRIVATE KEY-----")) {
      der = body(pem, "PRIVATE KEY", source);
    } else if (pem.contains("-----BEGIN RSA PRIVATE KEY-----")) {
      der = pkcs1ToPkcs8(body(pem, "RSA PRIVATE KEY", source));
    } else {
      throw ConfException.usage(
          source
              + " holds no PEM private key (expected -----BEGIN PRIVATE KEY-----; make one with"
              + " openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out key.pem)");
    }
    try {
      PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
      return (RSAPrivateKey) key;
    } catch (GeneralSecurityException | ClassCastException e) {
      throw ConfException.usage(source + " is not an RSA private key (OAuth 1.0a needs RSA)");
    }
  }

  private static byte[] body(String pem, String label, String source) {
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int from = pem.indexOf(begin);
    int to = pem.indexOf(end, from);
    if (to < 0) {
      throw ConfException.usage(source + " has no " + end + " line");
    }
    String b64 = pem.substring(from + begin.length(), to).replaceAll("\\s", "");
    try {
      return Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      throw ConfException.usage(source + " is not valid PEM (bad base64)");
    }
  }

  /** PrivateKeyInfo ::= SEQUENCE { version 0, rsaEncryption with NULL, OCTET STRING pkcs1 }. */
  static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
    ByteArrayOutputStream inner = new ByteArrayOutputStream();
    inner.writeBytes(new byte[] {0x02, 0x01, 0x00});
    inner.writeBytes(RSA_ALGORITHM_ID);
    inner.write(0x04);
    inner.writeBytes(length(pkcs1.length));
    inner.writeBytes(pkcs1);
    byte[] content = inner.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x30);
    out.writeBytes(length(content.length));
    out.writeBytes(content);
    return out.toByteArray();
  }

  private static byte[] length(int n) {
    if (n < 0x80) {
      return new byte[] {(byte) n};
    }
    if (n < 0x100) {
      return new byte[] {(byte) 0x81, (byte) n};
    }
    if (n < 0x10000) {
      return new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
    }
    return new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
  }
}
