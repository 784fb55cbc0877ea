package dev.conf.backend.dc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.auth.Deployment;
import dev.conf.auth.Site;
import dev.conf.backend.ContentSearch;
import dev.conf.backend.Links;
import dev.conf.backend.PublishState;
import dev.conf.backend.SearchResponses;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.http.ApiClient;
import dev.conf.http.Pager;
import dev.conf.service.Attachment;
import dev.conf.service.BodyFormat;
import dev.conf.service.Comment;
import dev.conf.service.ConfluenceService;
import dev.conf.service.ContentType;
import dev.conf.service.CopyRequest;
import dev.conf.service.CopyResult;
import dev.conf.service.Label;
import dev.conf.service.MovePosition;
import dev.conf.service.NewPage;
import dev.conf.service.Page;
import dev.conf.service.PageNode;
import dev.conf.service.PageQuery;
import dev.conf.service.PageUpdate;
import dev.conf.service.PageVersion;
import dev.conf.service.PublishRecord;
import dev.conf.service.PublishedPage;
import dev.conf.service.SearchQuery;
import dev.conf.service.SearchResults;
import dev.conf.service.Space;
import dev.conf.service.SpaceQuery;
import dev.conf.service.TaskStatus;
import dev.conf.service.Transfer;
import dev.conf.service.User;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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

  public DataCenterBackend(Site site, ApiClient api) {
    this.site = site;
    this.api = api;
    this.base = HttpUrl.get(site.apiBase().toString());
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
  public void recordPublish(String pageId, PublishRecord record, PublishedPage existing) {
    HttpUrl.Builder url = api("content").addPathSegment(pageId).addPathSegment("property");
    if (existing == null || existing.recordId() == null) {
      api.send("POST", url.build(), PublishState.propertyBody(record, null));
    } else {
      api.send(
          "PUT",
          url.addPathSegment(PublishRecord.KEY).build(),
          PublishState.propertyBody(record, existing.recordVersion() + 1));
    }
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

  // ---- pages and blog posts: the operations live in DataCenterContent

  private DataCenterContent content;

  private synchronized DataCenterContent content() {
    if (content == null) {
      content = new DataCenterContent(site, api);
    }
    return content;
  }

  @Override
  public Page getPage(ContentType type, String id, BodyFormat format, Integer version) {
    return content().get(type, id, format, version);
  }

  @Override
  public Page findByTitle(ContentType type, String spaceKey, String title) {
    return content().findByTitle(type, spaceKey, title);
  }

  @Override
  public List<Page> listPages(ContentType type, PageQuery query, long limit) {
    return content().list(type, query, limit);
  }

  @Override
  public Page createPage(ContentType type, NewPage page) {
    return content().create(type, page);
  }

  @Override
  public Page updatePage(ContentType type, PageUpdate update) {
    return content().update(type, update);
  }

  @Override
  public void deletePage(ContentType type, String id, boolean purge) {
    content().delete(type, id, purge);
  }

  @Override
  public List<PageNode> childPages(String id, long limit) {
    return content().children(id, limit);
  }

  /** Data Center answers every level at once; deeper levels are cut by the caller. */
  @Override
  public List<PageNode> descendants(String id, int maxDepth) {
    return content().descendants(id);
  }

  @Override
  public List<PageNode> spacePageTree(String spaceKey) {
    return content().spaceTree(spaceKey);
  }

  // ---- export

  @Override
  public List<PageNode> spacePageTree(String spaceKey, Consumer<PageNode> listed) {
    return content().spaceTree(spaceKey, listed);
  }

  @Override
  public Map<String, Integer> pageVersionsById(Collection<String> ids) {
    return content().versionsById(ids);
  }

  /** {@code GET /rest/api/content/search} with CQL: v2 has no space-wide attachment listing. */
  @Override
  public List<Attachment> attachmentsInSpace(String spaceKey) {
    return ContentSearch.attachmentsInSpace(
        api, base.newBuilder().addPathSegments("rest/api/content/search").build(), base, spaceKey);
  }

  @Override
  public List<PageVersion> pageVersions(ContentType type, String id, long limit) {
    return content().versions(type, id, limit);
  }

  @Override
  public String movePage(String id, MovePosition position, String targetId) {
    return content().move(id, position, targetId);
  }

  @Override
  public CopyResult copyPage(CopyRequest request) {
    return content().copy(request);
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

  /** Data Center copies client-side, so there are no copy tasks to ask about. */
  @Override
  public TaskStatus copyTask(String taskId) {
    throw ConfException.notFound("no copy task " + taskId + ": Data Center copies without tasks");
  }

  // ---- labels, attachments and comments: the operations live in DataCenterPageItems

  private DataCenterPageItems items;

  private synchronized DataCenterPageItems items() {
    if (items == null) {
      items = new DataCenterPageItems(site, api);
    }
    return items;
  }

  @Override
  public List<Label> labels(String pageId) {
    return items().labels(pageId);
  }

  @Override
  public void addLabels(String pageId, List<String> names) {
    items().addLabels(pageId, names);
  }

  @Override
  public void removeLabel(String pageId, String name) {
    items().removeLabel(pageId, name);
  }

  @Override
  public List<Attachment> attachments(ContentType type, String id, long limit) {
    return items().attachments(id, limit);
  }

  @Override
  public Attachment attachment(String id) {
    return items().attachment(id);
  }

  @Override
  public Attachment uploadAttachment(
      ContentType type,
      String id,
      Path file,
      String name,
      String comment,
      boolean minor,
      Transfer progress) {
    return items().upload(id, file, name, comment, minor, progress);
  }

  @Override
  public long downloadAttachment(Attachment attachment, OutputStream out, Transfer progress) {
    return items().download(attachment, out, progress);
  }

  @Override
  public void deleteAttachment(Attachment attachment) {
    items().deleteAttachment(attachment);
  }

  @Override
  public List<Comment> comments(String pageId, boolean inline, long limit) {
    return items().comments(pageId, inline, limit);
  }

  @Override
  public Comment addComment(String pageId, String storageBody, String replyTo) {
    return items().add(pageId, storageBody, replyTo);
  }

  @Override
  public Comment comment(String id) {
    return items().get(id);
  }

  @Override
  public void deleteComment(String id) {
    items().delete(id);
  }
}
