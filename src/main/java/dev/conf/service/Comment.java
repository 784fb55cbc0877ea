package dev.conf.service;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A comment on a page, footer or inline, the same on both deployments. Field names are the {@code
 * --json} contract of {@code conf comment list|add}.
 *
 * @param parentId the comment this one replies to; null for a top-level comment
 * @param location {@code footer} or {@code inline}
 * @param author who wrote it: the display name where the deployment gives one or a lookup found it
 *     (Cloud: from the account id), else the id
 * @param created ISO-8601
 * @param body the body as storage XHTML
 * @param resolution for inline comments: {@code open}, {@code resolved}, {@code reopened} or {@code
 *     dangling}; null for footer comments or when the server did not say
 * @param highlighted for inline comments: the page text the comment is anchored to, when known
 * @param authorId the writer's Cloud account id or Data Center user key; null where unknown
 */
@JsonPropertyOrder({
  "id",
  "parentId",
  "location",
  "author",
  "authorId",
  "created",
  "resolution",
  "highlighted",
  "body",
  "url"
})
public record Comment(
    String id,
    String parentId,
    String location,
    String author,
    String created,
    String resolution,
    String highlighted,
    String body,
    String url,
    String authorId) {

  /** A comment whose writer is known only as shown. */
  public Comment(
      String id,
      String parentId,
      String location,
      String author,
      String created,
      String resolution,
      String highlighted,
      String body,
      String url) {
    this(id, parentId, location, author, created, resolution, highlighted, body, url, null);
  }

  /** A comment as a backend maps it. */
  public static Comment of(
      String id,
      String parentId,
      String location,
      Person author,
      String created,
      String resolution,
      String highlighted,
      String body,
      String url) {
    return new Comment(
        id,
        parentId,
        location,
        author == null ? null : author.shown(),
        created,
        resolution,
        highlighted,
        body,
        url,
        author == null ? null : author.id());
  }

  /** Whether the answer carried only the writer's id (Cloud), which a lookup can name. */
  public boolean unnamed() {
    return authorId != null && authorId.equals(author);
  }

  /** The same comment with its author shown as a display name; the id stays. */
  public Comment withAuthor(String name) {
    return new Comment(
        id, parentId, location, name, created, resolution, highlighted, body, url, authorId);
  }

  /** The same comment with another parent. */
  public Comment withParent(String parent) {
    return new Comment(
        id, parent, location, author, created, resolution, highlighted, body, url, authorId);
  }
}
