package dev.conf.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.error.ConfException;
import dev.conf.util.Json;
import java.util.Objects;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * After a page update whose first attempt was lost (the connection dropped once the request had
 * gone), the retry may meet a 409: the first attempt landed and moved the version on. Read the
 * content back: when its version, title and body are the ones this update sent, the update did
 * happen, and the 409 is only the replay running into itself.
 */
final class ReplayCheck {
  private ReplayCheck() {}

  /** A page or blog post's own address, v2 or v1 (Data Center and Cloud). */
  private static final Pattern CONTENT =
      Pattern.compile(".*/(api/v2/(pages|blogposts)|rest/api/content)/[0-9]+");

  /** The content as the server has it, when the lost first attempt landed; else null. */
  static JsonNode landed(ApiClient api, Request request, Object body) {
    RetryStats stats = request.tag(RetryStats.class);
    if (stats == null || !stats.uncertain() || body == null) {
      return null;
    }
    HttpUrl url = request.url();
    if (!CONTENT.matcher(url.encodedPath()).matches()) {
      return null;
    }
    JsonNode sent = Json.mapper().valueToTree(body);
    JsonNode version = sent.path("version").path("number");
    if (!version.canConvertToInt()) {
      return null;
    }
    boolean v2 = url.encodedPath().contains("/api/v2/");
    HttpUrl read =
        url.newBuilder()
            .query(null)
            .addQueryParameter(
                v2 ? "body-format" : "expand", v2 ? "storage" : "body.storage,version")
            .build();
    JsonNode now;
    try {
      now = api.get(read);
    } catch (ConfException e) {
      return null;
    }
    String sentBody =
        sent.path("body").has("value")
            ? sent.path("body").path("value").asText()
            : sent.path("body").path("storage").path("value").asText(null);
    boolean same =
        now.path("version").path("number").asInt(-1) == version.asInt()
            && Objects.equals(now.path("title").asText(null), sent.path("title").asText(null))
            && Objects.equals(
                now.path("body").path("storage").path("value").asText(null), sentBody);
    return same ? now : null;
  }

  /** Where pages and blog posts are created, v2 and v1. */
  private static final Pattern CREATE =
      Pattern.compile(".*/(api/v2/(pages|blogposts)|rest/api/content)");

  /**
   * After a create whose answer was lost: the content with the title it sent, when the server has
   * it with the body it sent (so this create made it); else null.
   */
  static JsonNode created(ApiClient api, Request request, Object body) {
    RetryStats stats = request.tag(RetryStats.class);
    HttpUrl url = request.url();
    if (stats == null || !stats.uncertain() || body == null) {
      return null;
    }
    if (!CREATE.matcher(url.encodedPath()).matches()) {
      return null;
    }
    JsonNode sent = Json.mapper().valueToTree(body);
    String title = sent.path("title").asText(null);
    if (title == null) {
      return null;
    }
    boolean v2 = url.encodedPath().contains("/api/v2/");
    HttpUrl.Builder find = url.newBuilder().query(null).addQueryParameter("title", title);
    if (v2) {
      String spaceId = sent.path("spaceId").asText(null);
      if (spaceId == null) {
        return null;
      }
      find.addQueryParameter("space-id", spaceId).addQueryParameter("body-format", "storage");
    } else {
      String key = sent.path("space").path("key").asText(null);
      if (key == null) {
        return null;
      }
      find.addQueryParameter("spaceKey", key)
          .addQueryParameter("type", sent.path("type").asText("page"))
          .addQueryParameter("expand", "body.storage,version,space");
    }
    JsonNode found;
    try {
      found = api.get(find.build());
    } catch (ConfException e) {
      return null;
    }
    String sentBody =
        sent.path("body").has("value")
            ? sent.path("body").path("value").asText()
            : sent.path("body").path("storage").path("value").asText(null);
    for (JsonNode r : found.path("results")) {
      if (title.equals(r.path("title").asText(null))
          && Objects.equals(r.path("body").path("storage").path("value").asText(null), sentBody)) {
        JsonNode base = found.path("_links").path("base");
        if (r.isObject() && !base.isMissingNode() && r.path("_links").isObject()) {
          ((com.fasterxml.jackson.databind.node.ObjectNode) r.path("_links"))
              .putIfAbsent("base", base);
        }
        return r;
      }
    }
    return null;
  }
}
