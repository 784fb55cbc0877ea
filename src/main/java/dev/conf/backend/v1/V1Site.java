package dev.conf.backend.v1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.backend.ApiRoots;
import dev.conf.backend.Links;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.http.ApiClient;
import dev.conf.http.Pager;
import dev.conf.service.PublishRecord;
import dev.conf.service.PublishedPage;
import dev.conf.service.SearchQuery;
import dev.conf.service.SearchResults;
import dev.conf.service.Space;
import dev.conf.service.SpaceQuery;
import dev.conf.service.User;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * Site-wide operations of REST v1 ({@code {v1}/rest/api/...}), start/limit or cursor paging by
 * {@code _links.next}, {@code expand=} for nested data: all of them on Data Center (document {@code
 * confluence-dc-10.0.3.openapi.json}); the current user, CQL search and publish state on Cloud
 * (document {@code confluence-cloud-v1.openapi.json}), which spells them alike.
 */
public final class V1Site {
  /**
   * Page size asked for; the server may cap it lower, which the pager handles by following next.
   */
  public static final int PAGE_LIMIT = 100;

  private static final String SPACE_EXPAND = "description.plain,homepage";

  private final ApiRoots roots;
  private final ApiClient api;

  public V1Site(ApiRoots roots, ApiClient api) {
    this.roots = roots;
    this.api = api;
  }

  /**
   * {@code GET /rest/api/user/current}. Cloud answers an {@code accountId} (and the email where the
   * site shows it), Data Center a {@code userKey} and {@code username}.
   */
  public User currentUser() {
    JsonNode u = api.get(roots.v1("user/current").build());
    if ("anonymous".equals(Links.text(u, "type"))) {
      // Data Center answers an unauthenticated request as the anonymous user instead of 401.
      throw new ConfException(
          ExitCode.AUTH,
          "authentication failed for "
              + roots.displayUrl()
              + ": the server treated the request as anonymous");
    }
    if (Links.text(u, "accountId") != null) {
      String name = Links.text(u, "displayName");
      return new User(
          Links.text(u, "accountId"),
          Links.text(u, "email"),
          name != null ? name : Links.text(u, "publicName"),
          Links.text(u, "email"));
    }
    return new User(
        Links.text(u, "userKey"), Links.text(u, "username"), Links.text(u, "displayName"), null);
  }

  /** {@code GET /rest/api/space}, start/limit-paged. */
  public List<Space> listSpaces(SpaceQuery query, long limit) {
    HttpUrl.Builder url =
        roots
            .v1("space")
            .addQueryParameter("limit", String.valueOf(Math.min(limit, PAGE_LIMIT)))
            .addQueryParameter("expand", SPACE_EXPAND);
    if (query.type() != null) {
      url.addQueryParameter("type", query.type());
    }
    if (query.status() != null) {
      url.addQueryParameter("status", query.status());
    }
    return Pager.of(api, url.build(), roots.v1(), this::space, limit).toList();
  }

  /** {@code GET /rest/api/space/{spaceKey}}. */
  public Space getSpace(String key) {
    HttpUrl url =
        roots.v1("space").addPathSegment(key).addQueryParameter("expand", SPACE_EXPAND).build();
    try {
      return space(api.get(url));
    } catch (ConfException e) {
      if (e.exitCode() == ExitCode.NOT_FOUND) {
        throw ConfException.notFound("space '" + key + "' not found on " + roots.displayUrl());
      }
      throw e;
    }
  }

  /**
   * {@code GET /rest/api/search}, paged by {@code _links.next} (Data Center: start/limit; Cloud: a
   * cursor). {@code expand=content.space} gives each hit its space key (no body expansions: those
   * would cap the page size at 25).
   */
  public SearchResults search(SearchQuery query, long limit) {
    HttpUrl url =
        roots
            .v1("search")
            .addQueryParameter("cql", query.cql())
            .addQueryParameter("limit", String.valueOf(Math.min(limit, PAGE_LIMIT)))
            .addQueryParameter("excerpt", query.excerpt() ? "highlight" : "none")
            .addQueryParameter("expand", "content.space")
            .build();
    return SearchResponses.collect(api, url, roots.v1(), roots.webBase(), limit);
  }

  /**
   * {@code GET /rest/api/content/search}: Cloud v2 has no CQL, and no listing that carries labels
   * and a content property with each page.
   */
  public List<PublishedPage> publishedPages(String spaceKey, String rootId) {
    return PublishState.pages(
        api, roots.v1("content/search").build(), roots.v1(), spaceKey, rootId);
  }

  /**
   * {@code POST /rest/api/content/{id}/property}, or {@code PUT
   * /rest/api/content/{id}/property/{key}} with the property's version plus one.
   */
  public PublishedPage recordPublish(String pageId, PublishRecord record, PublishedPage existing) {
    HttpUrl.Builder url = roots.v1Content(pageId).addPathSegment("property");
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
        Links.webUrl(roots.webBase(), s));
  }
}
