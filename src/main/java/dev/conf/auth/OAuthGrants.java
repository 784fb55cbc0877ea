package dev.conf.auth;

import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;

/**
 * The authorization server's token endpoint, for one OAuth app (client id and secret): exchanges a
 * browser login's code, refreshes its tokens, mints client-credentials tokens, and lists the sites
 * a token reaches. Implemented over HTTP in {@code dev.conf.http.OAuthClient}.
 */
public interface OAuthGrants {
  /** Exchanges a single-use authorization code from the browser's return. */
  OAuthTokens exchangeCode(String code, String redirectUri);

  /** The sites the token's consent covers, in the server's (meaningless) order. */
  java.util.List<Resource> accessibleResources(String accessToken);

  /** One site a token reaches, as accessible-resources lists it. */
  record Resource(String id, String name, String url, java.util.List<String> scopes) {}

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
