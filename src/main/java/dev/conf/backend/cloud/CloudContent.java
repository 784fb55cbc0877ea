package dev.conf.backend.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.auth.Site;
import dev.conf.backend.Links;
import dev.conf.error.ConfException;
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
import dev.conf.service.TaskStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Pages and blog posts on Cloud: REST v2 ({@code /pages}, {@code /blogposts}, {@code
 * /pages/{id}/descendants}, {@code /spaces/{id}/pages}, versions, folders); v1 only for what v2 has
 * no operation for (move, copy, user names). Each method names the operation it calls.
 */
public final class CloudContent implements Pages {
  /** v2 descendants answer at most this many levels per request. */
  static final int V2_MAX_DEPTH = 10;

  private static final Pattern SPACE_IN_WEBUI = Pattern.compile("/spaces/([^/]+)/");

  private final Site site;
  private final ApiClient api;
  private final HttpUrl root;
  private final HttpUrl wiki;
  private final Function<String, String> spaceIdOfKey;

  CloudContent(Site site, ApiClient api, Function<String, String> spaceIdOfKey) {
    this.site = site;
    this.api = api;
    this.root = HttpUrl.get(site.root().toString());
    this.wiki = HttpUrl.get(site.apiBase().toString());
    this.spaceIdOfKey = spaceIdOfKey;
  }

  /** v2 {@code GET /pages/{id}} or {@code GET /blogposts/{id}}, with labels and the body. */
  @Override
  public Page getPage(ContentType type, String id, BodyFormat format, Integer version) {
    HttpUrl.Builder url =
        v2(collection(type))
            .addPathSegment(id)
            .addQueryParameter("body-format", format == BodyFormat.VIEW ? "view" : "storage")
            .addQueryParameter("include-labels", "true");
    if (version != null) {
      url.addQueryParameter("version", String.valueOf(version));
    }
    try {
      return page(type, api.get(url.build()));
    } catch (ConfException e) {
      throw notFound(e, type, id, version);
    }
  }

  /** v2 {@code GET /pages?space-id=&title=} (or {@code /blogposts}): an exact title. */
  @Override
  public Page findByTitle(ContentType type, String spaceKey, String title) {
    HttpUrl url =
        v2(collection(type))
            .addQueryParameter("space-id", spaceIdOfKey.apply(spaceKey))
            .addQueryParameter("title", title)
            .addQueryParameter("limit", "1")
            .build();
    Iterator<Page> found = Pager.of(api, url, root, p -> page(type, p), 1).iterator();
    if (!found.hasNext()) {
      throw ConfException.notFound(
          "no " + type.noun() + " titled '" + title + "' in space " + spaceKey);
    }
    return found.next();
  }

  /** v2 {@code GET /pages?space-id=} (or {@code /blogposts}), cursor-paged. */
  @Override
  public List<Page> listPages(ContentType type, PageQuery query, long limit) {
    if ("draft".equals(query.status())) {
      throw ConfException.usage(
          "Confluence Cloud cannot list drafts (its API lists current, archived and trashed"
              + " content)");
    }
    if (type == ContentType.BLOGPOST && "archived".equals(query.status())) {
      throw ConfException.usage("Confluence Cloud does not archive blog posts");
    }
    HttpUrl.Builder url =
        v2(collection(type))
            .addQueryParameter("space-id", spaceIdOfKey.apply(query.spaceKey()))
            .addQueryParameter("limit", String.valueOf(Math.min(limit, CloudBackend.V2_MAX_LIMIT)));
    if (query.title() != null) {
      url.addQueryParameter("title", query.title());
    }
    if (query.status() != null) {
      url.addQueryParameter("status", query.status());
    }
    return Pager.of(api, url.build(), root, p -> page(type, p), limit).toList();
  }

  /** v2 {@code POST /pages} or {@code POST /blogposts}. */
  @Override
  public Page createPage(ContentType type, NewPage draft) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("spaceId", spaceIdOfKey.apply(draft.spaceKey()));
    body.put("status", "current");
    body.put("title", draft.title());
    if (type == ContentType.PAGE && draft.parentId() != null) {
      body.put("parentId", draft.parentId());
    }
    body.put("body", storage(draft.storageBody()));
    return page(type, api.send("POST", v2(collection(type)).build(), body));
  }

  /**
   * v2 {@code PUT /pages/{id}} or {@code PUT /blogposts/{id}} with the version read plus one; the
   * server answers 409 when someone saved in between. v2 has no minor-edit flag. A new {@code
   * parentId} moves the page in the same save.
   */
  @Override
  public Page updatePage(ContentType type, PageUpdate update) {
    Map<String, Object> version = new LinkedHashMap<>();
    version.put("number", update.nextVersion());
    if (update.message() != null) {
      version.put("message", update.message());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", update.current().id());
    body.put("status", "current");
    body.put("title", update.title());
    if (type == ContentType.PAGE && update.moves()) {
      body.put("parentId", update.parentId());
    }
    body.put("body", storage(update.storageBody()));
    body.put("version", version);
    String id = update.current().id();
    return page(type, api.send("PUT", v2(collection(type)).addPathSegment(id).build(), body));
  }

  /**
   * v2 {@code DELETE /pages/{id}} (to the trash); with purge a second {@code DELETE
   * ...?purge=true}, which Cloud only accepts for trashed content.
   */
  @Override
  public void deletePage(ContentType type, String id, boolean purge) {
    HttpUrl url = v2(collection(type)).addPathSegment(id).build();
    try {
      api.send("DELETE", url, null);
    } catch (ConfException e) {
      throw notFound(e, type, id, null);
    }
    if (purge) {
      api.send("DELETE", url.newBuilder().addQueryParameter("purge", "true").build(), null);
    }
  }

  /** v2 {@code GET /pages/{id}/direct-children}: pages, folders and other content, in order. */
  @Override
  public List<PageNode> childPages(String id, long limit) {
    HttpUrl url =
        v2("pages")
            .addPathSegment(id)
            .addPathSegment("direct-children")
            .addQueryParameter("limit", String.valueOf(Math.min(limit, CloudBackend.V2_MAX_LIMIT)))
            .build();
    return Pager.of(api, url, root, c -> node(c, id, "childPosition"), limit).toList();
  }

  /**
   * v2 {@code GET /pages/{id}/descendants} (or {@code /folders/{id}/descendants}), {@code
   * limit=250}, {@code depth} up to the 10 levels the operation allows. Content at the deepest
   * level answered is asked again for its own descendants, so a tree deeper than 10 levels costs
   * one more request per node at each tenth level; any other tree costs ceil(N / 250) requests.
   */
  @Override
  public List<PageNode> descendants(String id, int maxDepth) {
    List<PageNode> out = new ArrayList<>();
    record Todo(String id, String type, int depth) {}
    Deque<Todo> todo = new ArrayDeque<>();
    todo.add(new Todo(id, "page", 0));
    while (!todo.isEmpty()) {
      Todo t = todo.removeFirst();
      int ask = Math.min(maxDepth - t.depth(), V2_MAX_DEPTH);
      String parentCollection = "folder".equals(t.type()) ? "folders" : "pages";
      HttpUrl url =
          v2(parentCollection)
              .addPathSegment(t.id())
              .addPathSegment("descendants")
              .addQueryParameter("limit", String.valueOf(CloudBackend.V2_MAX_LIMIT))
              .addQueryParameter("depth", String.valueOf(ask))
              .build();
      for (JsonNode d : Pager.of(api, url, root, n -> n, Long.MAX_VALUE)) {
        PageNode node = node(d, Links.text(d, "parentId"), "childPosition");
        out.add(node);
        int level = d.path("depth").asInt(0);
        boolean expandable = "page".equals(node.type()) || "folder".equals(node.type());
        if (level == ask && t.depth() + ask < maxDepth && expandable) {
          todo.add(new Todo(node.id(), node.type(), t.depth() + ask));
        }
      }
    }
    return out;
  }

  /**
   * Every page of a space with its parent: v2 {@code GET /spaces/{id}/pages?depth=all} (250 a
   * request), then v2 {@code GET /folders/{id}} once for each folder pages sit in, since folders
   * are not pages and that listing leaves them out.
   */
  @Override
  public List<PageNode> spacePageTree(String spaceKey) {
    return spacePageTree(spaceKey, n -> {});
  }

  /** {@link #spacePageTree(String)}, telling {@code listed} about each node as it arrives. */
  @Override
  public List<PageNode> spacePageTree(String spaceKey, Consumer<PageNode> listed) {
    HttpUrl url =
        v2("spaces")
            .addPathSegment(spaceIdOfKey.apply(spaceKey))
            .addPathSegment("pages")
            .addQueryParameter("depth", "all")
            .addQueryParameter("limit", String.valueOf(CloudBackend.V2_MAX_LIMIT))
            .build();
    List<PageNode> out = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    Map<String, String> parentTypes = new HashMap<>();
    for (JsonNode p : Pager.of(api, url, root, n -> n, Long.MAX_VALUE)) {
      PageNode node = node(p, Links.text(p, "parentId"), "position");
      out.add(node);
      listed.accept(node);
      ids.add(node.id());
      if (node.parentId() != null) {
        parentTypes.put(node.id(), Links.text(p, "parentType"));
      }
    }
    Deque<String> folders = new ArrayDeque<>();
    for (PageNode n : out) {
      if (n.parentId() != null
          && !ids.contains(n.parentId())
          && "folder".equals(parentTypes.get(n.id()))) {
        folders.add(n.parentId());
        ids.add(n.parentId());
      }
    }
    while (!folders.isEmpty()) {
      JsonNode f = api.get(v2("folders").addPathSegment(folders.removeFirst()).build());
      String parent = Links.text(f, "parentId");
      boolean parentIsFolder = "folder".equals(Links.text(f, "parentType"));
      PageNode folder =
          new PageNode(
              Links.text(f, "id"),
              Links.text(f, "title"),
              "folder",
              parent,
              f.path("position").isInt() ? f.path("position").asInt() : null,
              null);
      out.add(folder);
      listed.accept(folder);
      if (parent != null && parentIsFolder && ids.add(parent)) {
        folders.add(parent);
      }
    }
    return out;
  }

  /**
   * v2 {@code GET /pages?id=a&id=b&...&limit=250}: the operation takes up to 250 ids, so the
   * current versions of N pages cost ceil(N / 250) requests, without bodies. The ids are repeated
   * parameters, the document's (default, exploded) form for an array; its prose also allows a
   * comma-separated list.
   */
  @Override
  public Map<String, Integer> pageVersionsById(Collection<String> ids) {
    List<String> all = ids.stream().distinct().toList();
    Map<String, Integer> out = new HashMap<>();
    for (int from = 0; from < all.size(); from += CloudBackend.V2_MAX_LIMIT) {
      List<String> chunk =
          all.subList(from, Math.min(all.size(), from + CloudBackend.V2_MAX_LIMIT));
      HttpUrl.Builder url = v2("pages");
      chunk.forEach(id -> url.addQueryParameter("id", id));
      url.addQueryParameter("limit", String.valueOf(CloudBackend.V2_MAX_LIMIT));
      for (JsonNode p : Pager.of(api, url.build(), root, n -> n, Long.MAX_VALUE)) {
        JsonNode number = p.path("version").path("number");
        if (number.isInt()) {
          out.put(Links.text(p, "id"), number.asInt());
        }
      }
    }
    return out;
  }

  /** v2 {@code GET /pages/{id}/versions} (or {@code /blogposts/{id}/versions}), newest first. */
  @Override
  public List<PageVersion> pageVersions(ContentType type, String id, long limit) {
    HttpUrl url =
        v2(collection(type))
            .addPathSegment(id)
            .addPathSegment("versions")
            .addQueryParameter("sort", "-modified-date")
            .addQueryParameter("limit", String.valueOf(Math.min(limit, CloudBackend.V2_MAX_LIMIT)))
            .build();
    try {
      return Pager.of(
              api,
              url,
              root,
              v ->
                  new PageVersion(
                      v.path("number").asInt(),
                      Links.text(v, "authorId"),
                      Links.text(v, "createdAt"),
                      Links.text(v, "message"),
                      v.path("minorEdit").asBoolean(false)),
              limit)
          .toList();
    } catch (ConfException e) {
      throw notFound(e, type, id, null);
    }
  }

  /** v1 {@code PUT /wiki/rest/api/content/{pageId}/move/{position}/{targetId}}: v2 cannot move. */
  @Override
  public String movePage(String id, MovePosition position, String targetId) {
    HttpUrl url =
        v1("content")
            .addPathSegment(id)
            .addPathSegment("move")
            .addPathSegment(position.name().toLowerCase(Locale.ROOT))
            .addPathSegment(targetId)
            .build();
    api.send("PUT", url, null);
    return null;
  }

  /**
   * v1 {@code POST /wiki/rest/api/content/{id}/copy} for one page (after v2 {@code GET /pages/{id}}
   * when the title is conf's default "Copy of ..."), or v1 {@code POST
   * /wiki/rest/api/content/{id}/pagehierarchy/copy} for a hierarchy, which the server does as a
   * long-running task. v2 has no copy operation.
   */
  @Override
  public CopyResult copyPage(CopyRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("copyAttachments", request.withAttachments());
    body.put("copyPermissions", false);
    body.put("copyProperties", true);
    body.put("copyLabels", request.withLabels());
    body.put("copyCustomContents", false);
    if (request.recursive()) {
      body.put("copyDescendants", true);
      body.put("destinationPageId", request.parentId());
      body.put("titleOptions", Map.of("prefix", "Copy of "));
      JsonNode task =
          api.send(
              "POST",
              v1("content")
                  .addPathSegment(request.sourceId())
                  .addPathSegment("pagehierarchy")
                  .addPathSegment("copy")
                  .build(),
              body);
      return new CopyResult(null, null, null, 0, Links.text(task, "id"));
    }
    String title = request.title();
    if (title == null) {
      title =
          "Copy of "
              + getPage(ContentType.PAGE, request.sourceId(), BodyFormat.STORAGE, null).title();
    }
    body.put("destination", Map.of("type", "parent_page", "value", request.parentId()));
    body.put("pageTitle", title);
    JsonNode copy =
        api.send(
            "POST",
            v1("content").addPathSegment(request.sourceId()).addPathSegment("copy").build(),
            body);
    return new CopyResult(
        Links.text(copy, "id"),
        Links.text(copy, "title"),
        Links.webUrl(site.webBase(), copy),
        1,
        null);
  }

  /** v1 {@code GET /wiki/rest/api/longtask/{id}}: how a hierarchy copy is getting on. */
  @Override
  public TaskStatus copyTask(String taskId) {
    JsonNode t = api.get(v1("longtask").addPathSegment(taskId).build());
    String message = null;
    for (String field : List.of("messages", "errors")) {
      for (JsonNode m : t.path(field)) {
        String text = Links.text(m, "translation");
        if (text == null) {
          text = Links.text(m, "key");
        }
        if (text != null) {
          message = text;
        }
      }
    }
    return new TaskStatus(
        taskId,
        t.path("finished").asBoolean(false),
        t.path("successful").asBoolean(false),
        t.path("percentageComplete").asInt(0),
        Links.text(t.path("additionalDetails"), "destinationId"),
        message);
  }

  /**
   * v1 {@code GET /wiki/rest/api/user/bulk}: display names for account ids, since v2 gives only
   * ids. Names are a courtesy: when the lookup fails the ids are shown instead.
   */
  Map<String, String> userNames(Collection<String> accountIds) {
    Map<String, String> names = new HashMap<>();
    List<String> ids =
        accountIds.stream().filter(i -> i != null && !i.isBlank()).distinct().toList();
    if (ids.isEmpty()) {
      return names;
    }
    try {
      // The operation takes up to 100 ids at a time.
      for (int from = 0; from < ids.size(); from += 100) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 100));
        JsonNode users =
            api.get(
                v1("user/bulk").addQueryParameter("accountId", String.join(",", chunk)).build());
        for (JsonNode u : users.path("results")) {
          String name = Links.text(u, "displayName");
          names.put(Links.text(u, "accountId"), name != null ? name : Links.text(u, "publicName"));
        }
      }
    } catch (ConfException e) {
      // Fall back to ids: a missing name must not fail a read that otherwise worked.
    }
    return names;
  }

  // ---- mapping

  private Page page(ContentType type, JsonNode p) {
    JsonNode version = p.path("version");
    List<String> labels = null;
    if (p.path("labels").path("results").isArray()) {
      labels = new ArrayList<>();
      for (JsonNode l : p.path("labels").path("results")) {
        labels.add(Links.text(l, "name"));
      }
    }
    String bodyFormat = null;
    String body = null;
    for (String f : List.of("storage", "view")) {
      JsonNode b = p.path("body").path(f);
      if (b.isObject() && b.has("value")) {
        bodyFormat = f;
        body = b.path("value").asText("");
      }
    }
    String webui = Links.text(p.path("_links"), "webui");
    String spaceKey = null;
    if (webui != null) {
      Matcher m = SPACE_IN_WEBUI.matcher(webui);
      if (m.find()) {
        spaceKey = m.group(1);
      }
    }
    return new Page(
        Links.text(p, "id"),
        type == ContentType.PAGE ? "page" : "blogpost",
        Links.text(p, "title"),
        Links.text(p, "status"),
        Links.text(p, "spaceId"),
        spaceKey,
        Links.text(p, "parentId"),
        version.path("number").asInt(0),
        Links.text(version, "message"),
        Links.text(p, "authorId"),
        Links.text(p, "createdAt"),
        Links.text(version, "authorId"),
        Links.text(version, "createdAt"),
        Links.webUrl(site.webBase(), p),
        labels,
        bodyFormat,
        body);
  }

  private static PageNode node(JsonNode n, String parentId, String positionField) {
    JsonNode pos = n.path(positionField);
    String type = Links.text(n, "type");
    JsonNode version = n.path("version").path("number");
    return new PageNode(
        Links.text(n, "id"),
        Links.text(n, "title"),
        type == null ? "page" : type,
        parentId,
        pos.isNumber() ? pos.asInt() : null,
        version.isInt() ? version.asInt() : null);
  }

  private static Map<String, Object> storage(String value) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("representation", "storage");
    body.put("value", value == null ? "" : value);
    return body;
  }

  private static ConfException notFound(
      ConfException e, ContentType type, String id, Integer version) {
    if (e.exitCode() == dev.conf.error.ExitCode.NOT_FOUND) {
      return ConfException.notFound(
          type.noun() + " " + id + (version == null ? "" : " version " + version) + " not found");
    }
    return e;
  }

  private static String collection(ContentType type) {
    return type == ContentType.PAGE ? "pages" : "blogposts";
  }

  private HttpUrl.Builder v2(String path) {
    return root.newBuilder().addPathSegments("wiki/api/v2").addPathSegments(path);
  }

  private HttpUrl.Builder v1(String path) {
    return wiki.newBuilder().addPathSegments("rest/api").addPathSegments(path);
  }
}
