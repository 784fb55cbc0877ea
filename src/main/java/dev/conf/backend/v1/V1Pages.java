package dev.conf.backend.v1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.backend.ApiRoots;
import dev.conf.backend.Links;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.http.ApiClient;
import dev.conf.http.Pager;
import dev.conf.service.BodyFormat;
import dev.conf.service.ContentType;
import dev.conf.service.CopyRequest;
import dev.conf.service.CopyResult;
import dev.conf.service.MovePosition;
import dev.conf.service.NewPage;
import dev.conf.service.Page;
import dev.conf.service.PageNode;
import dev.conf.service.PageQuery;
import dev.conf.service.PageUpdate;
import dev.conf.service.PageVersion;
import dev.conf.service.Pages;
import dev.conf.service.Person;
import dev.conf.service.TaskStatus;
import dev.conf.service.Template;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.HttpUrl;

/**
 * Pages and blog posts through REST v1, as Data Center's document has it: {@code
 * /rest/api/content...} with {@code expand=}. The 10.0.3 document has no operation to list
 * versions, move or copy a page: those are done client-side from the operations it has, as each
 * method says.
 */
public final class V1Pages implements Pages {
  /** Lean listings (no bodies) ask for this many a request; the server may cap it lower. */
  static final int TREE_LIMIT = 200;

  private static final String VIEW_EXPAND = "version,space,history,ancestors,metadata.labels";
  private static final String LIST_EXPAND = "version,space,history";

  /**
   * Tree listings: the parent (last ancestor) and the version, which lets an export skip bodies.
   */
  private static final String TREE_EXPAND = "ancestors,version";

  private final ApiRoots roots;
  private final ApiClient api;

  /** Told about every person an answer names, so that later lookups need not ask for them. */
  private final Consumer<Person> seen;

  public V1Pages(ApiRoots roots, ApiClient api) {
    this(roots, api, p -> {});
  }

  public V1Pages(ApiRoots roots, ApiClient api, Consumer<Person> seen) {
    this.roots = roots;
    this.api = api;
    this.seen = seen;
  }

  /**
   * {@code GET /rest/api/content/{id}?expand=body.storage,version,space,history,ancestors,
   * metadata.labels}; an older version with {@code version=N&status=historical}.
   */
  @Override
  public Page getPage(ContentType type, String id, BodyFormat format, Integer version) {
    HttpUrl.Builder url =
        roots
            .v1Content(id)
            .addQueryParameter(
                "expand",
                (format == BodyFormat.VIEW ? "body.view," : "body.storage,") + VIEW_EXPAND);
    if (version != null) {
      // The current version is "current", older ones "historical": asking for both finds either.
      url.addQueryParameter("status", "current")
          .addQueryParameter("status", "historical")
          .addQueryParameter("version", String.valueOf(version));
    }
    JsonNode c;
    try {
      c = api.get(url.build());
    } catch (ConfException e) {
      if (version != null || e.exitCode() != ExitCode.NOT_FOUND) {
        throw notFound(e, type, id, version);
      }
      c = trashed(url.addQueryParameter("status", "trashed").build(), type, id, e);
    }
    Page page = page(c);
    String actual = Links.text(c, "type");
    if (actual != null && !wireType(type).equals(actual)) {
      throw ConfException.notFound(id + " is a " + actual + ", not a " + type.noun());
    }
    return page;
  }

  /**
   * The same read with {@code status=trashed}: a page in the trash is not found without it. Not
   * found either way is the first answer's not found.
   */
  private JsonNode trashed(HttpUrl url, ContentType type, String id, ConfException first) {
    try {
      return api.get(url);
    } catch (ConfException e) {
      throw notFound(e.exitCode() == ExitCode.NOT_FOUND ? first : e, type, id, null);
    }
  }

  /** {@code GET /rest/api/content?type=page&spaceKey=&title=}. */
  @Override
  public Page findByTitle(ContentType type, String spaceKey, String title) {
    HttpUrl url =
        roots
            .v1("content")
            .addQueryParameter("type", wireType(type))
            .addQueryParameter("spaceKey", spaceKey)
            .addQueryParameter("title", title)
            .addQueryParameter("expand", LIST_EXPAND)
            .addQueryParameter("limit", "1")
            .build();
    Iterator<Page> found = Pager.of(api, url, roots.v1(), this::page, 1).iterator();
    if (!found.hasNext()) {
      throw ConfException.notFound(
          "no " + type.noun() + " titled '" + title + "' in space " + spaceKey);
    }
    return found.next();
  }

  /** {@code GET /rest/api/content?type=&spaceKey=}, start/limit-paged. */
  @Override
  public List<Page> listPages(ContentType type, PageQuery query, long limit) {
    HttpUrl.Builder url =
        roots
            .v1("content")
            .addQueryParameter("type", wireType(type))
            .addQueryParameter("spaceKey", query.spaceKey())
            .addQueryParameter("expand", LIST_EXPAND)
            .addQueryParameter("limit", String.valueOf(Math.min(limit, V1Site.PAGE_LIMIT)));
    if (query.title() != null) {
      url.addQueryParameter("title", query.title());
    }
    if (query.status() != null) {
      url.addQueryParameter("status", query.status());
    }
    return Pager.of(api, url.build(), roots.v1(), this::page, limit).toList();
  }

  /** {@code POST /rest/api/content}. */
  @Override
  public Page createPage(ContentType type, NewPage draft) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", wireType(type));
    body.put("title", draft.title());
    body.put("space", Map.of("key", draft.spaceKey()));
    if (type == ContentType.PAGE && draft.parentId() != null) {
      body.put("ancestors", List.of(Map.of("id", draft.parentId())));
    }
    body.put("body", storage(draft.storageBody()));
    return page(V1WriteOutcome.post(api, roots.v1("content").build(), body));
  }

  /**
   * {@code PUT /rest/api/content/{id}} with the version read plus one; Data Center answers 409 when
   * that number is not the next one. A new parent goes in {@code ancestors}: the page moves in the
   * same save.
   */
  @Override
  public Page updatePage(ContentType type, PageUpdate update) {
    Map<String, Object> body = updateBody(type, update.current(), update.title());
    if (type == ContentType.PAGE && update.moves()) {
      body.put("ancestors", List.of(Map.of("id", update.parentId())));
    }
    body.put("body", storage(update.storageBody()));
    Map<String, Object> version = new LinkedHashMap<>();
    version.put("number", update.nextVersion());
    if (update.message() != null) {
      version.put("message", update.message());
    }
    version.put("minorEdit", update.minor());
    body.put("version", version);
    return page(V1WriteOutcome.put(api, roots.v1Content(update.current().id()).build(), body));
  }

  /**
   * {@code DELETE /rest/api/content/{id}} (to the trash); with purge a second {@code DELETE
   * ...?status=trashed}, which removes trashed content for good.
   */
  @Override
  public void deletePage(ContentType type, String id, boolean purge) {
    try {
      api.send("DELETE", roots.v1Content(id).build(), null);
    } catch (ConfException e) {
      throw notFound(e, type, id, null);
    }
    if (purge) {
      api.send("DELETE", roots.v1Content(id).addQueryParameter("status", "trashed").build(), null);
    }
  }

  /** {@code DELETE /rest/api/content/{id}?status=trashed}: purges content already trashed. */
  @Override
  public void purgePage(ContentType type, String id) {
    try {
      api.send("DELETE", roots.v1Content(id).addQueryParameter("status", "trashed").build(), null);
    } catch (ConfException e) {
      throw notFound(e, type, id, null);
    }
  }

  /**
   * {@code PUT /rest/api/content/{id}?status=trashed} with {@code status: current} and the next
   * version, as the document's "restore from trash" example has it; the server changes nothing
   * else. The answer is the page as an update's is (without its body).
   */
  @Override
  public Page restoreFromTrash(ContentType type, Page trashed) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", trashed.id());
    body.put("type", wireType(type));
    body.put("title", trashed.title());
    body.put("status", "current");
    body.put("version", Map.of("number", trashed.version() + 1));
    try {
      return page(
          api.send(
              "PUT",
              roots.v1Content(trashed.id()).addQueryParameter("status", "trashed").build(),
              body));
    } catch (ConfException e) {
      throw notFound(e, type, trashed.id(), null);
    }
  }

  /** {@code GET /rest/api/content/{id}/child/page}. */
  @Override
  public List<PageNode> childPages(String id, long limit) {
    HttpUrl url =
        roots
            .v1Content(id)
            .addPathSegments("child/page")
            .addQueryParameter("limit", String.valueOf(Math.min(limit, TREE_LIMIT)))
            .build();
    return Pager.of(
            api,
            url,
            roots.v1(),
            c -> new PageNode(Links.text(c, "id"), Links.text(c, "title"), "page", id, null, null),
            limit)
        .toList();
  }

  /**
   * {@code GET /rest/api/content/{id}/descendant/page?expand=ancestors,version}: every level in one
   * paged listing, each page with its ancestors (the last is its parent) and version number. Data
   * Center answers every level at once; deeper levels than {@code maxDepth} are cut by the caller.
   */
  @Override
  public List<PageNode> descendants(String id, int maxDepth) {
    HttpUrl url =
        roots
            .v1Content(id)
            .addPathSegments("descendant/page")
            .addQueryParameter("expand", TREE_EXPAND)
            .addQueryParameter("limit", String.valueOf(TREE_LIMIT))
            .build();
    return Pager.of(api, url, roots.v1(), V1Pages::node, Long.MAX_VALUE).toList();
  }

  /** {@code GET /rest/api/space/{key}/content/page?depth=all&expand=ancestors,version}. */
  @Override
  public List<PageNode> spacePageTree(String spaceKey) {
    return spacePageTree(spaceKey, n -> {});
  }

  /** {@link #spacePageTree(String)}, telling {@code listed} about each page as it arrives. */
  @Override
  public List<PageNode> spacePageTree(String spaceKey, Consumer<PageNode> listed) {
    HttpUrl url =
        roots
            .v1("space")
            .addPathSegment(spaceKey)
            .addPathSegments("content/page")
            .addQueryParameter("depth", "all")
            .addQueryParameter("expand", TREE_EXPAND)
            .addQueryParameter("limit", String.valueOf(TREE_LIMIT))
            .build();
    try {
      return Pager.of(
              api,
              url,
              roots.v1(),
              c -> {
                PageNode n = node(c);
                listed.accept(n);
                return n;
              },
              Long.MAX_VALUE)
          .toList();
    } catch (ConfException e) {
      if (e.exitCode() == ExitCode.NOT_FOUND) {
        throw ConfException.notFound("space '" + spaceKey + "' not found on " + roots.displayUrl());
      }
      throw e;
    }
  }

  /**
   * {@code GET /rest/api/content/search?cql=id in (...)&expand=version}, 100 ids a request: the
   * tree listings already carry versions, so this is only for pages they did not.
   */
  @Override
  public Map<String, Integer> pageVersionsById(Collection<String> ids) {
    List<String> all = ids.stream().distinct().toList();
    Map<String, Integer> out = new HashMap<>();
    for (int from = 0; from < all.size(); from += 100) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + 100));
      String cql = "id in (" + String.join(",", chunk) + ")";
      for (JsonNode c :
          ContentSearch.all(
              api, roots.v1("content/search").build(), roots.v1(), cql, "version", n -> n)) {
        JsonNode number = c.path("version").path("number");
        if (number.isInt()) {
          out.put(Links.text(c, "id"), number.asInt());
        }
      }
    }
    return out;
  }

  /**
   * The 10.0.3 document lists no versions, so: {@code GET /rest/api/content/{id}?expand=version}
   * for the current one, then {@code GET /rest/api/content/{id}?status=historical&version=N} for
   * each older one, newest first: one request per version shown.
   */
  @Override
  public List<PageVersion> pageVersions(ContentType type, String id, long limit) {
    JsonNode current;
    try {
      current = api.get(roots.v1Content(id).addQueryParameter("expand", "version").build());
    } catch (ConfException e) {
      throw notFound(e, type, id, null);
    }
    List<PageVersion> out = new ArrayList<>();
    out.add(version(current.path("version")));
    for (int n = current.path("version").path("number").asInt(1) - 1;
        n >= 1 && out.size() < limit;
        n--) {
      JsonNode old =
          api.get(
              roots
                  .v1Content(id)
                  .addQueryParameter("status", "historical")
                  .addQueryParameter("version", String.valueOf(n))
                  .addQueryParameter("expand", "version")
                  .build());
      out.add(version(old.path("version")));
    }
    return out;
  }

  /**
   * The 10.0.3 document has no move operation: the page is read ({@code GET
   * /rest/api/content/{id}}), the target too, and the page saved again ({@code PUT}) with the new
   * parent as its ancestor and the target's space. Siblings cannot be ordered this way: before and
   * after put the page under the target's parent, and the note says so.
   */
  @Override
  public String movePage(String id, MovePosition position, String targetId) {
    JsonNode page =
        api.get(
            roots.v1Content(id).addQueryParameter("expand", "body.storage,version,space").build());
    JsonNode target =
        api.get(roots.v1Content(targetId).addQueryParameter("expand", "space,ancestors").build());
    List<Object> ancestors = new ArrayList<>();
    String note = null;
    if (position == MovePosition.APPEND) {
      ancestors.add(Map.of("id", targetId));
    } else {
      JsonNode targetAncestors = target.path("ancestors");
      if (targetAncestors.size() > 0) {
        ancestors.add(
            Map.of("id", Links.text(targetAncestors.get(targetAncestors.size() - 1), "id")));
      }
      note =
          "Data Center's REST API cannot order pages among their siblings: the page was placed"
              + " under the same parent as "
              + targetId
              + ", at the position the server chose";
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("type", Links.text(page, "type"));
    body.put("title", Links.text(page, "title"));
    String spaceKey = Links.text(target.path("space"), "key");
    if (spaceKey == null) {
      spaceKey = Links.text(page.path("space"), "key");
    }
    if (spaceKey != null) {
      body.put("space", Map.of("key", spaceKey));
    }
    body.put("ancestors", ancestors);
    body.put("body", storage(page.path("body").path("storage").path("value").asText("")));
    body.put(
        "version",
        Map.of("number", page.path("version").path("number").asInt() + 1, "minorEdit", true));
    V1WriteOutcome.put(api, roots.v1Content(id).build(), body);
    return note;
  }

  @Override
  public List<dev.conf.service.Restriction> restrictions(String pageId) {
    return new V1Restrictions(roots, api).restrictions(pageId);
  }

  @Override
  public List<dev.conf.service.Restriction> setRestrictions(
      String pageId, List<dev.conf.service.Restriction> all) {
    return new V1Restrictions(roots, api).setRestrictions(pageId, all);
  }

  /** Data Center's REST API (documents 9.3.1 and 10.0.3) has no template operations. */
  @Override
  public List<Template> templates(String spaceKey) {
    throw noTemplates();
  }

  @Override
  public Template template(String id) {
    throw noTemplates();
  }

  private static ConfException noTemplates() {
    return new ConfException(
        ExitCode.ERROR,
        "Confluence Data Center's REST API has no template operations: create the page from the"
            + " template in Confluence, or save a template's body as a file and use `conf page"
            + " create --file F`");
  }

  /**
   * The 10.0.3 document has no copy operation: the source is read ({@code GET
   * /rest/api/content/{id}?expand=body.storage,metadata.labels}) and created again under the new
   * parent ({@code POST /rest/api/content}), its labels added one by one ({@code POST
   * /rest/api/content/{id}/label}), with attachments each downloaded and uploaded again ({@code GET
   * /rest/api/content/{id}/child/attachment}, its download link, {@code POST
   * /rest/api/content/{id}/child/attachment}); with recursive, each descendant the same way,
   * parents first.
   */
  @Override
  public CopyResult copyPage(CopyRequest request) {
    JsonNode parent =
        api.get(roots.v1Content(request.parentId()).addQueryParameter("expand", "space").build());
    String spaceKey = Links.text(parent.path("space"), "key");
    if (spaceKey == null) {
      throw new ConfException(
          ExitCode.ERROR,
          "the server did not say which space page " + request.parentId() + " is in");
    }
    JsonNode source = readForCopy(request.sourceId());
    String title =
        request.title() != null ? request.title() : "Copy of " + Links.text(source, "title");
    JsonNode top = createCopy(source, title, spaceKey, request.parentId(), request);
    int pages = 1;
    if (request.recursive()) {
      Map<String, String> newIds = new HashMap<>();
      newIds.put(request.sourceId(), Links.text(top, "id"));
      List<JsonNode> below =
          new ArrayList<>(
              Pager.of(
                      api,
                      roots
                          .v1Content(request.sourceId())
                          .addPathSegments("descendant/page")
                          .addQueryParameter("expand", "ancestors")
                          .addQueryParameter("limit", String.valueOf(TREE_LIMIT))
                          .build(),
                      roots.v1(),
                      n -> n,
                      Long.MAX_VALUE)
                  .toList());
      below.sort(Comparator.comparingInt(n -> n.path("ancestors").size()));
      for (JsonNode d : below) {
        JsonNode anc = d.path("ancestors");
        String oldParent = Links.text(anc.get(anc.size() - 1), "id");
        JsonNode full = readForCopy(Links.text(d, "id"));
        JsonNode created =
            createCopy(
                full,
                "Copy of " + Links.text(full, "title"),
                spaceKey,
                newIds.get(oldParent),
                request);
        newIds.put(Links.text(d, "id"), Links.text(created, "id"));
        pages++;
      }
    }
    return new CopyResult(
        Links.text(top, "id"),
        Links.text(top, "title"),
        Links.webUrl(roots.webBase(), top),
        pages,
        null);
  }

  /** Data Center copies client-side, so there are no copy tasks to ask about. */
  @Override
  public TaskStatus copyTask(String taskId) {
    throw ConfException.notFound("no copy task " + taskId + ": Data Center copies without tasks");
  }

  private void copyAttachments(String fromId, String toId) {
    HttpUrl list =
        roots
            .v1Content(fromId)
            .addPathSegments("child/attachment")
            .addQueryParameter("limit", String.valueOf(V1Site.PAGE_LIMIT))
            .build();
    for (JsonNode a : Pager.of(api, list, roots.v1(), n -> n, Long.MAX_VALUE)) {
      String download = Links.text(a.path("_links"), "download");
      if (download == null) {
        continue;
      }
      HttpUrl url = HttpUrl.get(roots.v1().toString().replaceAll("/$", "") + download);
      byte[] bytes = api.download(url);
      String mediaType = Links.text(a.path("extensions"), "mediaType");
      if (mediaType == null) {
        mediaType = Links.text(a.path("metadata"), "mediaType");
      }
      api.upload(
          roots.v1Content(toId).addPathSegments("child/attachment").build(),
          Links.text(a, "title"),
          mediaType,
          bytes);
    }
  }

  private JsonNode readForCopy(String id) {
    return api.get(
        roots.v1Content(id).addQueryParameter("expand", "body.storage,metadata.labels").build());
  }

  private JsonNode createCopy(
      JsonNode source, String title, String spaceKey, String parentId, CopyRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "page");
    body.put("title", title);
    body.put("space", Map.of("key", spaceKey));
    body.put("ancestors", List.of(Map.of("id", parentId)));
    body.put("body", storage(source.path("body").path("storage").path("value").asText("")));
    JsonNode created = V1WriteOutcome.post(api, roots.v1("content").build(), body);
    String newId = Links.text(created, "id");
    if (request.withAttachments()) {
      copyAttachments(Links.text(source, "id"), newId);
    }
    if (request.withLabels()) {
      for (JsonNode l : source.path("metadata").path("labels").path("results")) {
        Map<String, Object> label = new LinkedHashMap<>();
        label.put("prefix", l.path("prefix").asText("global"));
        label.put("name", Links.text(l, "name"));
        api.send(
            "POST",
            roots.v1Content(Links.text(created, "id")).addPathSegment("label").build(),
            label);
      }
    }
    return created;
  }

  // ---- mapping

  private Page page(JsonNode c) {
    JsonNode version = c.path("version");
    JsonNode history = c.path("history");
    JsonNode ancestors = c.path("ancestors");
    List<String> labels = null;
    JsonNode labelResults = c.path("metadata").path("labels").path("results");
    if (labelResults.isArray()) {
      labels = new ArrayList<>();
      for (JsonNode l : labelResults) {
        labels.add(Links.text(l, "name"));
      }
    }
    String bodyFormat = null;
    String body = null;
    for (String f : List.of("storage", "view")) {
      JsonNode b = c.path("body").path(f);
      if (b.isObject() && b.has("value")) {
        bodyFormat = f;
        body = b.path("value").asText("");
      }
    }
    return Page.of(
        Links.text(c, "id"),
        Links.text(c, "type"),
        Links.text(c, "title"),
        Links.text(c, "status"),
        Links.text(c.path("space"), "id"),
        Links.text(c.path("space"), "key"),
        ancestors.isArray() && ancestors.size() > 0
            ? Links.text(ancestors.get(ancestors.size() - 1), "id")
            : null,
        version.path("number").asInt(0),
        Links.text(version, "message"),
        person(history.path("createdBy")),
        Links.text(history, "createdDate"),
        person(version.path("by")),
        Links.text(version, "when"),
        Links.webUrl(roots.webBase(), c),
        labels,
        bodyFormat,
        body);
  }

  private PageVersion version(JsonNode v) {
    return PageVersion.of(
        v.path("number").asInt(),
        person(v.path("by")),
        Links.text(v, "when"),
        Links.text(v, "message"),
        v.path("minorEdit").asBoolean(false));
  }

  private Person person(JsonNode p) {
    Person person = V1Users.person(p);
    if (person != null) {
      seen.accept(person);
    }
    return person;
  }

  private static PageNode node(JsonNode c) {
    JsonNode ancestors = c.path("ancestors");
    String parent =
        ancestors.isArray() && ancestors.size() > 0
            ? Links.text(ancestors.get(ancestors.size() - 1), "id")
            : null;
    JsonNode version = c.path("version").path("number");
    return new PageNode(
        Links.text(c, "id"),
        Links.text(c, "title"),
        "page",
        parent,
        null,
        version.isInt() ? version.asInt() : null);
  }

  private Map<String, Object> updateBody(ContentType type, Page current, String title) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", current.id());
    body.put("type", wireType(type));
    body.put("title", title);
    if (current.spaceKey() != null) {
      body.put("space", Map.of("key", current.spaceKey()));
    }
    return body;
  }

  private static Map<String, Object> storage(String value) {
    Map<String, Object> storage = new LinkedHashMap<>();
    storage.put("value", value == null ? "" : value);
    storage.put("representation", "storage");
    return Map.of("storage", storage);
  }

  private static ConfException notFound(
      ConfException e, ContentType type, String id, Integer version) {
    if (e.exitCode() == ExitCode.NOT_FOUND) {
      return ConfException.notFound(
          type.noun() + " " + id + (version == null ? "" : " version " + version) + " not found");
    }
    return e;
  }

  private static String wireType(ContentType type) {
    return type == ContentType.PAGE ? "page" : "blogpost";
  }
}
