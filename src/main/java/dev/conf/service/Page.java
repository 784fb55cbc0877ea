package dev.conf.service;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A page or blog post, the same on both deployments. Its field names are the {@code --json}
 * contract of {@code conf page view|list|create|update} and {@code conf blog ...} (docs/json.md).
 *
 * @param type {@code page} or {@code blogpost}
 * @param version the version number the server holds (what an update must send plus one)
 * @param author who created it (display name where the deployment gives one, else account id)
 * @param lastUpdatedBy who wrote this version
 * @param lastUpdated when this version was written (ISO-8601)
 * @param labels label names; null when not asked for
 * @param body the body in {@link #bodyFormat}; null when not asked for
 */
@JsonPropertyOrder({
  "id",
  "type",
  "title",
  "status",
  "spaceId",
  "spaceKey",
  "parentId",
  "version",
  "versionMessage",
  "author",
  "created",
  "lastUpdatedBy",
  "lastUpdated",
  "url",
  "labels",
  "bodyFormat",
  "body"
})
public record Page(
    String id,
    String type,
    String title,
    String status,
    String spaceId,
    String spaceKey,
    String parentId,
    int version,
    String versionMessage,
    String author,
    String created,
    String lastUpdatedBy,
    String lastUpdated,
    String url,
    List<String> labels,
    String bodyFormat,
    String body) {

  /** This page with user ids replaced by names where {@code names} knows them. */
  public Page withNames(java.util.Map<String, String> names) {
    return new Page(
        id,
        type,
        title,
        status,
        spaceId,
        spaceKey,
        parentId,
        version,
        versionMessage,
        nameOf(names, author),
        created,
        nameOf(names, lastUpdatedBy),
        lastUpdated,
        url,
        labels,
        bodyFormat,
        body);
  }

  /** The name for a user id, or the id itself; null-safe (immutable maps refuse null keys). */
  public static String nameOf(java.util.Map<String, String> names, String id) {
    return id == null ? null : names.getOrDefault(id, id);
  }
}
