package dev.conf.auth.oauth1;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conf.error.ConfException;

/**
 * What an OAuth 1.0a profile keeps in the keychain, as one JSON secret: the access token and its
 * secret from the dance, and the RSA private key (PEM) the application link knows the public half
 * of, so the key file may move or go. {@link #toString()} shows none of them.
 */
public record OAuth1Secret(String accessToken, String tokenSecret, String privateKey) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static OAuth1Secret parse(String stored) {
    try {
      OAuth1Secret s = JSON.readValue(stored, OAuth1Secret.class);
      if (s.accessToken() == null || s.privateKey() == null) {
        throw new IllegalArgumentException("incomplete");
      }
      return s;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw ConfException.auth(
          "the stored OAuth 1.0a login is unreadable: run `conf auth login --type oauth1` again");
    }
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the OAuth 1.0a secret", e);
    }
  }

  @Override
  public String toString() {
    return "OAuth1Secret[...]";
  }
}
