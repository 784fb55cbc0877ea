package dev.conf.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conf.util.Json;
import java.io.IOException;
import java.time.Instant;

/**
 * An OAuth profile's tokens (and its app's client secret) in a {@link SecretStore}: the keychain,
 * or on request the 0600 file; never the config file. The grant is one JSON secret; {@link
 * ChunkedSecretStore} cuts it into entries small enough for Windows Credential Manager, as it does
 * every long secret, and reads the entries this class wrote itself before that layer existed
 * ({@code {"oauth":G,"parts":N}}).
 */
public final class OAuthTokenStore {
  private final SecretStore store;

  public OAuthTokenStore(SecretStore store) {
    this.store = ChunkedSecretStore.of(store);
  }

  /** A stored grant: the tokens, and the client secret refreshes are sent with. */
  public record Entry(OAuthTokens tokens, String clientSecret) {
    @Override
    public String toString() {
      return "Entry[" + tokens + "]";
    }
  }

  /** The store changed while it was read (another process was writing a new grant). */
  public static final class Torn extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Torn() {
      super("the stored OAuth tokens changed while they were read");
    }
  }

  public String describe() {
    return store.describe();
  }

  /**
   * The profile's grant, or null when none is stored (or the profile's secret is no grant).
   *
   * @throws Torn when a part is missing: read again under the lock
   */
  public Entry read(String profile) {
    String json;
    try {
      json = store.get(profile);
    } catch (ChunkedSecretStore.Torn e) {
      throw new Torn();
    }
    JsonNode n = grant(json);
    if (n == null) {
      return null;
    }
    long exp = n.path("expiresAt").asLong(0);
    return new Entry(
        new OAuthTokens(
            text(n, "accessToken"),
            text(n, "refreshToken"),
            exp == 0 ? null : Instant.ofEpochSecond(exp),
            text(n, "scopes")),
        text(n, "clientSecret"));
  }

  /** Stores a new grant for the profile, replacing the old one. */
  public void write(String profile, Entry entry) {
    ObjectNode n = Json.mapper().createObjectNode();
    OAuthTokens t = entry.tokens();
    n.put("accessToken", t.accessToken());
    if (t.refreshToken() != null) {
      n.put("refreshToken", t.refreshToken());
    }
    if (t.expiresAt() != null) {
      n.put("expiresAt", t.expiresAt().getEpochSecond());
    }
    if (t.scopes() != null) {
      n.put("scopes", t.scopes());
    }
    if (entry.clientSecret() != null) {
      n.put("clientSecret", entry.clientSecret());
    }
    store.put(profile, n.toString());
  }

  /** Deletes the grant and every part of it; true when there was one. */
  public boolean delete(String profile) {
    String json;
    try {
      json = store.get(profile);
    } catch (ChunkedSecretStore.Torn e) {
      json = "{\"accessToken\":\"damaged\"}";
    }
    if (grant(json) == null) {
      return false;
    }
    store.delete(profile);
    return true;
  }

  static String partKey(String profile, int generation, int index) {
    return ChunkedSecretStore.partKey(profile, generation, index);
  }

  /** The grant's JSON, or null when the value is none (an API token, a session, nothing). */
  private static JsonNode grant(String value) {
    if (value == null || !value.startsWith("{")) {
      return null;
    }
    try {
      JsonNode n = Json.parse(value);
      return n.hasNonNull("accessToken") ? n : null;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
