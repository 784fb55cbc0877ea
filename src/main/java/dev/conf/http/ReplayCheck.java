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
}
