package dev.conf.service;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Everything commands ask of Confluence, in neutral terms: the site itself here, pages and blog
 * posts through {@link #pages()}, their labels, attachments and comments through {@link #items()}.
 * One implementation per deployment, each a short table of which REST API version serves which
 * operation, chosen once from the profile; commands never see API versions, URLs or wire formats,
 * and ask {@link #capabilities()} where sites differ. Failures are {@link
 * dev.conf.error.ConfException}s.
 */
public interface ConfluenceService {
  /** What this site can do: minor edits, moves across spaces, code languages, lacking routes. */
  Capabilities capabilities();

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
   * @param existing the page as {@link #publishedPages} read it (or as it was just created): its
   *     record is replaced, or the property created when it has none
   * @return {@code existing} with the new record and the property's id and version, so that the
   *     same run can replace it again
   */
  PublishedPage recordPublish(String pageId, PublishRecord record, PublishedPage existing);

  /** Pages and blog posts. */
  Pages pages();

  /** Labels, attachments and comments of pages and blog posts. */
  PageItems items();

  /** Whether an edit can be saved as minor (no notifications). */
  /**
   * When the personal access token in use expires, where the site tells (Data Center with a PAT);
   * empty for every other kind of login, or when the site does not say.
   */
  default java.util.Optional<TokenExpiry> tokenExpiry(java.time.Instant now) {
    return java.util.Optional.empty();
  }

  default boolean supportsMinorEdits() {
    return capabilities().minorEdits();
  }

  /**
   * The people with these ids (Cloud account ids, Data Center user keys), for content answers that
   * carry only ids (Cloud) and mentions in a body ({@code <ri:user>}). Looked up in as few requests
   * as the site allows, each id once per run (the answers are kept); ids the site does not name, or
   * a lookup that fails, are left out: a name is a courtesy, never a reason to fail a command.
   */
  Map<String, Person> people(Collection<String> ids);

  /** Display names for user ids, from {@link #people}: those the site named. */
  default Map<String, String> userNames(Collection<String> ids) {
    return Person.names(people(ids));
  }
}
