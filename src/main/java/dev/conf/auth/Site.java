package dev.conf.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a Confluence site's APIs live, worked out once from the URL a user typed.
 *
 * <ul>
 *   <li>{@code root}: what Cloud's v2 paths ({@code /wiki/api/v2/...}) and its relative {@code
 *       next} links hang from; for Data Center the same as {@code apiBase}.
 *   <li>{@code apiBase}: what v1 / Data Center paths ({@code /rest/api/...}) hang from: {@code
 *       https://x.atlassian.net/wiki}, or a Data Center host with its context path.
 *   <li>{@code webBase}: where the web UI's links hang from, for printing URLs; null when unknown
 *       (a scoped-token URL given without its site).
 *   <li>{@code oauth}: calls go through the gateway with an OAuth access token (browser login or
 *       client credentials), to which Confluence no longer serves v1 content, space and comment
 *       routes: backends route such a site's operations to v2.
 * </ul>
 */
public record Site(
    Deployment deployment,
    URI root,
    URI apiBase,
    URI webBase,
    String cloudId,
    URI siteUrl,
    boolean oauth) {

  public Site(
      Deployment deployment, URI root, URI apiBase, URI webBase, String cloudId, URI siteUrl) {
    this(deployment, root, apiBase, webBase, cloudId, siteUrl, false);
  }

  public static final String GATEWAY = "https://api.atlassian.com";
  private static final Pattern SCOPED_PATH =
      Pattern.compile("^/ex/confluence/([^/]+)(?:/wiki)?/?$");

  /** True when calls go through api.atlassian.com with a scoped token. */
  public boolean scoped() {
    return cloudId != null;
  }

  /** The host name shown to users and used as the keychain's key. */
  public String host() {
    return (siteUrl != null ? siteUrl : apiBase).getHost();
  }

  /** What messages call the site: the URL the user knows. */
  public String displayUrl() {
    return (siteUrl != null ? siteUrl : apiBase).toString();
  }

  /**
   * Whether the site's address alone says which deployment it is: a {@code *.atlassian.net} site or
   * the API gateway is Cloud; any other host (a custom domain, a Data Center server) could be
   * either.
   */
  public static boolean hostTellsDeployment(Site site) {
    String host = site.host() == null ? "" : site.host().toLowerCase(Locale.ROOT);
    return site.scoped() || host.endsWith(".atlassian.net") || host.equals("api.atlassian.com");
  }

  /**
   * Works out the deployment and API bases of a site URL.
   *
   * @param url what the user typed; a missing scheme means https, unless a port other than 443 is
   *     given, which is refused as ambiguous
   * @param override an explicit {@code --deployment}, or null to detect from the host
   */
  public static Site detect(String url, Deployment override) {
    URI uri = parse(url);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    String path = trimSlashes(uri.getRawPath());
    URI origin = origin(uri);

    if (host.equals("api.atlassian.com")) {
      Matcher m = SCOPED_PATH.matcher(path.isEmpty() ? "/" : path);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "an api.atlassian.com URL must look like https://api.atlassian.com/ex/confluence/<cloudId>");
      }
      if (override == Deployment.DATA_CENTER) {
        throw new IllegalArgumentException("api.atlassian.com serves Confluence Cloud only");
      }
      return scoped(origin, m.group(1), null);
    }

    Deployment deployment =
        override != null
            ? override
            : host.endsWith(".atlassian.net") ? Deployment.CLOUD : Deployment.DATA_CENTER;
    if (deployment == Deployment.CLOUD) {
      // A Cloud site's API always lives under /wiki; a custom domain or test server may add a
      // prefix.
      String prefix =
          host.endsWith(".atlassian.net")
              ? ""
              : path.endsWith("/wiki") ? path.substring(0, path.length() - 5) : path;
      URI root = URI.create(origin + prefix);
      URI wiki = URI.create(origin + prefix + "/wiki");
      return new Site(Deployment.CLOUD, root, wiki, wiki, null, root);
    }
    URI base = URI.create(origin + path);
    return new Site(Deployment.DATA_CENTER, base, base, base, null, base);
  }

  /**
   * A Cloud site reached through the API gateway with a scoped token.
   *
   * @param gateway normally {@link #GATEWAY}; tests point it at a local server
   * @param siteUrl the site the token belongs to, for web links and messages; may be null
   */
  public static Site scoped(URI gateway, String cloudId, URI siteUrl) {
    if (!cloudId.matches("[A-Za-z0-9-]+")) {
      throw new IllegalArgumentException("'" + cloudId + "' is not a cloud id");
    }
    URI root = URI.create(trimSlashes(gateway.toString()) + "/ex/confluence/" + cloudId);
    URI wiki = URI.create(root + "/wiki");
    URI web = siteUrl == null ? null : URI.create(trimSlashes(siteUrl.toString()) + "/wiki");
    return new Site(Deployment.CLOUD, root, wiki, web, cloudId, siteUrl);
  }

  /**
   * A Cloud site reached through the API gateway with an OAuth access token.
   *
   * @param gateway the API host ({@link AtlassianHosts#api()})
   * @param siteUrl the site the user logged in to, for web links and messages
   */
  public static Site oauth(URI gateway, String cloudId, URI siteUrl) {
    Site s = scoped(gateway, cloudId, siteUrl);
    return new Site(s.deployment, s.root, s.apiBase, s.webBase, s.cloudId, s.siteUrl, true);
  }

  /** The site's own URL ({@code https://x.atlassian.net}) as a user would type it. */
  public static URI siteRoot(String url) {
    return parse(url);
  }

  static URI parse(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("no site URL given");
    }
    String s = url.trim();
    boolean schemeless = !s.contains("://");
    if (schemeless) {
      s = "https://" + s;
    }
    try {
      URI uri = new URI(s);
      if (schemeless && uri.getPort() != -1 && uri.getPort() != 443) {
        // A bare host is an https site (as gh takes one), but host:port is as often a plain-http
        // server (curl would assume http): guessing fails later as an obscure TLS error.
        throw new IllegalArgumentException(
            "'"
                + url.trim()
                + "' has no scheme: give http://"
                + url.trim()
                + " or https://"
                + url.trim());
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("https") && !scheme.equals("http")) {
        throw new IllegalArgumentException("'" + url + "' is not an http(s) URL");
      }
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("'" + url + "' has no host name");
      }
      if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
        uri = new URI(scheme, null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + url + "' is not a valid URL", e);
    }
  }

  private static URI origin(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    boolean defaultPort =
        port == -1
            || (scheme.equals("https") && port == 443)
            || (scheme.equals("http") && port == 80);
    return URI.create(
        scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
  }

  private static String trimSlashes(String path) {
    String p = path == null ? "" : path;
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
