package dev.conf.auth;

import java.util.Locale;

/** The ways a script can authenticate to Confluence. */
public enum AuthType {
  /** Cloud: account email + API token, sent as Basic. */
  TOKEN("token", "API token"),
  /** Data Center: personal access token, sent as Bearer. */
  PAT("pat", "personal access token"),
  /** Data Center: username + password, sent as Basic. Legacy; PATs are preferred. */
  PASSWORD("password", "username and password"),
  /** Cloud: OAuth 2.0 (3LO) browser login; Bearer access tokens through the API gateway. */
  OAUTH("oauth", "OAuth 2.0 browser login"),
  /** Cloud: OAuth 2.0 client credentials of a service account; Bearer through the gateway. */
  CLIENT_CREDENTIALS("client-credentials", "OAuth 2.0 client credentials of a service account"),
  /**
   * Cloud: an Atlassian Connect app signing every request with a fresh HS256 JWT made with its
   * shared secret ({@code Authorization: JWT ...}); the "user" is the app key.
   */
  CONNECT_JWT("connect-jwt", "Atlassian Connect app JWT (shared secret)"),
  /** Data Center: conf's own form login; the session cookies are sent (XSRF header on writes). */
  SESSION("session", "login session (cookies from a form login)"),
  /** Data Center behind SSO: cookies copied from a browser, optionally with a PAT. */
  COOKIE("cookie", "browser session cookies"),
  /**
   * Data Center: an OAuth 1.0a application link; every request signed RSA-SHA1 with the access
   * token. The "user" is the consumer key.
   */
  OAUTH1("oauth1", "OAuth 1.0a application link (RSA-SHA1)");

  private final String id;
  private final String description;

  AuthType(String id, String description) {
    this.id = id;
    this.description = description;
  }

  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  public boolean needsUser() {
    return this == TOKEN
        || this == PASSWORD
        || this == CONNECT_JWT
        || this == SESSION
        || this == OAUTH1;
  }

  /**
   * True for the OAuth kinds: their calls go through the gateway with Bearer access tokens that
   * expire, and Confluence serves them no v1 content, space or comment routes (410 Gone).
   */
  public boolean oauth() {
    return this == OAUTH || this == CLIENT_CREDENTIALS;
  }

  /**
   * True when the Authorization header is made per request (it signs the method, path and query),
   * so {@link SiteCredentials#authorizationHeader()} has none to give.
   */
  public boolean signsRequests() {
    return this == CONNECT_JWT || this == OAUTH1 || session();
  }

  /** True for the kinds that send a session's cookies (their secret is a session secret). */
  public boolean session() {
    return this == SESSION || this == COOKIE;
  }

  /** The auth type a deployment uses unless told otherwise. */
  public static AuthType defaultFor(Deployment deployment) {
    return deployment == Deployment.CLOUD ? TOKEN : PAT;
  }

  public static AuthType parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    for (AuthType t : values()) {
      if (t.id.equals(value.trim().toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown auth type '"
            + value
            + "': use token, pat, password, oauth (with --web), client-credentials, connect-jwt, session, cookie or oauth1");
  }
}
