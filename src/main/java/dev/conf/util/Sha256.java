package dev.conf.util;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content hashes as conf records them: {@code sha256:<hex>}. */
public final class Sha256 {
  private Sha256() {}

  /** Of a string's UTF-8 bytes. */
  public static String of(String text) {
    MessageDigest md = digest();
    md.update(text.getBytes(StandardCharsets.UTF_8));
    return format(md);
  }

  /** Of a file's bytes, streamed. */
  public static String of(Path file) throws IOException {
    MessageDigest md = digest();
    byte[] buf = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return format(md);
  }

  private static String format(MessageDigest md) {
    return "sha256:" + HexFormat.of().formatHex(md.digest());
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }
}
