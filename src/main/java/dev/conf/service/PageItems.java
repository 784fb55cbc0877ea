package dev.conf.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * What hangs off a page or blog post, in neutral terms: labels, attachments and comments ({@link
 * ConfluenceService#items()}). One implementation per deployment, beside its backend; each method
 * there names the REST operation it calls.
 *
 * <p>Methods that take a {@link ContentType} take {@code null} for "not known": an id the user gave
 * bare, which may name either. Data Center serves both types at one path and ignores it; Cloud's v2
 * keeps them apart and tries the page path first, then (only when that answers 404) the blog-post
 * path, so a page costs what it would if the type were known and a blog post one 404 more. Writes
 * that go through v1 on Cloud (label add and remove, the upload itself) serve both types at one
 * path and take no type.
 */
public interface PageItems {
  /**
   * The labels of a page or blog post, in the server's order.
   *
   * @param type PAGE, BLOGPOST, or null when not known
   */
  List<Label> labels(ContentType type, String id);

  /**
   * Adds labels (already {@link Label#normalize normalized}) to a page or blog post; existing ones
   * stay.
   */
  void addLabels(String id, List<String> names);

  /** Removes one label from a page or blog post; exit 3 when it does not have it. */
  void removeLabel(String id, String name);

  /**
   * The attachments (current versions) of a page or blog post, in the server's order.
   *
   * @param type PAGE, BLOGPOST, or null when not known
   */
  List<Attachment> attachments(ContentType type, String id, long limit);

  /**
   * Every attachment (current version) of every page in a space, through one paged search rather
   * than one listing per page; {@link Attachment#pageId} is the page it is attached to.
   */
  List<Attachment> attachmentsInSpace(String spaceKey);

  /** One attachment by id; exit 3 when there is none. */
  Attachment attachment(String id);

  /**
   * Uploads a file to a page or blog post, streamed from disk. When it already has an attachment of
   * that name the file becomes its next version, not a second attachment.
   *
   * @param type PAGE, BLOGPOST, or null when not known
   * @param name the attachment's name on the page
   * @param comment the version comment, or null
   * @param minor no notifications
   */
  Attachment uploadAttachment(
      ContentType type,
      String id,
      Path file,
      String name,
      String comment,
      boolean minor,
      Transfer progress);

  /**
   * Streams an attachment's content into {@code out}, following the server's redirects.
   *
   * @return the number of bytes written
   */
  long downloadAttachment(Attachment attachment, OutputStream out, Transfer progress);

  /** Moves an attachment to the trash. */
  void deleteAttachment(Attachment attachment);

  /**
   * The comments of a page or blog post: top-level ones, each followed by its replies (oldest
   * first).
   *
   * @param type PAGE, BLOGPOST, or null when not known
   * @param inline inline comments (anchored to page text) instead of footer comments
   * @param limit at most this many top-level comments; {@link Long#MAX_VALUE} for all
   */
  List<Comment> comments(ContentType type, String id, boolean inline, long limit);

  /**
   * Adds a footer comment to a page or blog post, or a reply to comment {@code replyTo} (which
   * needs neither the type nor the id).
   *
   * @param type PAGE, BLOGPOST, or null when not known
   * @param storageBody the body as storage XHTML
   */
  Comment addComment(ContentType type, String id, String storageBody, String replyTo);

  /**
   * Adds an inline comment anchored to the {@code matchIndex}-th (from 0) of the {@code matchCount}
   * occurrences of {@code selection} in the page's text; exit 1 with the reason where the site has
   * no inline-comment operation.
   *
   * @param type PAGE, BLOGPOST, or null when not known
   * @param storageBody the body as storage XHTML
   */
  Comment addInlineComment(
      ContentType type,
      String id,
      String storageBody,
      String selection,
      int matchCount,
      int matchIndex);

  /**
   * Resolves an inline comment, or (with {@code resolved} false) reopens it; exit 1 with the reason
   * where the site has no such operation.
   */
  Comment resolveComment(String id, boolean resolved);

  /** One comment by id (footer or inline); exit 3 when there is none. */
  Comment comment(String id);

  /** Deletes a comment (footer or inline) for good. */
  void deleteComment(String id);

  // ---- content properties

  /**
   * The content properties of a page or blog post, in the server's order.
   *
   * @param type PAGE, BLOGPOST, or null when not known
   */
  List<ContentProperty> properties(ContentType type, String id);

  /**
   * One content property by key, or null when the page or blog post has none of that key.
   *
   * @param type PAGE, BLOGPOST, or null when not known
   */
  ContentProperty property(ContentType type, String id, String key);

  /**
   * Creates a content property, or (given the one read) writes its next version; exit 5 (conflict)
   * when the server holds a newer version of it than the one read, and nothing is overwritten.
   *
   * @param type PAGE, BLOGPOST, or null when not known
   * @param existing the property as {@link #property} read it, or null to create it
   */
  ContentProperty setProperty(
      ContentType type, String id, String key, JsonNode value, ContentProperty existing);

  /**
   * Deletes a content property (as {@link #property} read it).
   *
   * @param type PAGE, BLOGPOST, or null when not known
   */
  void deleteProperty(ContentType type, String id, ContentProperty existing);
}
