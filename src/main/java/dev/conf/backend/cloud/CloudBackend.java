package dev.conf.backend.cloud;

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
import dev.conf.util.Json;
import java.io.IOException;
import java.net.URI;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Confluence Cloud: REST v2 ({@code /wiki/api/v2}) wherever it has the operation, v1 ({@code
 * /wiki/rest/api}) only where it does not (current user, CQL search, attachment upload, label
 * writes). Documents: {@code confluence-cloud-v2.openapi.json} and {@code
 * confluence-cloud-v1.openapi.json}.
 */
public final class CloudBackend implements ConfluenceService {
  /** The largest page v2 collection endpoints accept. */
  static final int V2_MAX_LIMIT = 250;

  /** Search page size asked for; the server may cap it lower and the pager follows next. */
  static final int SEARCH_PAGE_LIMIT = 100;

  private final Site site;
  private final ApiClient api;
  private final HttpUrl root;
  private final HttpUrl wiki;
  private final CloudContent pages;
  private final CloudPageItems items;

  public CloudBackend(Site site, ApiClient api) {
    this.site = site;
    this.api = api;
    this.root = HttpUrl.get(site.root().toString());
    this.wiki = HttpUrl.get(site.apiBase().toString());
    this.pages = new CloudContent(site, api, key -> getSpace(key).id());
    this.items = new CloudPageItems(site, api);
  }

  @Override
  public Deployment deployment() {
    return Deployment.CLOUD;
  }

  /** v1 {@code GET /wiki/rest/api/user/current}: v2 has no current-user operation. */
  @Override
  public User currentUser() {
    JsonNode u = api.get(v1("user/current"));
    return new User(
        Links.text(u, "accountId"),
        Links.text(u, "email"),
        Links.text(u, "displayName") != null
            ? Links.text(u, "displayName")
            : Links.text(u, "publicName"),
        Links.text(u, "email"));
  }

  /** v2 {@code GET /spaces}, cursor-paged. */
  @Override
  public List<Space> listSpaces(SpaceQuery query, long limit) {
    HttpUrl.Builder url =
        v2("spaces")
            .addQueryParameter("limit", String.valueOf(Math.min(limit, V2_MAX_LIMIT)))
            .addQueryParameter("description-format", "plain");
    if (query.type() != null) {
      url.addQueryParameter("type", query.type());
    }
    if (query.status() != null) {
      url.addQueryParameter("status", query.status());
    }
    return Pager.of(api, url.build(), root, this::space, limit).toList();
  }

  /**
   * Spaces by key, each asked for once per process: v2 content operations take the space id, and a
   * publish of 200 new pages would otherwise ask for it 400 times.
   */
  private final Map<String, Space> spaces = new java.util.concurrent.ConcurrentHashMap<>();

  /** v2 {@code GET /spaces?keys=KEY}: v2 addresses spaces by id, and a key is what users know. */
  @Override
  public Space getSpace(String key) {
    Space known = spaces.get(key);
    if (known != null) {
      return known;
    }
    Space space = fetchSpace(key);
    spaces.put(key, space);
    return space;
  }

  private Space fetchSpace(String key) {
    HttpUrl url =
        v2("spaces")
            .addQueryParameter("keys", key)
            .addQueryParameter("description-format", "plain")
            .build();
    Iterator<Space> found = Pager.of(api, url, root, this::space, 1).iterator();
    if (!found.hasNext()) {
      throw ConfException.notFound("space '" + key + "' not found on " + site.displayUrl());
    }
    return found.next();
  }

  /**
   * v1 {@code GET /wiki/rest/api/search} (v2 has no CQL search), paged by the cursor in {@code
   * _links.next}, which hangs from {@code /wiki}. {@code expand=content.space} gives each hit its
   * space key (no body expansions: those would cap the page size at 25).
   */
  @Override
  public SearchResults search(SearchQuery query, long limit) {
    HttpUrl url =
        wiki.newBuilder()
            .addPathSegments("rest/api/search")
            .addQueryParameter("cql", query.cql())
            .addQueryParameter("limit", String.valueOf(Math.min(limit, SEARCH_PAGE_LIMIT)))
            .addQueryParameter("excerpt", query.excerpt() ? "highlight" : "none")
            .addQueryParameter("expand", "content.space")
            .build();
    return SearchResponses.collect(api, url, wiki, site, limit);
  }

  // ---- publish

  /**
   * v1 {@code GET /wiki/rest/api/content/search} (v2 has no CQL, and no listing that carries labels
   * and a content property with each page), cursor-paged from {@code /wiki}.
   */
  @Override
  public List<PublishedPage> publishedPages(String spaceKey, String rootId) {
    return PublishState.pages(api, v1("content/search"), wiki, spaceKey, rootId);
  }

  /**
   * v2 {@code POST /pages/{page-id}/properties}, or {@code PUT
   * /pages/{page-id}/properties/{property-id}} with the property's version plus one.
   */
  @Override
  public PublishedPage recordPublish(String pageId, PublishRecord record, PublishedPage existing) {
    HttpUrl.Builder url = v2("pages").addPathSegment(pageId).addPathSegment("properties");
    JsonNode written =
        existing.recordId() == null
            ? api.send("POST", url.build(), PublishState.propertyBody(record, null))
            : api.send(
                "PUT",
                url.addPathSegment(existing.recordId()).build(),
                PublishState.propertyBody(record, existing.recordVersion() + 1));
    return PublishState.written(existing, record, written);
  }

  /**
   * Reads a Cloud site's id from {@code https://<site>/_edge/tenant_info}, a public endpoint
   * outside the REST documents. Scoped tokens only work through {@code
   * api.atlassian.com/ex/confluence/<cloudId>}.
   */
  public static String cloudId(OkHttpClient http, URI siteUrl) {
    HttpUrl url =
        HttpUrl.get(siteUrl.toString()).newBuilder().encodedPath("/_edge/tenant_info").build();
    Request request = new Request.Builder().url(url).header("Accept", "application/json").build();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody body = response.body();
      if (!response.isSuccessful() || body == null) {
        throw new ConfException(
            ExitCode.ERROR,
            "could not read the cloud id of "
                + siteUrl
                + " (HTTP "
                + response.code()
                + " from "
                + url
                + ")");
      }
      String id = Links.text(Json.mapper().readTree(body.string()), "cloudId");
      if (id == null) {
        throw new ConfException(ExitCode.ERROR, url + " did not say the site's cloudId");
      }
      return id;
    } catch (IOException e) {
      throw new ConfException(ExitCode.ERROR, "could not reach " + url + ": " + e.getMessage(), e);
    }
  }

  private Space space(JsonNode s) {
    return new Space(
        Links.text(s, "id"),
        Links.text(s, "key"),
        Links.text(s, "name"),
        Links.text(s, "type"),
        Links.text(s, "status"),
        Links.text(s.path("description").path("plain"), "value"),
        Links.text(s, "homepageId"),
        Links.webUrl(site.webBase(), s));
  }

  private HttpUrl.Builder v2(String path) {
    return root.newBuilder().addPathSegments("wiki/api/v2").addPathSegments(path);
  }

  private HttpUrl v1(String path) {
    return wiki.newBuilder().addPathSegments("rest/api").addPathSegments(path).build();
  }

  // ---- pages, blog posts and what hangs off them: the operations live in CloudContent and
  // CloudPageItems, built on first use

  @Override
  public CloudContent pages() {
    return pages;
  }

  @Override
  public CloudPageItems items() {
    return items;
  }

  /** v2's PageUpdateRequest has no minor-edit flag. */
  @Override
  public boolean supportsMinorEdits() {
    return false;
  }

  @Override
  public Map<String, String> userNames(Collection<String> ids) {
    return pages().userNames(ids);
  }
}
