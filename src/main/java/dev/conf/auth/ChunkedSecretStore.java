package dev.conf.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.util.Json;
import java.io.IOException;

/**
 * Every secret conf stores, cut into entries that fit the smallest keychain: Windows Credential
 * Manager holds at most 2,560 bytes per entry ({@code CRED_MAX_CREDENTIAL_BLOB_SIZE}), and an OAuth
 * grant, an OAuth 1.0a login (its RSA private key is ~1.7 KB of PEM) or an SSO site's cookie string
 * is longer. A secret of at most {@value #CHUNK} characters (2,400 bytes even as UTF-16) is stored
 * as it is, so entries written before this layer existed read back unchanged. A longer one is
 * written as parts {@code NAME#G.0}, {@code NAME#G.1}, ..., where {@code G} is a generation number,
 * and the profile's own entry {@code NAME} holds only {@code {"chunked":G,"parts":N}}.
 *
 * <p>A new secret is written under the next generation before the profile's entry is switched to
 * it, and the old generation is deleted after, so a reader never joins parts of two secrets: when
 * it finds a part gone it reads the profile's entry again, and only when that has not changed
 * either is the store damaged ({@link Torn}). The OAuth token store's earlier header, {@code
 * {"oauth":G,"parts":N}} with the same part names, is read (and replaced, and deleted) the same
 * way.
 */
public final class ChunkedSecretStore implements SecretStore {
  /** Characters per entry: 2,400 bytes as UTF-16, under Windows' 2,560. */
  static final int CHUNK = 1200;

  private static final int ATTEMPTS = 5;

  private final SecretStore raw;
  private final int chunk;

  private ChunkedSecretStore(SecretStore raw, int chunk) {
    this.raw = raw;
    this.chunk = chunk;
  }

  /** {@code store} with long secrets chunked; a store that already is, as it is. */
  public static SecretStore of(SecretStore store) {
    return store instanceof ChunkedSecretStore ? store : new ChunkedSecretStore(store, CHUNK);
  }

  /** For tests: parts of at most {@code chunk} characters. */
  static ChunkedSecretStore of(SecretStore store, int chunk) {
    return new ChunkedSecretStore(store, chunk);
  }

  /**
   * A part of the secret is missing and the profile's entry did not change: the store is damaged.
   */
  public static final class Torn extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Torn() {
      super("a stored secret is missing a part");
    }
  }

  @Override
  public String get(String profile) {
    String head = raw.get(profile);
    for (int attempt = 0; ; attempt++) {
      Header h = Header.parse(head);
      if (h == null) {
        return head;
      }
      String joined = join(profile, h);
      if (joined != null) {
        return joined;
      }
      String again = raw.get(profile);
      if (again == null) {
        return null; // deleted meanwhile
      }
      if (again.equals(head) || attempt >= ATTEMPTS) {
        throw new Torn();
      }
      head = again; // a writer switched generations while we read: read the new one
    }
  }

  private String join(String profile, Header h) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < h.parts(); i++) {
      String part = raw.get(partKey(profile, h.generation(), i));
      if (part == null) {
        return null;
      }
      out.append(part);
    }
    return out.toString();
  }

  @Override
  public void put(String profile, String secret) {
    Header old = Header.parse(raw.get(profile));
    if (secret.length() <= chunk && Header.parse(secret) == null) {
      raw.put(profile, secret);
    } else {
      int generation = old == null ? 0 : old.generation() + 1;
      int parts = 0;
      for (int start = 0; start < secret.length(); parts++) {
        int end = Math.min(secret.length(), start + chunk);
        if (end < secret.length() && Character.isHighSurrogate(secret.charAt(end - 1))) {
          end--; // never split a character: a keychain that stores UTF-8 would mangle the halves
        }
        raw.put(partKey(profile, generation, parts), secret.substring(start, end));
        start = end;
      }
      raw.put(profile, Header.format(generation, parts));
    }
    if (old != null) {
      deleteParts(profile, old);
    }
  }

  @Override
  public boolean delete(String profile) {
    Header old = Header.parse(raw.get(profile));
    boolean deleted = raw.delete(profile);
    if (old != null) {
      deleteParts(profile, old);
    }
    return deleted;
  }

  private void deleteParts(String profile, Header h) {
    for (int i = 0; i < h.parts(); i++) {
      raw.delete(partKey(profile, h.generation(), i));
    }
  }

  @Override
  public String describe() {
    return raw.describe();
  }

  static String partKey(String profile, int generation, int index) {
    return profile + "#" + generation + "." + index;
  }

  /** The profile entry of a chunked secret; the OAuth token store's earlier form is read too. */
  private record Header(int generation, int parts) {
    static Header parse(String value) {
      if (value == null
          || !(value.startsWith("{\"chunked\":") || value.startsWith("{\"oauth\":"))
          || value.length() > 80) {
        return null;
      }
      try {
        JsonNode n = Json.parse(value);
        JsonNode g = n.has("chunked") ? n.get("chunked") : n.get("oauth");
        JsonNode p = n.get("parts");
        if (g == null
            || !g.canConvertToInt()
            || p == null
            || !p.canConvertToInt()
            || n.size() != 2) {
          return null;
        }
        return new Header(g.asInt(), p.asInt());
      } catch (IOException e) {
        return null;
      }
    }

    static String format(int generation, int parts) {
      return "{\"chunked\":" + generation + ",\"parts\":" + parts + "}";
    }
  }
}
