package dev.conf.auth;

import java.net.URI;
import java.util.Map;

/**
 * Atlassian's two hosts behind Cloud logins: the authorization server ({@code
 * https://auth.atlassian.com}: authorize and token endpoints) and the API host ({@code
 * https://api.atlassian.com}: accessible resources and the gateway every OAuth and scoped-token
 * call goes through). Isolated and government clouds, and tests, point them elsewhere with {@code
 * CONF_ATLASSIAN_AUTH_URL} and {@code CONF_ATLASSIAN_API_URL}, or the profile's {@code authUrl} and
 * {@code apiUrl}; every URL conf builds for them comes from here.
 */
public record AtlassianHosts(URI auth, URI api) {
  public static final String DEFAULT_AUTH = "https://auth.atlassian.com";
  public static final String DEFAULT_API = Site.GATEWAY;
  public static final String AUTH_VAR = "CONF_ATLASSIAN_AUTH_URL";
  public static final String API_VAR = "CONF_ATLASSIAN_API_URL";

  public AtlassianHosts {
    auth = trim(auth);
    api = trim(api);
  }

  public static AtlassianHosts defaults() {
    return new AtlassianHosts(URI.create(DEFAULT_AUTH), URI.create(DEFAULT_API));
  }

  /**
   * The environment first, then the profile's settings, then Atlassian's public hosts.
   *
   * @param profileAuth the profile's {@code authUrl}, or null
   * @param profileApi the profile's {@code apiUrl}, or null
   */
  public static AtlassianHosts resolve(
      Map<String, String> env, String profileAuth, String profileApi) {
    return new AtlassianHosts(
        uri(first(env.get(AUTH_VAR), profileAuth, DEFAULT_AUTH), AUTH_VAR),
        uri(first(env.get(API_VAR), profileApi, DEFAULT_API), API_VAR));
  }

  /** {@code GET} here sends the user to consent. */
  public URI authorize() {
    return URI.create(auth + "/authorize");
  }

  /** Where codes, refresh tokens and client credentials are exchanged for access tokens. */
  public URI token() {
    return URI.create(auth + "/oauth/token");
  }

  /** The sites an access token may reach. */
  public URI accessibleResources() {
    return URI.create(api + "/oauth/token/accessible-resources");
  }

  /** The gateway root of one Cloud site: {@code {api}/ex/confluence/{cloudId}}. */
  public URI gateway(String cloudId) {
    return URI.create(api + "/ex/confluence/" + cloudId);
  }

  /** True for Atlassian's public hosts, which a profile then need not record. */
  public boolean isDefault() {
    return auth.toString().equals(DEFAULT_AUTH) && api.toString().equals(DEFAULT_API);
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.trim();
      }
    }
    return null;
  }

  private static URI uri(String value, String name) {
    try {
      URI u = URI.create(value);
      if (u.getScheme() == null || u.getHost() == null) {
        throw new IllegalArgumentException();
      }
      return u;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          name + " (or the profile's setting) '" + value + "' is not an http(s) URL");
    }
  }

  private static URI trim(URI u) {
    String s = u.toString();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return URI.create(s);
  }
}
