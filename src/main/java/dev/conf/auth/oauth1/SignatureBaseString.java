package dev.conf.auth.oauth1;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The RFC 5849 section 3.4.1 signature base string: the upper-case method, the base string URI
 * (3.4.1.2) and the normalized parameters (3.4.1.3.2), each percent-encoded and joined by {@code
 * &}.
 */
public final class SignatureBaseString {
  private SignatureBaseString() {}

  /**
   * @param method the HTTP method
   * @param uri the request URI as sent (its query's parameters are part of the base string)
   * @param params the protocol parameters ({@code oauth_*}, without {@code oauth_signature} and
   *     {@code realm}) and the form-encoded body's parameters, decoded
   */
  public static String of(String method, URI uri, List<Param> params) {
    List<Param> all = new ArrayList<>(PercentEncoding.parseForm(uri.getRawQuery()));
    for (Param p : params) {
      if (!p.name().equals("oauth_signature") && !p.name().equals("realm")) {
        all.add(p);
      }
    }
    return method.toUpperCase(Locale.ROOT)
        + '&'
        + PercentEncoding.encode(baseStringUri(uri))
        + '&'
        + PercentEncoding.encode(normalizedParameters(all));
  }

  /**
   * Section 3.4.1.2: scheme and host in lower case, the port only when it is not the scheme's
   * default, the path as sent ({@code /} when empty), no query or fragment.
   */
  public static String baseStringUri(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (host == null) {
      throw new IllegalArgumentException("not an absolute http(s) URI: " + uri);
    }
    host = host.toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    boolean defaultPort =
        port == -1
            || (scheme.equals("http") && port == 80)
            || (scheme.equals("https") && port == 443);
    String path = uri.getRawPath();
    if (path == null || path.isEmpty()) {
      path = "/";
    }
    return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path;
  }

  /**
   * Section 3.4.1.3.2: every name and value percent-encoded, sorted by encoded name and then by
   * encoded value (so repeated names keep all their values, in order), {@code name=value} joined by
   * {@code &}.
   */
  public static String normalizedParameters(List<Param> params) {
    List<String[]> encoded = new ArrayList<>(params.size());
    for (Param p : params) {
      encoded.add(
          new String[] {PercentEncoding.encode(p.name()), PercentEncoding.encode(p.value())});
    }
    encoded.sort(Comparator.<String[], String>comparing(e -> e[0]).thenComparing(e -> e[1]));
    StringBuilder out = new StringBuilder();
    for (String[] e : encoded) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(e[0]).append('=').append(e[1]);
    }
    return out.toString();
  }
}
