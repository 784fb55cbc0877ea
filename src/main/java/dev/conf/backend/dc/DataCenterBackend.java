package dev.conf.backend.dc;

import dev.conf.backend.ApiRoots;
import dev.conf.backend.PeopleCache;
import dev.conf.backend.v1.V1PageItems;
import dev.conf.backend.v1.V1Pages;
import dev.conf.backend.v1.V1Site;
import dev.conf.backend.v1.V1Users;
import dev.conf.convert.CodeLanguages;
import dev.conf.http.ApiClient;
import dev.conf.service.Capabilities;
import dev.conf.service.ConfluenceService;
import dev.conf.service.Person;
import dev.conf.service.PublishRecord;
import dev.conf.service.PublishedPage;
import dev.conf.service.SearchQuery;
import dev.conf.service.SearchResults;
import dev.conf.service.Space;
import dev.conf.service.SpaceQuery;
import dev.conf.service.User;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Confluence Data Center (and Server), as a routing table: everything through REST v1 under the
 * site's context path ({@link V1Site}, {@link V1Pages}, {@link V1PageItems}). Document: {@code
 * confluence-dc-10.0.3.openapi.json}.
 */
public final class DataCenterBackend implements ConfluenceService {
  /**
   * Minor edits, moves across spaces (the page is saved with the target's space), no folders, and
   * the code macro's own language names.
   */
  public static final Capabilities CAPABILITIES =
      new Capabilities(true, true, false, CodeLanguages::dataCenter, Set.of());

  private final V1Site site;
  private final V1Pages pages;
  private final V1PageItems items;
  private final PeopleCache people;
  private final ApiRoots roots;
  private final ApiClient api;
  private final boolean pat;

  public DataCenterBackend(ApiRoots roots, ApiClient api) {
    this(roots, api, false);
  }

  /**
   * @param pat the requests carry a personal access token, whose expiry {@link #tokenExpiry} asks
   */
  public DataCenterBackend(ApiRoots roots, ApiClient api, boolean pat) {
    this.roots = roots;
    this.api = api;
    this.pat = pat;
    this.site = new V1Site(roots, api);
    this.people = new PeopleCache(1, new V1Users(roots, api)::users);
    this.pages = new V1Pages(roots, api, people::seen);
    this.items = new V1PageItems(roots, api);
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public java.util.Optional<dev.conf.service.TokenExpiry> tokenExpiry(java.time.Instant now) {
    return pat ? PatExpiry.fetch(roots, api, now) : java.util.Optional.empty();
  }

  @Override
  public User currentUser() {
    return site.currentUser();
  }

  @Override
  public List<Space> listSpaces(SpaceQuery query, long limit) {
    return site.listSpaces(query, limit);
  }

  @Override
  public Space getSpace(String key) {
    return site.getSpace(key);
  }

  @Override
  public SearchResults search(SearchQuery query, long limit) {
    return site.search(query, limit);
  }

  @Override
  public List<PublishedPage> publishedPages(String spaceKey, String rootId) {
    return site.publishedPages(spaceKey, rootId);
  }

  @Override
  public PublishedPage recordPublish(String pageId, PublishRecord record, PublishedPage existing) {
    return site.recordPublish(pageId, record, existing);
  }

  @Override
  public V1Pages pages() {
    return pages;
  }

  @Override
  public V1PageItems items() {
    return items;
  }

  /**
   * {@code GET /rest/api/user?key=} for each user key not yet known this run: content answers carry
   * names already, so this is for the user keys of mentions in a body.
   */
  @Override
  public Map<String, Person> people(Collection<String> ids) {
    return people.people(ids);
  }
}
