package dev.conf.backend.v1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conf.error.ConfException;
import dev.conf.http.ApiClient;
import dev.conf.http.WriteOutcomeUnknown;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Sends a v1 content write ({@code POST /rest/api/content}, {@code PUT /rest/api/content/{id}}) and
 * settles it when the HTTP layer says its outcome is unknown ({@link WriteOutcomeUnknown}):
 *
 * <ul>
 *   <li>an update replayed after a lost attempt that meets a 409: {@code GET
 *       /rest/api/content/{id}?expand=body.storage,version}; when the version, title and body are
 *       the ones this update sent, the first attempt landed and the update is a success;
 *   <li>a create whose answer was lost: {@code GET /rest/api/content?title=&spaceKey=&type=
 *       &expand=body.storage,version,space}; the content with the title and body it sent is the one
 *       it made.
 * </ul>
 *
 * Otherwise (or when the read itself fails) the unknown outcome stands and is reported as such.
 */
final class V1WriteOutcome {
  private V1WriteOutcome() {}

  /** {@code PUT} of a page or blog post whose body carries {@code version.number}. */
  static JsonNode put(ApiClient api, HttpUrl url, Map<String, Object> body) {
    try {
      return api.send("PUT", url, body);
    } catch (WriteOutcomeUnknown e) {
      JsonNode landed = landed(api, url, body);
      if (landed == null) {
        throw e;
      }
      return landed;
    }
  }

  /** {@code POST} creating a page or blog post with a title, a space key and a storage body. */
  static JsonNode post(ApiClient api, HttpUrl url, Map<String, Object> body) {
    try {
      return api.send("POST", url, body);
    } catch (WriteOutcomeUnknown e) {
      JsonNode created = created(api, url, body);
      if (created == null) {
        throw e;
      }
      return created;
    }
  }

  private static JsonNode landed(ApiClient api, HttpUrl url, Map<String, Object> body) {
    Object version = body.get("version") instanceof Map<?, ?> v ? v.get("number") : null;
    if (!(version instanceof Number n)) {
      return null;
    }
    JsonNode now;
    try {
      now =
          api.get(
              url.newBuilder()
                  .query(null)
                  .addQueryParameter("expand", "body.storage,version")
                  .build());
    } catch (ConfException e) {
      return null;
    }
    boolean same =
        now.path("version").path("number").asInt(-1) == n.intValue()
            && Objects.equals(now.path("title").asText(null), body.get("title"))
            && Objects.equals(
                now.path("body").path("storage").path("value").asText(null), sent(body));
    return same ? now : null;
  }

  private static JsonNode created(ApiClient api, HttpUrl url, Map<String, Object> body) {
    Object title = body.get("title");
    Object key = body.get("space") instanceof Map<?, ?> s ? s.get("key") : null;
    if (!(title instanceof String t) || !(key instanceof String k)) {
      return null;
    }
    JsonNode found;
    try {
      found =
          api.get(
              url.newBuilder()
                  .query(null)
                  .addQueryParameter("title", t)
                  .addQueryParameter("spaceKey", k)
                  .addQueryParameter("type", String.valueOf(body.getOrDefault("type", "page")))
                  .addQueryParameter("expand", "body.storage,version,space")
                  .build());
    } catch (ConfException e) {
      return null;
    }
    String sentBody = sent(body);
    for (JsonNode r : found.path("results")) {
      if (t.equals(r.path("title").asText(null))
          && Objects.equals(r.path("body").path("storage").path("value").asText(null), sentBody)) {
        JsonNode base = found.path("_links").path("base");
        if (!base.isMissingNode() && r.path("_links") instanceof ObjectNode links) {
          links.putIfAbsent("base", base);
        }
        return r;
      }
    }
    return null;
  }

  /** The storage value a v1 body carries: {@code body.storage.value}. */
  private static String sent(Map<String, Object> body) {
    if (body.get("body") instanceof Map<?, ?> b
        && b.get("storage") instanceof Map<?, ?> storage
        && storage.get("value") instanceof String v) {
      return v;
    }
    return null;
  }
}
