package dev.conf.auth.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conf.error.ConfException;

/**
 * What a session or cookie profile keeps in the keychain, as one JSON secret: the session's cookies
 * ({@code JSESSIONID=...; ...}), the password when the user let conf keep it (so it can log in
 * again by itself), and for {@code --type cookie} an optional PAT sent with the cookies. {@link
 * #toString()} shows none of them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionSecret(String cookies, String password, String pat) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static SessionSecret parse(String stored) {
    try {
      SessionSecret s = JSON.readValue(stored, SessionSecret.class);
      if (s.cookies() == null || s.cookies().isBlank()) {
        throw new IllegalArgumentException("no cookies");
      }
      return s;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // Never quote the stored value: it is a secret.
      throw ConfException.auth(
          "the stored session is unreadable: run `conf auth login --type session` (or --type"
              + " cookie) again");
    }
  }

  public SessionSecret withCookies(String newCookies) {
    return new SessionSecret(newCookies, password, pat);
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the session secret", e);
    }
  }

  @Override
  public String toString() {
    return "SessionSecret[password " + (password == null ? "not " : "") + "stored]";
  }
}
