package dev.conf.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Authenticator;
import okhttp3.Credentials;
import okhttp3.Request;

/**
 * Honours {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY} (either case), as curl and
 * most CLIs do; the JVM itself reads only system properties. A proxy URL with {@code
 * user:password@} (percent-encoded, as curl takes it) also gives the credentials {@link
 * #authenticator()} answers the proxy's 407 with.
 */
public final class EnvProxySelector extends ProxySelector {
  private final URI httpsProxy;
  private final URI httpProxy;
  private final List<String> noProxy;

  private EnvProxySelector(URI httpsProxy, URI httpProxy, List<String> noProxy) {
    this.httpsProxy = httpsProxy;
    this.httpProxy = httpProxy;
    this.noProxy = noProxy;
  }

  /** A selector for the environment's proxy settings, or null when none are set. */
  public static EnvProxySelector fromEnv(Map<String, String> env) {
    URI https = proxyUri(first(env, "HTTPS_PROXY", "https_proxy"));
    URI http = proxyUri(first(env, "HTTP_PROXY", "http_proxy"));
    if (https == null && http == null) {
      return null;
    }
    List<String> noProxy = new ArrayList<>();
    String np = first(env, "NO_PROXY", "no_proxy");
    if (np != null) {
      for (String entry : np.split(",")) {
        String e = entry.trim().toLowerCase(Locale.ROOT);
        if (!e.isEmpty()) {
          noProxy.add(e);
        }
      }
    }
    return new EnvProxySelector(https, http, noProxy);
  }

  @Override
  public List<Proxy> select(URI uri) {
    URI proxy =
        "https".equalsIgnoreCase(uri.getScheme())
            ? (httpsProxy != null ? httpsProxy : httpProxy)
            : httpProxy;
    if (proxy == null || bypass(uri.getHost())) {
      return List.of(Proxy.NO_PROXY);
    }
    return List.of(
        new Proxy(
            Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.getHost(), portOf(proxy))));
  }

  boolean bypass(String host) {
    String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
    for (String entry : noProxy) {
      if (entry.equals("*")) {
        return true;
      }
      String suffix = entry.startsWith(".") ? entry.substring(1) : entry;
      if (h.equals(suffix) || h.endsWith("." + suffix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Basic credentials for a proxy that asks for them (407), when its URL carried {@code
   * user:password@}; OkHttp also calls this before opening an HTTPS tunnel, so the CONNECT carries
   * them from the start. Gives up (null) when the proxy refused the credentials already sent.
   */
  public Authenticator authenticator() {
    return (route, response) -> {
      Request request = response.request();
      if (route == null || request.header("Proxy-Authorization") != null) {
        return null;
      }
      String userInfo = userInfoFor(route.proxy());
      if (userInfo == null) {
        return null;
      }
      int colon = userInfo.indexOf(':');
      String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
      return request
          .newBuilder()
          .header("Proxy-Authorization", Credentials.basic(user, password, StandardCharsets.UTF_8))
          .build();
    };
  }

  /** The raw {@code user:password} of the configured proxy at this address, or null. */
  private String userInfoFor(Proxy proxy) {
    if (!(proxy.address() instanceof InetSocketAddress address)) {
      return null;
    }
    for (URI candidate : new URI[] {httpsProxy, httpProxy}) {
      if (candidate != null
          && candidate.getRawUserInfo() != null
          && candidate.getHost().equalsIgnoreCase(address.getHostString())
          && portOf(candidate) == address.getPort()) {
        return candidate.getRawUserInfo();
      }
    }
    return null;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static int portOf(URI proxy) {
    return proxy.getPort() != -1 ? proxy.getPort() : "https".equals(proxy.getScheme()) ? 443 : 80;
  }

  @Override
  public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
    // Nothing to fall back to: the error reaches the user.
  }

  private static String first(Map<String, String> env, String... names) {
    for (String n : names) {
      String v = env.get(n);
      if (v != null && !v.isBlank()) {
        return v.trim();
      }
    }
    return null;
  }

  private static URI proxyUri(String value) {
    if (value == null) {
      return null;
    }
    return URI.create(value.contains("://") ? value : "http://" + value);
  }
}
