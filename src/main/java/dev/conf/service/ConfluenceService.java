package dev.conf.service;

import dev.conf.auth.Deployment;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Everything commands ask of Confluence, in neutral terms. One implementation per deployment
 * (Cloud: REST v2 with v1 where v2 has no operation; Data Center: v1), chosen once from the
 * profile; commands never see API versions, URLs or wire formats. Failures are {@link
 * dev.conf.error.ConfException}s.
 */
public interface ConfluenceService {
  Deployment deployment();

  /** The user the credentials belong to; the cheapest call that proves they work. */
  User currentUser();

  /**
   * Spaces in the server's order.
   *
   * @param limit at most this many; {@link Long#MAX_VALUE} for all
   */
  List<Space> listSpaces(SpaceQuery query, long limit);

  /** One space by key; exit code 3 when there is none. */
  Space getSpace(String key);

  /**
   * A CQL search, in the server's order (relevance unless the CQL orders it).
   *
   * @param limit at most this many; {@link Long#MAX_VALUE} for all the server will page through
   */
  SearchResults search(SearchQuery query, long limit);

  // ---- publish

  /**
   * Every page under page {@code rootId} (or, when it is null, in the whole space) with its
   * version, parent, labels and {@code conf publish}'s record: one paged CQL content search, so
   * that a publish that changes nothing costs a few reads however many pages there are.
   */
  List<PublishedPage> publishedPages(String spaceKey, String rootId);

  /**
   * Writes {@code conf publish}'s record onto a page (a content property, which does not make a new
   * page version).
   *
   * @param existing the page as {@link #publishedPages} read it, whose record is replaced; null, or
   *     one without a record, to create the property
   */
  void recordPublish(String pageId, PublishRecord record, PublishedPage existing);

  // ---- pages and blog posts

  /**
   * One page or blog post with its labels and body.
   *
   * @param version an older version to read, or null for the current one
   */
  Page getPage(ContentType type, String id, BodyFormat format, Integer version);

  /** The page or blog post with exactly this title in the space; exit code 3 when there is none. */
  Page findByTitle(ContentType type, String spaceKey, String title);

  /** Pages or blog posts of a space, without bodies, in the server's order. */
  List<Page> listPages(ContentType type, PageQuery query, long limit);

  Page createPage(ContentType type, NewPage page);

  /**
   * Saves a new version based on {@link PageUpdate#current()}; exit code 5 (conflict) when the
   * server holds a newer version than the one read.
   */
  Page updatePage(ContentType type, PageUpdate update);

  /** Moves it to the trash; with purge, also removes it from the trash for good. */
  void deletePage(ContentType type, String id, boolean purge);

  /** The page's direct children (and, on Cloud, folders and other content), in order. */
  List<PageNode> childPages(String id, long limit);

  /**
   * Everything under a page, flat, each with its parent; a few requests for hundreds of pages.
   *
   * @param maxDepth levels below the page; {@link Integer#MAX_VALUE} for all
   */
  List<PageNode> descendants(String id, int maxDepth);

  /** Every page of a space (and on Cloud the folders they sit in), flat, each with its parent. */
  List<PageNode> spacePageTree(String spaceKey);

  // ---- export

  /**
   * {@link #spacePageTree}, telling {@code listed} about each node as soon as its part of the
   * listing has arrived, so that a caller can start work on it while the rest is still listed.
   */
  List<PageNode> spacePageTree(String spaceKey, Consumer<PageNode> listed);

  /**
   * Current version numbers of pages, for listings that do not carry them ({@link PageNode#version}
   * null): a few requests for hundreds of ids. Ids the server does not answer for are left out.
   */
  Map<String, Integer> pageVersionsById(Collection<String> ids);

  /**
   * Every attachment (current version) of every page in a space, through one paged search rather
   * than one listing per page; {@link Attachment#pageId} is the page it is attached to.
   */
  List<Attachment> attachmentsInSpace(String spaceKey);

  /** Versions, newest first. */
  List<PageVersion> pageVersions(ContentType type, String id, long limit);

  /**
   * Moves a page relative to a target page.
   *
   * @return a note for the user when the deployment could not do exactly what was asked, or null
   */
  String movePage(String id, MovePosition position, String targetId);

  CopyResult copyPage(CopyRequest request);

  /** Whether an edit can be saved as minor (no notifications). */
  boolean supportsMinorEdits();

  /**
   * Display names for user ids, where the deployment's content answers carry only ids (Cloud); an
   * empty map where they already carry names or the lookup failed.
   */
  Map<String, String> userNames(Collection<String> ids);

  /** A long-running task a copy started ({@link CopyResult#taskId()}); exit 3 when unknown. */
  TaskStatus copyTask(String taskId);

  // ---- labels, attachments and comments of a page

  /** The page's labels, in the server's order. */
  List<Label> labels(String pageId);

  /** Adds labels (already {@link Label#normalize normalized}); existing ones stay. */
  void addLabels(String pageId, List<String> names);

  /** Removes one label; exit 3 when the page does not have it. */
  void removeLabel(String pageId, String name);

  /** The attachments (current versions) of a page or blog post, in the server's order. */
  List<Attachment> attachments(ContentType type, String id, long limit);

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
