package dev.conf.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A user and secret, and where the secret came from. {@link #toString()} never shows the secret, so
 * a credential that slips into a log or an exception message leaks nothing.
 *
 * @param source where the secret was read, for {@code conf auth status}: e.g. {@code "environment
 *     (CONFLUENCE_API_TOKEN)"}, {@code "keychain"}
 * @param tokens for the OAuth kinds, the expiring access tokens the header is built from (then
 *     {@code secret} is null); null otherwise
 */
public record SiteCredentials(
    AuthType type, String user, String secret, String source, TokenSource tokens) {

  public SiteCredentials(AuthType type, String user, String secret, String source) {
    this(type, user, secret, source, null);
  }

  /** OAuth credentials: a Bearer header from {@code tokens}, renewed as they expire. */
  public static SiteCredentials oauth(AuthType type, TokenSource tokens, String source) {
    return new SiteCredentials(type, null, null, source, tokens);
  }

  public SiteCredentials {
    if (type.oauth() != (tokens != null)) {
      throw new IllegalArgumentException("OAuth credentials, and only they, carry tokens");
    }
    if (tokens == null && (secret == null || secret.isEmpty())) {
      throw new IllegalArgumentException("empty secret");
    }
    if (type.needsUser() && (user == null || user.isBlank())) {
      throw new IllegalArgumentException(
          switch (type) {
            case TOKEN -> "an API token needs the account's email";
            case CONNECT_JWT -> "a Connect shared secret needs the app key";
            case SESSION -> "a session login needs a username";
            case OAUTH1 -> "an OAuth 1.0a login needs the consumer key";
            default -> "a password needs a username";
          });
    }
  }

  /** The Authorization header value, sent pre-emptively on every request to the site. */
  public String authorizationHeader() {
    if (tokens != null) {
      return "Bearer " + tokens.accessToken();
    }
    if (type == AuthType.PAT) {
      return "Bearer " + secret;
    }
    if (type.signsRequests()) {
      throw new IllegalStateException(type.id() + " signs each request: it has no fixed header");
    }
    String pair = user + ":" + secret;
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The secret as sent: for OAuth, the current access token (renewed when it is about to expire).
   */
  public String currentSecret() {
    if (type.session()) {
      // The cookie string, as curl -b takes it; never the stored password.
      return dev.conf.auth.session.SessionSecret.parse(secret).cookies();
    }
    if (type == AuthType.OAUTH1) {
      return dev.conf.auth.oauth1.OAuth1Secret.parse(secret).accessToken();
    }
    return tokens != null ? tokens.accessToken() : secret;
  }

  @Override
  public String toString() {
    return "SiteCredentials[type=" + type.id() + ", user=" + user + ", source=" + source + "]";
  }
}
