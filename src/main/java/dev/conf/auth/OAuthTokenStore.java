package dev.conf.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conf.util.Json;
import java.io.IOException;
import java.time.Instant;

/**
 * An OAuth profile's tokens (and its app's client secret) in a {@link SecretStore}: the keychain,
 * or on request the 0600 file; never the config file.
 *
 * <p>Windows Credential Manager holds at most 2,560 bytes per secret and Atlassian's tokens are
 * long, so the grant is written as JSON cut into entries of at most {@value #CHUNK} characters
 * (2,400 bytes even as UTF-16): {@code NAME#G.0}, {@code NAME#G.1}, ..., where {@code G} is a
 * generation number, and the profile's own entry {@code NAME} holds only {@code
 * {"oauth":G,"parts":N}}. A new grant is written under the next generation before the profile's
 * entry is switched to it, and the old generation is deleted after, so a reader never joins parts
 * of two grants: it finds either the old generation whole, or a part missing ({@link Torn}), and
 * then reads again under the refresh lock.
 */
public final class OAuthTokenStore {
  static final int CHUNK = 1200;

  private final SecretStore store;

  public OAuthTokenStore(SecretStore store) {
    this.store = store;
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

  /** True when a profile's entry is the header of a stored grant (not an API token). */
  public static boolean isGrant(String raw) {
    return raw != null && raw.startsWith("{\"oauth\":");
  }

  /**
   * The profile's grant, or null when none is stored.
   *
   * @throws Torn when a part is missing: read again under the lock
   */
  public Entry read(String profile) {
    String head = store.get(profile);
    if (!isGrant(head)) {
      return null;
    }
    Header h = header(head);
    StringBuilder json = new StringBuilder();
    for (int i = 0; i < h.parts; i++) {
      String part = store.get(partKey(profile, h.generation, i));
      if (part == null) {
        throw new Torn();
      }
      json.append(part);
    }
    try {
      JsonNode n = Json.parse(json.toString());
      long exp = n.path("expiresAt").asLong(0);
      return new Entry(
          new OAuthTokens(
              text(n, "accessToken"),
              text(n, "refreshToken"),
              exp == 0 ? null : Instant.ofEpochSecond(exp),
              text(n, "scopes")),
          text(n, "clientSecret"));
    } catch (IOException | IllegalArgumentException e) {
      throw new Torn();
    }
  }

  /** Stores a new grant for the profile, replacing the old one. */
  public void write(String profile, Entry entry) {
    String head = store.get(profile);
    int old = isGrant(head) ? header(head).generation : -1;
    int oldParts = isGrant(head) ? header(head).parts : 0;
    int generation = old + 1;
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
    String json = n.toString();
    int parts = (json.length() + CHUNK - 1) / CHUNK;
    for (int i = 0; i < parts; i++) {
      store.put(
          partKey(profile, generation, i),
          json.substring(i * CHUNK, Math.min(json.length(), (i + 1) * CHUNK)));
    }
    store.put(profile, "{\"oauth\":" + generation + ",\"parts\":" + parts + "}");
    for (int i = 0; i < oldParts; i++) {
      store.delete(partKey(profile, old, i));
    }
  }

  /** Deletes the grant and every part of it; true when there was one. */
  public boolean delete(String profile) {
    String head = store.get(profile);
    if (!isGrant(head)) {
      return false;
    }
    Header h = header(head);
    store.delete(profile);
    for (int i = 0; i < h.parts; i++) {
      store.delete(partKey(profile, h.generation, i));
    }
    return true;
  }

  static String partKey(String profile, int generation, int index) {
    return profile + "#" + generation + "." + index;
  }

  private record Header(int generation, int parts) {}

  private static Header header(String head) {
    try {
      JsonNode n = Json.parse(head);
      return new Header(n.path("oauth").asInt(), n.path("parts").asInt());
    } catch (IOException e) {
      throw new Torn();
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
