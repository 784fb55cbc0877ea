package dev.conf.service;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A page or blog post, the same on both deployments. Its field names are the {@code --json}
 * contract of {@code conf page view|list|create|update} and {@code conf blog ...} (docs/json.md).
 *
 * @param type {@code page} or {@code blogpost}
 * @param version the version number the server holds (what an update must send plus one)
 * @param author who created it: the display name where the deployment gives one or a lookup found
 *     it, else the id
 * @param lastUpdatedBy who wrote this version, as {@code author}
 * @param authorId the creator's Cloud account id or Data Center user key; null where unknown
 * @param lastUpdatedById the id of who wrote this version, as {@code authorId}
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
  "authorId",
  "created",
  "lastUpdatedBy",
  "lastUpdatedById",
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
    String body,
    String authorId,
    String lastUpdatedById) {

  /** A page whose people are known only as they are shown (no ids). */
  public Page(
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
    this(
        id,
        type,
        title,
        status,
        spaceId,
        spaceKey,
        parentId,
        version,
        versionMessage,
        author,
        created,
        lastUpdatedBy,
        lastUpdated,
        url,
        labels,
        bodyFormat,
        body,
        null,
        null);
  }

  /** A page as a backend maps it: its creator and last editor as {@link Person}s. */
  public static Page of(
      String id,
      String type,
      String title,
      String status,
      String spaceId,
      String spaceKey,
      String parentId,
      int version,
      String versionMessage,
      Person author,
      String created,
      Person lastUpdatedBy,
      String lastUpdated,
      String url,
      List<String> labels,
      String bodyFormat,
      String body) {
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
        author == null ? null : author.shown(),
        created,
        lastUpdatedBy == null ? null : lastUpdatedBy.shown(),
        lastUpdated,
        url,
        labels,
        bodyFormat,
        body,
        author == null ? null : author.id(),
        lastUpdatedBy == null ? null : lastUpdatedBy.id());
  }

  /** Whether it sits in the trash. */
  public boolean trashed() {
    return "trashed".equals(status);
  }

  /** The ids of its people whose names the answer did not carry (Cloud), for one lookup. */
  public java.util.List<String> unnamedIds() {
    java.util.List<String> ids = new java.util.ArrayList<>();
    if (authorId != null && authorId.equals(author)) {
      ids.add(authorId);
    }
    if (lastUpdatedById != null && lastUpdatedById.equals(lastUpdatedBy)) {
      ids.add(lastUpdatedById);
    }
    return ids;
  }

  /** This page with its people named where {@code people} knows them; ids stay as they are. */
  public Page withPeople(java.util.Map<String, Person> people) {
    return withNames(Person.names(people));
  }

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
        authorId != null && names.containsKey(authorId)
            ? names.get(authorId)
            : nameOf(names, author),
        created,
        lastUpdatedById != null && names.containsKey(lastUpdatedById)
            ? names.get(lastUpdatedById)
            : nameOf(names, lastUpdatedBy),
        lastUpdated,
        url,
        labels,
        bodyFormat,
        body,
        authorId,
        lastUpdatedById);
  }

  /** The name for a user id, or the id itself; null-safe (immutable maps refuse null keys). */
  public static String nameOf(java.util.Map<String, String> names, String id) {
    return id == null ? null : names.getOrDefault(id, id);
  }
}
