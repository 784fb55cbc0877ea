package dev.conf.service;

import dev.conf.auth.Deployment;
import java.util.Collection;
import java.util.List;
import java.util.Map;

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
}
