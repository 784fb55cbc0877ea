package dev.conf.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A user and secret, and where the secret came from. {@link #toString()} never shows the secret, so
 * a credential that slips into a log or an exception message leaks nothing.
 *
 * @param source where the secret was read, for {@code conf auth status}: e.g. {@code "environment
 *     (CONFLUENCE_API_TOKEN)"}, {@code "keychain"}
 */
public record SiteCredentials(AuthType type, String user, String secret, String source) {

  public SiteCredentials {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("empty secret");
    }
    if (type.needsUser() && (user == null || user.isBlank())) {
      throw new IllegalArgumentException(
          type == AuthType.TOKEN
              ? "an API token needs the account's email"
              : "a password needs a username");
    }
  }

  /** The Authorization header value, sent pre-emptively on every request to the site. */
  public String authorizationHeader() {
    if (type == AuthType.PAT) {
      return "Bearer " + secret;
    }
    String pair = user + ":" + secret;
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "SiteCredentials[type=" + type.id() + ", user=" + user + ", source=" + source + "]";
  }
}
