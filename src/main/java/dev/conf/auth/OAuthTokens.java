package dev.conf.auth;

import java.time.Instant;

/**
 * What the authorization server handed out: an access token, a refresh token (null for client
 * credentials, which have none) and when the access token stops working. {@link #toString()} shows
 * neither token.
 *
 * @param scopes the scopes granted, space-separated, as the server reported them; may be null
 */
public record OAuthTokens(
    String accessToken, String refreshToken, Instant expiresAt, String scopes) {

  public OAuthTokens {
    if (accessToken == null || accessToken.isEmpty()) {
      throw new IllegalArgumentException("no access token");
    }
  }

  /** True when the access token has less than {@code margin} left at {@code now}. */
  public boolean expiresWithin(Instant now, java.time.Duration margin) {
    return expiresAt == null || !now.plus(margin).isBefore(expiresAt);
  }

  /** The same grant after a refresh that did not send a new refresh token or scopes. */
  public OAuthTokens carryOver(OAuthTokens previous) {
    return new OAuthTokens(
        accessToken,
        refreshToken != null ? refreshToken : previous.refreshToken,
        expiresAt,
        scopes != null ? scopes : previous.scopes);
  }

  @Override
  public String toString() {
    return "OAuthTokens[expiresAt=" + expiresAt + ", scopes=" + scopes + "]";
  }
}
