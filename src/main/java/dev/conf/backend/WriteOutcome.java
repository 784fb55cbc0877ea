package dev.conf.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conf.error.ConfException;
import dev.conf.http.ApiClient;
import dev.conf.http.WriteOutcomeUnknown;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * A content write whose outcome the HTTP layer could not tell ({@link WriteOutcomeUnknown}: the
 * answer was lost, or a replay met a 409) settled by reading the site: the REST version's writer
 * ({@code v1/V1WriteOutcome}, {@code v2/V2WriteOutcome}) says which read; this holds the rest. When
 * the read finds nothing of ours, or fails itself, the unknown outcome stands.
 */
public final class WriteOutcome {
  private WriteOutcome() {}

  /** The read that finds what a lost write made or saved; null when it did not land. */
  @FunctionalInterface
  public interface Check {
    JsonNode landed();
  }

  /** Sends the write; when its outcome is unknown, {@code check} settles it. */
  public static JsonNode send(
      ApiClient api, String method, HttpUrl url, Map<String, Object> body, Check check) {
    try {
      return api.send(method, url, body);
    } catch (WriteOutcomeUnknown e) {
      JsonNode landed;
      try {
        landed = check.landed();
      } catch (ConfException readFailed) {
        landed = null;
      }
      if (landed == null) {
        throw e;
      }
      return landed;
    }
  }

  /** The {@code version.number} a write's body carries, or null. */
  public static Integer version(Map<String, Object> body) {
    return body.get("version") instanceof Map<?, ?> v && v.get("number") instanceof Number n
        ? n.intValue()
        : null;
  }

  /** Whether content read back (v1 and v2 alike) has the title and storage body a write sent. */
  public static boolean ours(JsonNode content, Object title, String storage) {
    return Objects.equals(content.path("title").asText(null), title)
        && Objects.equals(content.path("body").path("storage").path("value").asText(null), storage);
  }

  /** The content read back when it is the version, title and body an update sent; else null. */
  public static JsonNode updated(JsonNode now, int version, Object title, String storage) {
    return now.path("version").path("number").asInt(-1) == version && ours(now, title, storage)
        ? now
        : null;
  }

  /**
   * The first result of a title search that is what a create sent, with the answer's base link
   * (which the caller's page parsing needs); null when there is none.
   */
  public static JsonNode created(JsonNode found, String title, String storage) {
    for (JsonNode r : found.path("results")) {
      if (ours(r, title, storage)) {
        JsonNode base = found.path("_links").path("base");
        if (!base.isMissingNode() && r.path("_links") instanceof ObjectNode links) {
          links.putIfAbsent("base", base);
        }
        return r;
      }
    }
    return null;
  }
}
