package dev.conf.convert;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code conf:} link targets that stand in Markdown for what has no Markdown syntax:
 *
 * <ul>
 *   <li>{@code conf:page?space=OPS&title=Runbook} a page (space optional)
 *   <li>{@code conf:user?account-id=…} (or {@code userkey=}, {@code username=}) a mention
 *   <li>{@code conf:attachment?filename=…} a link to an attachment of the page
 *   <li>{@code conf:storage?xml=…} any inline storage kept verbatim
 * </ul>
 *
 * Values are percent-encoded UTF-8, so a target never needs angle brackets or escapes.
 */
public final class ConfLinks {
  static final String SCHEME = "conf:";

  private ConfLinks() {}

  /** A parsed {@code conf:} target: its kind and its parameters in order. */
  record Target(String kind, Map<String, String> params) {
    String get(String name) {
      return params.get(name);
    }
  }

  static String of(String kind, String... namesAndValues) {
    StringBuilder sb = new StringBuilder(SCHEME).append(kind);
    char sep = '?';
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] == null) {
        continue;
      }
      sb.append(sep).append(namesAndValues[i]).append('=').append(encode(namesAndValues[i + 1]));
      sep = '&';
    }
    return sb.toString();
  }

  static Optional<Target> parse(String destination) {
    if (!destination.startsWith(SCHEME)) {
      return Optional.empty();
    }
    String rest = destination.substring(SCHEME.length());
    int q = rest.indexOf('?');
    String kind = q < 0 ? rest : rest.substring(0, q);
    Map<String, String> params = new LinkedHashMap<>();
    if (q >= 0) {
      for (String pair : rest.substring(q + 1).split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          params.put(pair.substring(0, eq), decode(pair.substring(eq + 1)));
        }
      }
    }
    return Optional.of(new Target(kind, params));
  }

  /** Percent-encodes everything but RFC 3986 unreserved characters (a space becomes %20). */
  public static String encode(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        sb.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }

  /** Decodes %XX sequences as UTF-8; anything that is not a valid escape is kept as it is. */
  static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()) {
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        if (hi >= 0 && lo >= 0) {
          out.write((hi << 4) | lo);
          i += 2;
          continue;
        }
      }
      byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
        bytes = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
        i++;
      }
      out.write(bytes, 0, bytes.length);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
