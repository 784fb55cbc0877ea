package dev.conf.backend.v2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.backend.ApiRoots;
import dev.conf.backend.Links;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.http.ApiClient;
import dev.conf.http.Pager;
import dev.conf.service.BodyFormat;
import dev.conf.service.ContentType;
import dev.conf.service.MovePosition;
import dev.conf.service.NewPage;
import dev.conf.service.Page;
import dev.conf.service.PageNode;
import dev.conf.service.PageQuery;
import dev.conf.service.PageUpdate;
import dev.conf.service.PageVersion;
import dev.conf.service.Person;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Pages and blog posts through Cloud REST v2 ({@code /pages}, {@code /blogposts}, {@code
 * /pages/{id}/descendants}, {@code /spaces/{id}/pages}, versions, folders): every {@link
 * dev.conf.service.Pages} operation v2 has, with the same signature, for a deployment's routing
 * table to pick. Each method names the operation it calls.
 */
public final class V2Pages {
  /** v2 descendants answer at most this many levels per request. */
  static final int V2_MAX_DEPTH = 10;

  private static final Pattern SPACE_IN_WEBUI = Pattern.compile("/spaces/([^/]+)/");

  private final ApiRoots roots;
  private final ApiClient api;
  private final Function<String, String> spaceIdOfKey;

  public V2Pages(ApiRoots roots, ApiClient api, Function<String, String> spaceIdOfKey) {
    this.roots = roots;
    this.api = api;
    this.spaceIdOfKey = spaceIdOfKey;
  }

  /** v2 {@code GET /pages/{id}} or {@code GET /blogposts/{id}}, with labels and the body. */
  public Page getPage(ContentType type, String id, BodyFormat format, Integer version) {
    HttpUrl.Builder url =
        roots
            .v2(collection(type))
            .addPathSegment(id)
            .addQueryParameter("body-format", format == BodyFormat.VIEW ? "view" : "storage")
            .addQueryParameter("include-labels", "true");
    if (version != null) {
      url.addQueryParameter("version", String.valueOf(version));
    }
    try {
      return page(type, api.get(url.build()));
    } catch (ConfException e) {
      if (version != null || e.exitCode() != ExitCode.NOT_FOUND) {
        throw notFound(e, type, id, version);
      }
      // A page in the trash is found only when asked for by its status.
      try {
        return page(type, api.get(url.addQueryParameter("status", "trashed").build()));
      } catch (ConfException again) {
        throw notFound(again.exitCode() == ExitCode.NOT_FOUND ? e : again, type, id, null);
      }
    }
  }

  /** v2 {@code GET /pages?space-id=&title=} (or {@code /blogposts}): an exact title. */
  public Page findByTitle(ContentType type, String spaceKey, String title) {
    HttpUrl url =
        roots
            .v2(collection(type))
            .addQueryParameter("space-id", spaceIdOfKey.apply(spaceKey))
            .addQueryParameter("title", title)
            .addQueryParameter("limit", "1")
            .build();
    Iterator<Page> found = Pager.of(api, url, roots.v2(), p -> page(type, p), 1).iterator();
    if (!found.hasNext()) {
      throw ConfException.notFound(
          "no " + type.noun() + " titled '" + title + "' in space " + spaceKey);
    }
    return found.next();
  }

  /** v2 {@code GET /pages?space-id=} (or {@code /blogposts}), cursor-paged. */
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
        roots
            .v2(collection(type))
            .addQueryParameter("space-id", spaceIdOfKey.apply(query.spaceKey()))
            .addQueryParameter("limit", String.valueOf(Math.min(limit, V2Site.MAX_LIMIT)));
    if (query.title() != null) {
      url.addQueryParameter("title", query.title());
    }
    if (query.status() != null) {
      url.addQueryParameter("status", query.status());
    }
    return Pager.of(api, url.build(), roots.v2(), p -> page(type, p), limit).toList();
  }

  /** v2 {@code POST /pages} or {@code POST /blogposts}. */
  public Page createPage(ContentType type, NewPage draft) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("spaceId", spaceIdOfKey.apply(draft.spaceKey()));
    body.put("status", "current");
    body.put("title", draft.title());
    if (type == ContentType.PAGE && draft.parentId() != null) {
      body.put("parentId", draft.parentId());
    }
    body.put("body", storage(draft.storageBody()));
    return page(type, V2WriteOutcome.post(api, roots.v2(collection(type)).build(), body));
  }

  /**
   * v2 {@code PUT /pages/{id}} or {@code PUT /blogposts/{id}} with the version read plus one; the
   * server answers 409 when someone saved in between. v2 has no minor-edit flag. A new {@code
   * parentId} moves the page in the same save.
   */
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
    return page(
        type, V2WriteOutcome.put(api, roots.v2(collection(type)).addPathSegment(id).build(), body));
  }

  /**
   * v2 {@code DELETE /pages/{id}} (to the trash); with purge a second {@code DELETE
   * ...?purge=true}, which Cloud only accepts for trashed content.
   */
  public void deletePage(ContentType type, String id, boolean purge) {
    HttpUrl url = roots.v2(collection(type)).addPathSegment(id).build();
    try {
      api.send("DELETE", url, null);
    } catch (ConfException e) {
      throw notFound(e, type, id, null);
    }
    if (purge) {
      api.send("DELETE", url.newBuilder().addQueryParameter("purge", "true").build(), null);
    }
  }

  /**
   * v2 {@code DELETE /pages/{id}?purge=true} (or {@code /blogposts/{id}}): the document's purge,
   * which Cloud accepts only for content already in the trash.
   */
  public void purgePage(ContentType type, String id) {
    try {
      api.send(
          "DELETE",
          roots.v2(collection(type)).addPathSegment(id).addQueryParameter("purge", "true").build(),
          null);
    } catch (ConfException e) {
      throw notFound(e, type, id, null);
    }
  }

  /**
   * v2 {@code PUT /pages/{id}} (or {@code /blogposts/{id}}) with {@code status: current} and the
   * next version: the document's way to restore trashed content, which changes only the status (the
   * title and body sent are the page's own, as the operation requires them).
   */
  public Page restoreFromTrash(ContentType type, Page trashed) {
    Map<String, Object> version = new LinkedHashMap<>();
    version.put("number", trashed.version() + 1);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", trashed.id());
    body.put("status", "current");
    body.put("title", trashed.title());
    body.put("body", storage(trashed.body()));
    body.put("version", version);
    HttpUrl url = roots.v2(collection(type)).addPathSegment(trashed.id()).build();
    try {
      return page(type, api.send("PUT", url, body));
    } catch (ConfException e) {
      throw notFound(e, type, trashed.id(), null);
    }
  }

  /** v2 {@code GET /pages/{id}/direct-children}: pages, folders and other content, in order. */
  public List<PageNode> childPages(String id, long limit) {
    HttpUrl url =
        roots
            .v2("pages")
            .addPathSegment(id)
            .addPathSegment("direct-children")
            .addQueryParameter("limit", String.valueOf(Math.min(limit, V2Site.MAX_LIMIT)))
            .build();
    return Pager.of(api, url, roots.v2(), c -> node(c, id, "childPosition"), limit).toList();
  }

  /**
   * v2 {@code GET /pages/{id}/descendants} (or {@code /folders/{id}/descendants}), {@code
   * limit=250}, {@code depth} up to the 10 levels the operation allows. Content at the deepest
   * level answered is asked again for its own descendants, so a tree deeper than 10 levels costs
   * one more request per node at each tenth level; any other tree costs ceil(N / 250) requests.
   */
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
          roots
              .v2(parentCollection)
              .addPathSegment(t.id())
              .addPathSegment("descendants")
              .addQueryParameter("limit", String.valueOf(V2Site.MAX_LIMIT))
              .addQueryParameter("depth", String.valueOf(ask))
              .build();
      for (JsonNode d : Pager.of(api, url, roots.v2(), n -> n, Long.MAX_VALUE)) {
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
  public List<PageNode> spacePageTree(String spaceKey) {
    return spacePageTree(spaceKey, n -> {});
  }

  /** {@link #spacePageTree(String)}, telling {@code listed} about each node as it arrives. */
  public List<PageNode> spacePageTree(String spaceKey, Consumer<PageNode> listed) {
    HttpUrl url =
        roots
            .v2("spaces")
            .addPathSegment(spaceIdOfKey.apply(spaceKey))
            .addPathSegment("pages")
            .addQueryParameter("depth", "all")
            .addQueryParameter("limit", String.valueOf(V2Site.MAX_LIMIT))
            .build();
    List<PageNode> out = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    Map<String, String> parentTypes = new HashMap<>();
    for (JsonNode p : Pager.of(api, url, roots.v2(), n -> n, Long.MAX_VALUE)) {
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
      JsonNode f = api.get(roots.v2("folders").addPathSegment(folders.removeFirst()).build());
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
  public Map<String, Integer> pageVersionsById(Collection<String> ids) {
    List<String> all = ids.stream().distinct().toList();
    Map<String, Integer> out = new HashMap<>();
    for (int from = 0; from < all.size(); from += V2Site.MAX_LIMIT) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + V2Site.MAX_LIMIT));
      HttpUrl.Builder url = roots.v2("pages");
      chunk.forEach(id -> url.addQueryParameter("id", id));
      url.addQueryParameter("limit", String.valueOf(V2Site.MAX_LIMIT));
      for (JsonNode p : Pager.of(api, url.build(), roots.v2(), n -> n, Long.MAX_VALUE)) {
        JsonNode number = p.path("version").path("number");
        if (number.isInt()) {
          out.put(Links.text(p, "id"), number.asInt());
        }
      }
    }
    return out;
  }

  /** v2 {@code GET /pages/{id}/versions} (or {@code /blogposts/{id}/versions}), newest first. */
  public List<PageVersion> pageVersions(ContentType type, String id, long limit) {
    HttpUrl url =
        roots
            .v2(collection(type))
            .addPathSegment(id)
            .addPathSegment("versions")
            .addQueryParameter("sort", "-modified-date")
            .addQueryParameter("limit", String.valueOf(Math.min(limit, V2Site.MAX_LIMIT)))
            .build();
    try {
      return Pager.of(
              api,
              url,
              roots.v2(),
              v ->
                  PageVersion.of(
                      v.path("number").asInt(),
                      person(Links.text(v, "authorId")),
                      Links.text(v, "createdAt"),
                      Links.text(v, "message"),
                      v.path("minorEdit").asBoolean(false)),
              limit)
          .toList();
    } catch (ConfException e) {
      throw notFound(e, type, id, null);
    }
  }

  /**
   * A move through v2 alone, for profiles that cannot reach v1's move operation (OAuth through the
   * gateway): v2 {@code GET /pages/{id}?body-format=storage} and {@code GET /pages/{targetId}},
   * then {@code PUT /pages/{id}} with the page as it is, the version plus one and the new {@code
   * parentId}. v2 moves only within a space and cannot order siblings: before and after put the
   * page under the target's parent, and the note says so.
   */
  public String movePage(String id, MovePosition position, String targetId) {
    JsonNode page = read(id);
    JsonNode target = read(targetId);
    String spaceId = Links.text(page, "spaceId");
    if (spaceId != null && !spaceId.equals(Links.text(target, "spaceId"))) {
      throw new ConfException(
          dev.conf.error.ExitCode.ERROR,
          "page "
              + id
              + " and "
              + targetId
              + " are in different spaces: Confluence Cloud's REST v2 moves pages only within"
              + " their space, and its v1 move is not served to OAuth apps; move it with a profile"
              + " logged in with an API token");
    }
    String parent = position == MovePosition.APPEND ? targetId : Links.text(target, "parentId");
    if (parent == null) {
      throw new ConfException(
          dev.conf.error.ExitCode.ERROR,
          "page " + targetId + " has no parent to put page " + id + " beside");
    }
    Map<String, Object> version = new LinkedHashMap<>();
    version.put("number", page.path("version").path("number").asInt() + 1);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("status", "current");
    body.put("title", Links.text(page, "title"));
    body.put("parentId", parent);
    body.put("body", storage(page.path("body").path("storage").path("value").asText("")));
    body.put("version", version);
    V2WriteOutcome.put(api, roots.v2("pages").addPathSegment(id).build(), body);
    return position == MovePosition.APPEND
        ? null
        : "Confluence Cloud's REST v2 cannot order pages among their siblings: the page was placed"
            + " under the same parent as "
            + targetId
            + ", at the position the server chose";
  }

  private JsonNode read(String id) {
    try {
      return api.get(
          roots.v2("pages").addPathSegment(id).addQueryParameter("body-format", "storage").build());
    } catch (ConfException e) {
      throw notFound(e, ContentType.PAGE, id, null);
    }
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
    return Page.of(
        Links.text(p, "id"),
        type == ContentType.PAGE ? "page" : "blogpost",
        Links.text(p, "title"),
        Links.text(p, "status"),
        Links.text(p, "spaceId"),
        spaceKey,
        Links.text(p, "parentId"),
        version.path("number").asInt(0),
        Links.text(version, "message"),
        person(Links.text(p, "authorId")),
        Links.text(p, "createdAt"),
        person(Links.text(version, "authorId")),
        Links.text(version, "createdAt"),
        Links.webUrl(roots.webBase(), p),
        labels,
        bodyFormat,
        body);
  }

  /** Someone v2 names only by account id; {@link dev.conf.service.ConfluenceService#people}. */
  static Person person(String accountId) {
    return accountId == null ? null : Person.ofId(accountId);
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
}
