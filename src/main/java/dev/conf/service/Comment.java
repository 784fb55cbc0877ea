package dev.conf.service;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A comment on a page, footer or inline, the same on both deployments. Field names are the {@code
 * --json} contract of {@code conf comment list|add}.
 *
 * @param parentId the comment this one replies to; null for a top-level comment
 * @param location {@code footer} or {@code inline}
 * @param author display name where the deployment gives one (Cloud: resolved from the account id)
 * @param created ISO-8601
 * @param body the body as storage XHTML
 * @param resolution for inline comments: {@code open}, {@code resolved}, {@code reopened} or {@code
 *     dangling}; null for footer comments or when the server did not say
 * @param highlighted for inline comments: the page text the comment is anchored to, when known
 */
@JsonPropertyOrder({
  "id",
  "parentId",
  "location",
  "author",
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
    String url) {

  /** The same comment with its author shown as a display name. */
  public Comment withAuthor(String name) {
    return new Comment(id, parentId, location, name, created, resolution, highlighted, body, url);
  }
}
