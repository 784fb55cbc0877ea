package dev.conf.service;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Pages and blog posts, in neutral terms: {@link ConfluenceService#pages()}. One implementation per
 * deployment, beside its backend; each method there names the REST operation it calls.
 */
public interface Pages {
  /**
   * One page or blog post with its labels and body; the current one, or with {@code version} null
   * also one in the trash ({@link Page#trashed()}).
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

  /** Removes a page or blog post that is already in the trash ({@link Page#trashed()}) for good. */
  void purgePage(ContentType type, String id);

  /**
   * Brings a page or blog post back from the trash as it was, as the version after {@code
   * trashed}'s (read with {@link #getPage}, which finds trashed content too).
   *
   * @return it as the server holds it afterwards
   */
  Page restoreFromTrash(ContentType type, Page trashed);

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

  /** Versions, newest first. */
  List<PageVersion> pageVersions(ContentType type, String id, long limit);

  /**
   * Moves a page relative to a target page.
   *
   * @return a note for the user when the deployment could not do exactly what was asked, or null
   */
  String movePage(String id, MovePosition position, String targetId);

  CopyResult copyPage(CopyRequest request);

  /** A long-running task a copy started ({@link CopyResult#taskId()}); exit 3 when unknown. */
  TaskStatus copyTask(String taskId);

  /**
   * Page templates without bodies: a space's, or with {@code spaceKey} null the global ones; exit 1
   * with the reason where the site's REST API has no template operations.
   */
  List<Template> templates(String spaceKey);

  /** One template with its storage body; exit 3 when there is none. */
  Template template(String id);

  /** Who may view and edit the page, in the server's order; none when it is unrestricted. */
  List<Restriction> restrictions(String pageId);

  /**
   * Makes {@code all} the page's view and edit restrictions, replacing those it had (a user or a
   * group given by name only is looked up where the server needs its id).
   *
   * @return the restrictions as the server holds them afterwards
   */
  List<Restriction> setRestrictions(String pageId, List<Restriction> all);
}
