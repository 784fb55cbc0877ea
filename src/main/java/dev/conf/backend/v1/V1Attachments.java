package dev.conf.backend.v1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.backend.Links;
import dev.conf.http.ApiClient;
import dev.conf.service.Attachment;
import dev.conf.service.Transfer;
import java.net.URLConnection;
import java.nio.file.Path;
import okhttp3.HttpUrl;

/**
 * Attachments through REST v1, which both deployments share for uploads (Cloud v2 has no upload
 * operation): {@code POST .../content/{id}/child/attachment} for a new name, {@code POST
 * .../content/{id}/child/attachment/{attachmentId}/data} for a new version of an existing one. Both
 * are multipart and need {@code X-Atlassian-Token: no-check}.
 */
public final class V1Attachments {
  private V1Attachments() {}

  /**
   * Uploads a file as a new attachment of the content at {@code content} ({@code
   * .../rest/api/content/{id}}), or as the next version of attachment {@code existingId}.
   *
   * @param downloadBase what the answer's {@code _links.download} hangs from
   */
  public static Attachment upload(
      ApiClient api,
      HttpUrl content,
      String existingId,
      Path file,
      String name,
      String comment,
      boolean minor,
      Transfer progress,
      HttpUrl downloadBase,
      String pageId) {
    HttpUrl.Builder url = content.newBuilder().addPathSegments("child/attachment");
    if (existingId != null) {
      url.addPathSegment(existingId).addPathSegment("data");
    }
    JsonNode answer =
        api.uploadFile(
            url.build(), file, name, mediaType(name), comment, minor, progress::progressed);
    // A new attachment comes back as a one-item listing, a new version as the attachment itself.
    JsonNode a = answer.path("results").isArray() ? answer.path("results").path(0) : answer;
    return attachment(a, downloadBase, pageId);
  }

  /** A v1 attachment (Cloud v1 or Data Center) in neutral terms. */
  public static Attachment attachment(JsonNode a, HttpUrl downloadBase, String pageId) {
    JsonNode ext = a.path("extensions");
    String mediaType = Links.text(ext, "mediaType");
    if (mediaType == null) {
      mediaType = Links.text(a.path("metadata"), "mediaType");
    }
    String comment = Links.text(ext, "comment");
    if (comment == null) {
      comment = Links.text(a.path("metadata"), "comment");
    }
    String container = Links.text(a.path("container"), "id");
    return new Attachment(
        Links.text(a, "id"),
        Links.text(a, "title"),
        ext.path("fileSize").asLong(-1),
        mediaType,
        a.path("version").path("number").asInt(0),
        Links.text(a.path("version"), "when"),
        comment,
        container != null ? container : pageId,
        resolve(downloadBase, Links.text(a.path("_links"), "download")));
  }

  /** A link relative to the site's context path ({@code /wiki} on Cloud), made absolute. */
  public static String resolve(HttpUrl base, String link) {
    if (link == null) {
      return null;
    }
    if (link.startsWith("http://") || link.startsWith("https://")) {
      return link;
    }
    String b = base.toString();
    return (b.endsWith("/") ? b.substring(0, b.length() - 1) : b)
        + (link.startsWith("/") ? link : "/" + link);
  }

  /** The media type the name suggests; Confluence keeps what the upload says. */
  public static String mediaType(String name) {
    String guess = URLConnection.getFileNameMap().getContentTypeFor(name);
    return guess != null ? guess : "application/octet-stream";
  }
}
