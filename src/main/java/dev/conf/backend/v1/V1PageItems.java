package dev.conf.backend.v1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.backend.ApiRoots;
import dev.conf.backend.Links;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.http.ApiClient;
import dev.conf.http.Pager;
import dev.conf.service.Attachment;
import dev.conf.service.Comment;
import dev.conf.service.ContentProperty;
import dev.conf.service.ContentType;
import dev.conf.service.Label;
import dev.conf.service.PageItems;
import dev.conf.service.Transfer;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * What hangs off a page or blog post through REST v1, as Data Center's 10.0.3 document has it
 * (Cloud uses its label removal and space-wide attachment search): labels, attachments and comments
 * at {@code /rest/api/content/{id}/...}, which serves both types alike: the {@link ContentType}
 * arguments only name the content in messages (and a known blog post as a comment's container).
 * Each method names the operation it calls.
 */
public final class V1PageItems implements PageItems {
  private static final String ATTACHMENT_EXPAND = "version,container";
  private static final String COMMENT_EXPAND =
      "body.storage,version,history,ancestors,container,extensions.inlineProperties,"
          + "extensions.resolution";

  private final ApiRoots roots;
  private final ApiClient api;

  public V1PageItems(ApiRoots roots, ApiClient api) {
    this.roots = roots;
    this.api = api;
  }

  // ---- labels

  /** {@code GET /rest/api/content/{id}/label}, start/limit-paged. */
  @Override
  public List<Label> labels(ContentType type, String id) {
    HttpUrl url =
        roots
            .v1Content(id)
            .addPathSegment("label")
            .addQueryParameter("limit", String.valueOf(V1Site.PAGE_LIMIT))
            .build();
    try {
      return Pager.of(
              api,
              url,
              roots.v1(),
              l -> new Label(Links.text(l, "name"), Links.text(l, "prefix"), Links.text(l, "id")),
              Long.MAX_VALUE)
          .toList();
    } catch (ConfException e) {
      throw notFound(e, type, id);
    }
  }

  /**
   * {@code POST /rest/api/content/{id}/label}, one request a label: the 10.0.3 document declares
   * the body as a single label.
   */
  @Override
  public void addLabels(String id, List<String> names) {
    for (String name : names) {
      Map<String, Object> label = new LinkedHashMap<>();
      label.put("prefix", "global");
      label.put("name", name);
      try {
        api.send("POST", roots.v1Content(id).addPathSegment("label").build(), label);
      } catch (ConfException e) {
        throw notFound(e, null, id);
      }
    }
  }

  /** {@code DELETE /rest/api/content/{id}/label?name=}. */
  @Override
  public void removeLabel(String id, String name) {
    api.send(
        "DELETE",
        roots.v1Content(id).addPathSegment("label").addQueryParameter("name", name).build(),
        null);
  }

  // ---- attachments

  /** {@code GET /rest/api/content/{id}/child/attachment?expand=version,container}. */
  @Override
  public List<Attachment> attachments(ContentType type, String id, long limit) {
    return listAttachments(type, id, null, limit);
  }

  /**
   * {@code GET /rest/api/content/search} with CQL (Cloud's v2 has no space-wide listing either).
   */
  @Override
  public List<Attachment> attachmentsInSpace(String spaceKey) {
    return ContentSearch.attachmentsInSpace(
        api, roots.v1("content/search").build(), roots.v1(), spaceKey);
  }

  private List<Attachment> listAttachments(
      ContentType type, String pageId, String filename, long limit) {
    HttpUrl.Builder url =
        roots
            .v1Content(pageId)
            .addPathSegments("child/attachment")
            .addQueryParameter("expand", ATTACHMENT_EXPAND)
            .addQueryParameter("limit", String.valueOf(Math.min(limit, V1Site.PAGE_LIMIT)));
    if (filename != null) {
      url.addQueryParameter("filename", filename);
    }
    try {
      return Pager.of(
              api,
              url.build(),
              roots.v1(),
              a -> V1Attachments.attachment(a, roots.v1(), pageId),
              limit)
          .toList();
    } catch (ConfException e) {
      throw notFound(e, type, pageId);
    }
  }

  /** {@code GET /rest/api/content/{id}?expand=version,container}: attachments are content. */
  @Override
  public Attachment attachment(String id) {
    JsonNode a;
    try {
      a = api.get(roots.v1Content(id).addQueryParameter("expand", ATTACHMENT_EXPAND).build());
    } catch (ConfException e) {
      if (e.exitCode() == ExitCode.NOT_FOUND) {
        throw ConfException.notFound("attachment " + id + " not found");
      }
      throw e;
    }
    String type = Links.text(a, "type");
    if (type != null && !type.equals("attachment")) {
      throw ConfException.notFound(id + " is a " + type + ", not an attachment");
    }
    return V1Attachments.attachment(a, roots.v1(), null);
  }

  /**
   * {@code GET /rest/api/content/{id}/child/attachment?filename=} to find one of the same name,
   * then {@code POST /rest/api/content/{id}/child/attachment} for a new attachment or {@code POST
   * /rest/api/content/{id}/child/attachment/{attachmentId}/data} for a new version of that one.
   */
  @Override
  public Attachment uploadAttachment(
      ContentType type,
      String pageId,
      Path file,
      String name,
      String comment,
      boolean minor,
      Transfer progress) {
    String existing = null;
    for (Attachment a : listAttachments(type, pageId, name, Long.MAX_VALUE)) {
      if (name.equals(a.name())) {
        existing = a.id();
        break;
      }
    }
    return V1Attachments.upload(
        api,
        roots.v1Content(pageId).build(),
        existing,
        file,
        name,
        comment,
        minor,
        progress,
        roots.v1(),
        pageId);
  }

  /** The attachment's {@code _links.download} (under the context path). */
  @Override
  public long downloadAttachment(Attachment a, OutputStream out, Transfer progress) {
    if (a.downloadUrl() == null) {
      throw new ConfException(
          ExitCode.ERROR, "the server gave no download link for attachment " + a.id());
    }
    return api.download(HttpUrl.get(a.downloadUrl()), out, progress::progressed);
  }

  /**
   * {@code DELETE /rest/api/content/{id}/child/attachment/{attachmentId}}; {@code DELETE
   * /rest/api/content/{attachmentId}} when the page is not known.
   */
  @Override
  public void deleteAttachment(Attachment a) {
    HttpUrl url =
        a.pageId() != null
            ? roots
                .v1Content(a.pageId())
                .addPathSegments("child/attachment")
                .addPathSegment(a.id())
                .build()
            : roots.v1Content(a.id()).build();
    api.send("DELETE", url, null);
  }

  // ---- comments

  /**
   * {@code GET /rest/api/content/{id}/child/comment?depth=all&location=footer|inline}: replies come
   * in the same listing (each with its ancestors), so the top-level limit is applied here.
   */
  @Override
  public List<Comment> comments(ContentType type, String id, boolean inline, long limit) {
    HttpUrl url =
        roots
            .v1Content(id)
            .addPathSegments("child/comment")
            .addQueryParameter("expand", COMMENT_EXPAND)
            .addQueryParameter("depth", "all")
            .addQueryParameter("location", inline ? "inline" : "footer")
            .addQueryParameter("limit", String.valueOf(V1Site.PAGE_LIMIT))
            .build();
    List<Comment> all;
    try {
      all = Pager.of(api, url, roots.v1(), this::comment, Long.MAX_VALUE).toList();
    } catch (ConfException e) {
      throw notFound(e, type, id);
    }
    return threads(all, limit);
  }

  /** Top-level comments in the server's order, each followed by its replies (depth first). */
  static List<Comment> threads(List<Comment> all, long limit) {
    Map<String, List<Comment>> replies = new LinkedHashMap<>();
    List<Comment> top = new ArrayList<>();
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (Comment c : all) {
      ids.add(c.id());
    }
    for (Comment c : all) {
      if (c.parentId() == null || !ids.contains(c.parentId())) {
        top.add(c);
      } else {
        replies.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
      }
    }
    List<Comment> out = new ArrayList<>();
    for (Comment c : top.subList(0, (int) Math.min(limit, top.size()))) {
      addThread(c, replies, out);
    }
    return out;
  }

  private static void addThread(Comment c, Map<String, List<Comment>> replies, List<Comment> out) {
    out.add(c);
    for (Comment r : replies.getOrDefault(c.id(), List.of())) {
      addThread(r, replies, out);
    }
  }

  /**
   * {@code POST /rest/api/content} with {@code type: comment}, the page or blog post as its
   * container (typed {@code blogpost} when known to be one, else {@code page}), and for a reply the
   * comment replied to as its ancestor; a reply given without the page first reads the comment's
   * container ({@code GET /rest/api/content/{id}?expand=container}).
   */
  @Override
  public Comment addComment(ContentType type, String id, String storageBody, String replyTo) {
    if (id == null && replyTo != null) {
      // A reply named by its comment alone: the comment's container is the page to put it on.
      JsonNode container =
          api.get(roots.v1Content(replyTo).addQueryParameter("expand", "container").build())
              .path("container");
      id = Links.text(container, "id");
      type = "blogpost".equals(Links.text(container, "type")) ? ContentType.BLOGPOST : null;
      if (id == null) {
        throw new ConfException(
            ExitCode.ERROR, "the server did not say which page comment " + replyTo + " is on");
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "comment");
    body.put(
        "container", Map.of("id", id, "type", type == ContentType.BLOGPOST ? "blogpost" : "page"));
    if (replyTo != null) {
      body.put("ancestors", List.of(Map.of("id", replyTo)));
    }
    Map<String, Object> storage = new LinkedHashMap<>();
    storage.put("value", storageBody);
    storage.put("representation", "storage");
    body.put("body", Map.of("storage", storage));
    try {
      return comment(api.send("POST", roots.v1("content").build(), body));
    } catch (ConfException e) {
      throw notFound(e, type, id);
    }
  }

  /**
   * Data Center's REST API (document 10.0.3) has no operation that anchors a comment to page text:
   * refused before any request.
   */
  @Override
  public Comment addInlineComment(
      ContentType type,
      String id,
      String storageBody,
      String selection,
      int matchCount,
      int matchIndex) {
    throw noInlineComments("adding inline comments");
  }

  /** Data Center's REST API has no operation to resolve or reopen an inline comment. */
  @Override
  public Comment resolveComment(String id, boolean resolved) {
    throw noInlineComments(resolved ? "resolving inline comments" : "reopening inline comments");
  }

  private static ConfException noInlineComments(String doing) {
    return new ConfException(
        ExitCode.ERROR,
        "Confluence Data Center's REST API has no operation for "
            + doing
            + " (it lists and replies to them only): do it in the page editor; footer comments"
            + " work with `conf comment add`");
  }

  /** {@code GET /rest/api/content/{id}?expand=body.storage,...}. */
  @Override
  public Comment comment(String id) {
    JsonNode c;
    try {
      c = api.get(roots.v1Content(id).addQueryParameter("expand", COMMENT_EXPAND).build());
    } catch (ConfException e) {
      if (e.exitCode() == ExitCode.NOT_FOUND) {
        throw ConfException.notFound("comment " + id + " not found");
      }
      throw e;
    }
    String type = Links.text(c, "type");
    if (type != null && !type.equals("comment")) {
      throw ConfException.notFound(id + " is a " + type + ", not a comment");
    }
    return comment(c);
  }

  /** {@code DELETE /rest/api/content/{id}}: comments are content. */
  @Override
  public void deleteComment(String id) {
    try {
      api.send("DELETE", roots.v1Content(id).build(), null);
    } catch (ConfException e) {
      if (e.exitCode() == ExitCode.NOT_FOUND) {
        throw ConfException.notFound("comment " + id + " not found");
      }
      throw e;
    }
  }

  private Comment comment(JsonNode c) {
    JsonNode ancestors = c.path("ancestors");
    String parent = null;
    for (JsonNode a : ancestors) {
      if (!"page".equals(Links.text(a, "type")) && !"blogpost".equals(Links.text(a, "type"))) {
        parent = Links.text(a, "id");
      }
    }
    JsonNode ext = c.path("extensions");
    String location = Links.text(ext, "location");
    String created = Links.text(c.path("history"), "createdDate");
    boolean inline = "inline".equals(location);
    return Comment.of(
        Links.text(c, "id"),
        parent,
        location != null ? location : "footer",
        V1Users.person(c.path("history").path("createdBy")),
        created != null ? created : Links.text(c.path("version"), "when"),
        inline ? resolution(ext.path("resolution")) : null,
        inline ? Links.text(ext.path("inlineProperties"), "originalSelection") : null,
        Links.text(c.path("body").path("storage"), "value"),
        Links.webUrl(roots.webBase(), c));
  }

  private static String resolution(JsonNode r) {
    return r.isTextual() ? r.asText() : Links.text(r, "status");
  }

  // ---- content properties

  /** {@code GET /rest/api/content/{id}/property?expand=version}, start/limit-paged. */
  @Override
  public List<ContentProperty> properties(ContentType type, String id) {
    HttpUrl url =
        roots
            .v1Content(id)
            .addPathSegment("property")
            .addQueryParameter("expand", "version")
            .addQueryParameter("limit", String.valueOf(V1Site.PAGE_LIMIT))
            .build();
    try {
      return Pager.of(api, url, roots.v1(), V1PageItems::property, Long.MAX_VALUE).toList();
    } catch (ConfException e) {
      throw notFound(e, type, id);
    }
  }

  /**
   * {@code GET /rest/api/content/{id}/property/{key}?expand=version}; its 404 (no such property, or
   * no such page) is null.
   */
  @Override
  public ContentProperty property(ContentType type, String id, String key) {
    try {
      return property(
          api.get(
              roots
                  .v1Content(id)
                  .addPathSegment("property")
                  .addPathSegment(key)
                  .addQueryParameter("expand", "version")
                  .build()));
    } catch (ConfException e) {
      if (e.exitCode() == ExitCode.NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }

  /**
   * {@code POST /rest/api/content/{id}/property} to create, or {@code PUT
   * /rest/api/content/{id}/property/{key}} with the version read plus one, which Data Center
   * refuses with 409 when the property changed since.
   */
  @Override
  public ContentProperty setProperty(
      ContentType type, String id, String key, JsonNode value, ContentProperty existing) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("key", key);
    body.put("value", value);
    HttpUrl.Builder url = roots.v1Content(id).addPathSegment("property");
    try {
      if (existing == null) {
        return property(api.send("POST", url.build(), body));
      }
      body.put("version", Map.of("number", existing.version() + 1));
      return property(api.send("PUT", url.addPathSegment(key).build(), body));
    } catch (ConfException e) {
      throw notFound(e, type, id);
    }
  }

  /** {@code DELETE /rest/api/content/{id}/property/{key}}. */
  @Override
  public void deleteProperty(ContentType type, String id, ContentProperty existing) {
    try {
      api.send(
          "DELETE",
          roots.v1Content(id).addPathSegment("property").addPathSegment(existing.key()).build(),
          null);
    } catch (ConfException e) {
      throw notFound(e, type, id);
    }
  }

  private static ContentProperty property(JsonNode p) {
    return new ContentProperty(
        Links.text(p, "id"),
        Links.text(p, "key"),
        p.path("version").path("number").asInt(0),
        p.path("value"));
  }

  private static ConfException notFound(ConfException e, ContentType type, String id) {
    if (e.exitCode() == ExitCode.NOT_FOUND) {
      return ConfException.notFound(ContentType.describe(type, id) + " not found");
    }
    return e;
  }
}
