package dev.conf.service;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * What hangs off a page, in neutral terms: labels, attachments and comments ({@link
 * ConfluenceService#items()}). One implementation per deployment, beside its backend; each method
 * there names the REST operation it calls.
 */
public interface PageItems {
  /** The page's labels, in the server's order. */
  List<Label> labels(String pageId);

  /** Adds labels (already {@link Label#normalize normalized}); existing ones stay. */
  void addLabels(String pageId, List<String> names);

  /** Removes one label; exit 3 when the page does not have it. */
  void removeLabel(String pageId, String name);

  /** The attachments (current versions) of a page or blog post, in the server's order. */
  List<Attachment> attachments(ContentType type, String id, long limit);

  /**
   * Every attachment (current version) of every page in a space, through one paged search rather
   * than one listing per page; {@link Attachment#pageId} is the page it is attached to.
   */
  List<Attachment> attachmentsInSpace(String spaceKey);

  /** One attachment by id; exit 3 when there is none. */
  Attachment attachment(String id);

  /**
   * Uploads a file, streamed from disk. When the page already has an attachment of that name the
   * file becomes its next version, not a second attachment.
   *
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
   * The page's comments: top-level ones, each followed by its replies (oldest first).
   *
   * @param inline inline comments (anchored to page text) instead of footer comments
   * @param limit at most this many top-level comments; {@link Long#MAX_VALUE} for all
   */
  List<Comment> comments(String pageId, boolean inline, long limit);

  /**
   * Adds a footer comment, or a reply to comment {@code replyTo}.
   *
   * @param storageBody the body as storage XHTML
   */
  Comment addComment(String pageId, String storageBody, String replyTo);

  /** One comment by id (footer or inline); exit 3 when there is none. */
  Comment comment(String id);

  /** Deletes a comment (footer or inline) for good. */
  void deleteComment(String id);
}
