package dev.conf.backend.v2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.backend.WriteOutcome;
import dev.conf.http.ApiClient;
import dev.conf.http.WriteOutcomeUnknown;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Sends a v2 page or blog post write ({@code POST /pages}, {@code PUT /pages/{id}}, and the same
 * for {@code /blogposts}) and settles it when the HTTP layer says its outcome is unknown ({@link
 * WriteOutcomeUnknown}):
 *
 * <ul>
 *   <li>an update replayed after a lost attempt that meets a 409: {@code GET /pages/{id}
 *       ?body-format=storage}; when the version, title and body are the ones this update sent, the
 *       first attempt landed and the update is a success;
 *   <li>a create whose answer was lost: {@code GET /pages?title=&space-id=&body-format=storage};
 *       the page with the title and body it sent is the one it made.
 * </ul>
 *
 * Otherwise (or when the read itself fails) the unknown outcome stands ({@link WriteOutcome}).
 */
final class V2WriteOutcome {
  private V2WriteOutcome() {}

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
                          .addQueryParameter("body-format", "storage")
                          .build()),
                  version,
                  body.get("title"),
                  sent(body));
        });
  }

  /** {@code POST} creating a page or blog post with a title, a space id and a storage body. */
  static JsonNode post(ApiClient api, HttpUrl url, Map<String, Object> body) {
    return WriteOutcome.send(
        api,
        "POST",
        url,
        body,
        () -> {
          Object spaceId = body.get("spaceId");
          if (!(body.get("title") instanceof String t) || spaceId == null) {
            return null;
          }
          HttpUrl search =
              url.newBuilder()
                  .query(null)
                  .addQueryParameter("title", t)
                  .addQueryParameter("space-id", String.valueOf(spaceId))
                  .addQueryParameter("body-format", "storage")
                  .build();
          return WriteOutcome.created(api.get(search), t, sent(body));
        });
  }

  /** The storage value a v2 body carries: {@code body.value}. */
  private static String sent(Map<String, Object> body) {
    return body.get("body") instanceof Map<?, ?> b && b.get("value") instanceof String v ? v : null;
  }
}
