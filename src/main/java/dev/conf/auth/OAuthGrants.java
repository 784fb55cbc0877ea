package dev.conf.auth;

import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;

/**
 * The authorization server's token endpoint, for one OAuth app (client id and secret): refreshes a
 * browser login's tokens and mints client-credentials tokens. Implemented over HTTP in {@code
 * dev.conf.http.OAuthClient}.
 */
public interface OAuthGrants {
  /**
   * Exchanges a refresh token (which the server then retires: refresh tokens rotate).
   *
   * @throws Refused when the server refuses the refresh token ({@code invalid_grant})
   */
  OAuthTokens refresh(String refreshToken);

  /** Mints an access token for a service account; there is no refresh token. */
  OAuthTokens clientCredentials();

  /** Builds the grants of one app. */
  @FunctionalInterface
  interface Factory {
    OAuthGrants create(AtlassianHosts hosts, String clientId, String clientSecret);
  }

  /** The server refused a grant: the refresh token is spent, expired or its family revoked. */
  final class Refused extends ConfException {
    private static final long serialVersionUID = 1L;

    public Refused(String message) {
      super(ExitCode.AUTH, message);
    }
  }
}
