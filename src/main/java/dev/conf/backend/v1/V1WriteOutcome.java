package dev.conf.backend.v1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.backend.WriteOutcome;
import dev.conf.http.ApiClient;
import dev.conf.http.WriteOutcomeUnknown;
import java.util.Map;
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
 * Otherwise (or when the read itself fails) the unknown outcome stands ({@link WriteOutcome}).
 */
final class V1WriteOutcome {
  private V1WriteOutcome() {}

  /** {@code PUT} of a page or blog post whose body carries {@code version.number}. */
  static JsonNode put(ApiClient api, HttpUrl url, Map<String, Object> body) {
    return WriteOutcome.send(
        api,
        "PUT",
        url,
        body,
        () -> {
          Integer version = WriteOutcome.version(body);
          return version == null
              ? null
              : WriteOutcome.updated(
                  api.get(
                      url.newBuilder()
                          .query(null)
                          .addQueryParameter("expand", "body.storage,version")
                          .build()),
                  version,
                  body.get("title"),
                  sent(body));
        });
  }

  /** {@code POST} creating a page or blog post with a title, a space key and a storage body. */
  static JsonNode post(ApiClient api, HttpUrl url, Map<String, Object> body) {
    return WriteOutcome.send(
        api,
        "POST",
        url,
        body,
        () -> {
          Object key = body.get("space") instanceof Map<?, ?> s ? s.get("key") : null;
          if (!(body.get("title") instanceof String t) || !(key instanceof String k)) {
            return null;
          }
          HttpUrl search =
              url.newBuilder()
                  .query(null)
                  .addQueryParameter("title", t)
                  .addQueryParameter("spaceKey", k)
                  .addQueryParameter("type", String.valueOf(body.getOrDefault("type", "page")))
                  .addQueryParameter("expand", "body.storage,version,space")
                  .build();
          return WriteOutcome.created(api.get(search), t, sent(body));
        });
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
