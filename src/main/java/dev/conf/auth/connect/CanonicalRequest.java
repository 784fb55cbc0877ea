package dev.conf.auth.connect;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Atlassian Connect's canonical request, {@code METHOD&canonical-path&canonical-query}, and its
 * {@code qsh}, the hex SHA-256 of it.
 *
 * <ul>
 *   <li>method: upper case;
 *   <li>path: relative to the product's base, so the context path ({@code /wiki} on Confluence
 *       Cloud) is dropped; never empty ({@code /}), no trailing {@code /}, {@code &} as {@code
 *       %26};
 *   <li>query: every parameter but {@code jwt}, names and values decoded and then encoded per RFC
 *       3986 (space as {@code %20}), sorted by encoded name; a repeated name's values sorted and
 *       joined with {@code ,}; {@code name=value} pairs joined with {@code &}.
 * </ul>
 */
public final class CanonicalRequest {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private CanonicalRequest() {}

  /**
   * @param contextPath the product's context path ({@code /wiki}, or empty for none)
   */
  public static String of(String method, URI uri, String contextPath) {
    return method.toUpperCase(Locale.ROOT)
        + '&'
        + path(uri.getRawPath(), contextPath)
        + '&'
        + query(uri.getRawQuery());
  }

  public static String qsh(String method, URI uri, String contextPath) {
    return sha256Hex(of(method, uri, contextPath));
  }

  static String path(String rawPath, String contextPath) {
    String path = rawPath == null ? "" : rawPath;
    String context = contextPath == null ? "" : contextPath;
    while (context.endsWith("/")) {
      context = context.substring(0, context.length() - 1);
    }
    if (!context.isEmpty() && (path.equals(context) || path.startsWith(context + "/"))) {
      path = path.substring(context.length());
    }
    while (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.isEmpty()) {
      path = "/";
    }
    return path.replace("&", "%26");
  }

  static String query(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    Map<String, List<String>> byName = new TreeMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      if (name.equals("jwt")) {
        continue;
      }
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      byName.computeIfAbsent(encode(name), k -> new ArrayList<>()).add(encode(value));
    }
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, List<String>> e : byName.entrySet()) {
      List<String> values = e.getValue();
      values.sort(null);
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(e.getKey()).append('=').append(String.join(",", values));
    }
    return out.toString();
  }

  /** RFC 3986: everything but ALPHA, DIGIT and {@code - . _ ~} as upper-case {@code %XX}. */
  static String encode(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  /** Query decoding as a servlet container does it: {@code +} is a space, {@code %XX} an octet. */
  static String decode(String s) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '+') {
        out.write(' ');
      } else if (c == '%'
          && i + 2 < s.length()
          && Character.digit(s.charAt(i + 1), 16) >= 0
          && Character.digit(s.charAt(i + 2), 16) >= 0) {
        out.write(Character.digit(s.charAt(i + 1), 16) << 4 | Character.digit(s.charAt(i + 2), 16));
        i += 2;
      } else {
        int cp = s.codePointAt(i);
        byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
        i += Character.charCount(cp) - 1;
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  static String sha256Hex(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
