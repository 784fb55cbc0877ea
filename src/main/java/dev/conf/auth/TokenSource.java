package dev.conf.auth;

/**
 * Access tokens that expire: what a Bearer header is built from on OAuth profiles. Implementations
 * renew the token before it runs out, and once more when the server refuses it.
 */
public interface TokenSource {
  /** A current access token, renewed first when it is about to expire. */
  String accessToken();

  /**
   * Called after the server answered 401 to {@code rejected}: a renewed access token, or the one
   * another thread or process renewed meanwhile.
   *
   * @return the token to retry with, or null when there is nothing better than {@code rejected}
   */
  String renewAfterRejection(String rejected);

  /** The grant as last seen (expiry, scopes) for {@code conf auth status}; null if not loaded. */
  OAuthTokens current();
}
