package dev.conf.service;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A file attached to a page, the same on both deployments. Field names are the {@code --json}
 * contract of {@code conf attachment list|upload}.
 *
 * @param id the attachment's id ({@code att123} on Cloud, a number on Data Center)
 * @param size bytes; -1 when the server did not say
 * @param version the attachment's own version number (each upload of the same name adds one)
 * @param updated when this version was uploaded (ISO-8601), or null
 * @param downloadUrl where its content is fetched from (absolute; may redirect)
 */
@JsonPropertyOrder({
  "id",
  "name",
  "size",
  "mediaType",
  "version",
  "updated",
  "comment",
  "pageId",
  "downloadUrl"
})
public record Attachment(
    String id,
    String name,
    long size,
    String mediaType,
    int version,
    String updated,
    String comment,
    String pageId,
    String downloadUrl) {}
