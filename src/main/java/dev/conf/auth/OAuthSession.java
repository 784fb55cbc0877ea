package dev.conf.auth;

import dev.conf.error.ConfException;
import java.time.Clock;
import java.time.Duration;

/**
 * The access token of one OAuth profile over a run: loaded from the store on first use, renewed a
 * minute before it expires and once more when the gateway refuses it (401).
 *
 * <p>A browser login renews with its refresh token. Refresh tokens rotate, and replaying a spent
 * one past Atlassian's leeway revokes the whole login, so a renewal takes the profile's {@link
 * TokenLock}, reads the stored grant again and refreshes only when it is still the one this run
 * saw; otherwise another process has refreshed and its tokens are used. A service account (client
 * credentials) has no refresh token: a new access token is minted, under the same lock when it is
 * cached in the store, in memory only when everything came from the environment.
 */
public final class OAuthSession implements TokenSource {
  /** How long before expiry a token is renewed, so no request goes out with a dying one. */
  static final Duration MARGIN = Duration.ofSeconds(60);

  private final String profile;
  private final AuthType kind;
  private final OAuthTokenStore store;
  private final TokenLock lock;
  private final Clock clock;
  private final GrantsFor grants;
  private OAuthTokens tokens;
  private String storedSecret;

  /** The token endpoint for the client secret a grant was stored with (or null: none stored). */
  @FunctionalInterface
  public interface GrantsFor {
    OAuthGrants with(String storedClientSecret);
  }

  /**
   * @param store where the grant lives; null keeps it in memory (client credentials from the
   *     environment)
   * @param lock the profile's refresh lock; ignored when {@code store} is null
   */
  public OAuthSession(
      String profile,
      AuthType kind,
      OAuthTokenStore store,
      TokenLock lock,
      Clock clock,
      GrantsFor grants) {
    if (!kind.oauth()) {
      throw new IllegalArgumentException(kind + " is not an OAuth kind");
    }
    this.profile = profile;
    this.kind = kind;
    this.store = store;
    this.lock = lock;
    this.clock = clock;
    this.grants = grants;
  }

  @Override
  public synchronized String accessToken() {
    if (tokens == null) {
      tokens = load();
    }
    if (tokens == null || tokens.expiresWithin(clock.instant(), MARGIN)) {
      renew(tokens);
    }
    return tokens.accessToken();
  }

  @Override
  public synchronized String renewAfterRejection(String rejected) {
    if (tokens != null && !tokens.accessToken().equals(rejected)) {
      return tokens.accessToken();
    }
    renew(tokens);
    return tokens.accessToken().equals(rejected) ? null : tokens.accessToken();
  }

  @Override
  public synchronized OAuthTokens current() {
    if (tokens == null) {
      tokens = load();
    }
    return tokens;
  }

  private OAuthTokens load() {
    if (store == null) {
      return null;
    }
    OAuthTokenStore.Entry e;
    try {
      e = store.read(profile);
    } catch (OAuthTokenStore.Torn torn) {
      // Another process was writing a new grant: read again once it has finished.
      e = lock.with(this::readSettled);
    }
    if (e == null) {
      if (kind == AuthType.OAUTH) {
        throw ConfException.auth(
            "no OAuth tokens for profile '"
                + profile
                + "' in the "
                + store.describe()
                + ": run `conf auth login --web` again");
      }
      return null;
    }
    storedSecret = e.clientSecret();
    return e.tokens();
  }

  /** The stored grant while holding the lock, when no writer can be half-way through. */
  private OAuthTokenStore.Entry readSettled() {
    try {
      return store.read(profile);
    } catch (OAuthTokenStore.Torn damaged) {
      throw ConfException.auth(
          "the stored OAuth tokens of profile '"
              + profile
              + "' in the "
              + store.describe()
              + " are damaged: run `conf auth login --web` again");
    }
  }

  /**
   * Replaces {@code seen} (null: nothing yet) with a fresh grant, or the one another run stored.
   */
  private void renew(OAuthTokens seen) {
    if (store == null) {
      tokens = grants.with(null).clientCredentials();
      return;
    }
    tokens =
        lock.with(
            () -> {
              OAuthTokenStore.Entry now = readSettled();
              if (now != null && seen != null && !sameGrant(now.tokens(), seen)) {
                storedSecret = now.clientSecret();
                return now.tokens();
              }
              if (now != null && seen == null) {
                storedSecret = now.clientSecret();
                if (!now.tokens().expiresWithin(clock.instant(), MARGIN)) {
                  return now.tokens();
                }
              }
              OAuthTokens fresh = mint(now != null ? now.tokens() : seen);
              store.write(profile, new OAuthTokenStore.Entry(fresh, storedSecret));
              return fresh;
            });
  }

  private OAuthTokens mint(OAuthTokens old) {
    OAuthGrants g = grants.with(storedSecret);
    if (kind == AuthType.CLIENT_CREDENTIALS) {
      return g.clientCredentials();
    }
    if (old == null || old.refreshToken() == null) {
      throw ConfException.auth(
          "the browser login of profile '"
              + profile
              + "' has no refresh token (was offline_access granted?): run `conf auth login --web` again");
    }
    try {
      return g.refresh(old.refreshToken()).carryOver(old);
    } catch (OAuthGrants.Refused e) {
      throw ConfException.auth(
          "the browser login of profile '"
              + profile
              + "' has expired or was revoked ("
              + e.getMessage()
              + "): run `conf auth login --web` again");
    }
  }

  /** The same grant: for a browser login, still the same refresh token. */
  private boolean sameGrant(OAuthTokens a, OAuthTokens b) {
    if (kind == AuthType.OAUTH) {
      return java.util.Objects.equals(a.refreshToken(), b.refreshToken());
    }
    return a.accessToken().equals(b.accessToken());
  }
}
