package dev.conf.backend.dc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.auth.Deployment;
import dev.conf.auth.Site;
import dev.conf.backend.Links;
import dev.conf.backend.PublishState;
import dev.conf.backend.SearchResponses;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.http.ApiClient;
import dev.conf.http.Pager;
import dev.conf.service.ConfluenceService;
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
import okhttp3.HttpUrl;

/**
 * Confluence Data Center (and Server): REST v1 under the site's context path ({@code
 * /rest/api/...}), start/limit paging with {@code _links.next}, {@code expand=} for nested data.
 * Document: {@code confluence-dc-10.0.3.openapi.json}.
 */
public final class DataCenterBackend implements ConfluenceService {
  /**
   * Page size asked for; the server may cap it lower, which the pager handles by following next.
   */
  static final int PAGE_LIMIT = 100;

  private static final String SPACE_EXPAND = "description.plain,homepage";

  private final Site site;
  private final ApiClient api;
  private final HttpUrl base;
  private final DataCenterContent pages;
  private final DataCenterPageItems items;

  public DataCenterBackend(Site site, ApiClient api) {
    this.site = site;
    this.api = api;
    this.base = HttpUrl.get(site.apiBase().toString());
    this.pages = new DataCenterContent(site, api);
    this.items = new DataCenterPageItems(site, api);
  }

  @Override
  public Deployment deployment() {
    return Deployment.DATA_CENTER;
  }

  /** {@code GET /rest/api/user/current}. */
  @Override
  public User currentUser() {
    JsonNode u = api.get(api("user/current").build());
    if ("anonymous".equals(Links.text(u, "type"))) {
      // Data Center answers an unauthenticated request as the anonymous user instead of 401.
      throw new ConfException(
          ExitCode.AUTH,
          "authentication failed for "
              + site.displayUrl()
              + ": the server treated the request as anonymous");
    }
    return new User(
        Links.text(u, "userKey"), Links.text(u, "username"), Links.text(u, "displayName"), null);
  }

  /** {@code GET /rest/api/space}, start/limit-paged. */
  @Override
  public List<Space> listSpaces(SpaceQuery query, long limit) {
    HttpUrl.Builder url =
        api("space")
            .addQueryParameter("limit", String.valueOf(Math.min(limit, PAGE_LIMIT)))
            .addQueryParameter("expand", SPACE_EXPAND);
    if (query.type() != null) {
      url.addQueryParameter("type", query.type());
    }
    if (query.status() != null) {
      url.addQueryParameter("status", query.status());
    }
    return Pager.of(api, url.build(), base, this::space, limit).toList();
  }

  /** {@code GET /rest/api/space/{spaceKey}}. */
  @Override
  public Space getSpace(String key) {
    HttpUrl url =
        api("space").addPathSegment(key).addQueryParameter("expand", SPACE_EXPAND).build();
    try {
      return space(api.get(url));
    } catch (ConfException e) {
      if (e.exitCode() == ExitCode.NOT_FOUND) {
        throw ConfException.notFound("space '" + key + "' not found on " + site.displayUrl());
      }
      throw e;
    }
  }

  /** {@code GET /rest/api/search}, start/limit-paged by {@code _links.next}. */
  @Override
  public SearchResults search(SearchQuery query, long limit) {
    HttpUrl url =
        api("search")
            .addQueryParameter("cql", query.cql())
            .addQueryParameter("limit", String.valueOf(Math.min(limit, PAGE_LIMIT)))
            .addQueryParameter("excerpt", query.excerpt() ? "highlight" : "none")
            .addQueryParameter("expand", "content.space")
            .build();
    return SearchResponses.collect(api, url, base, site, limit);
  }

  // ---- publish

  /** {@code GET /rest/api/content/search}, start/limit-paged. */
  @Override
  public List<PublishedPage> publishedPages(String spaceKey, String rootId) {
    return PublishState.pages(api, api("content/search").build(), base, spaceKey, rootId);
  }

  /**
   * {@code POST /rest/api/content/{id}/property}, or {@code PUT
   * /rest/api/content/{id}/property/{key}} with the property's version plus one.
   */
  @Override
  public PublishedPage recordPublish(String pageId, PublishRecord record, PublishedPage existing) {
    HttpUrl.Builder url = api("content").addPathSegment(pageId).addPathSegment("property");
    JsonNode written =
        existing.recordId() == null
            ? api.send("POST", url.build(), PublishState.propertyBody(record, null))
            : api.send(
                "PUT",
                url.addPathSegment(PublishRecord.KEY).build(),
                PublishState.propertyBody(record, existing.recordVersion() + 1));
    return PublishState.written(existing, record, written);
  }

  private Space space(JsonNode s) {
    JsonNode homepage = s.path("homepage");
    return new Space(
        Links.text(s, "id"),
        Links.text(s, "key"),
        Links.text(s, "name"),
        Links.text(s, "type"),
        Links.text(s, "status"),
        Links.text(s.path("description").path("plain"), "value"),
        homepage.isObject() ? Links.text(homepage, "id") : null,
        Links.webUrl(site.webBase(), s));
  }

  private HttpUrl.Builder api(String path) {
    return base.newBuilder().addPathSegments("rest/api").addPathSegments(path);
  }

  // ---- pages, blog posts and what hangs off them: the operations live in DataCenterContent and
  // DataCenterPageItems, built on first use

  @Override
  public DataCenterContent pages() {
    return pages;
  }

  @Override
  public DataCenterPageItems items() {
    return items;
  }

  @Override
  public boolean supportsMinorEdits() {
    return true;
  }

  /** Data Center content answers carry display names already. */
  @Override
  public Map<String, String> userNames(Collection<String> ids) {
    return Map.of();
  }
}
