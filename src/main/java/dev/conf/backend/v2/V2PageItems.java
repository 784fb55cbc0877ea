package dev.conf.backend.v2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.backend.ApiRoots;
import dev.conf.backend.Links;
import dev.conf.backend.v1.V1Attachments;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.http.ApiClient;
import dev.conf.http.Pager;
import dev.conf.service.Attachment;
import dev.conf.service.Comment;
import dev.conf.service.ContentProperty;
import dev.conf.service.ContentType;
import dev.conf.service.Label;
import dev.conf.service.Transfer;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * What hangs off a page or blog post, through Cloud REST v2, which keeps the two apart ({@code
 * /pages/{id}/...}, {@code /blogposts/{id}/...}): label and attachment reads, attachment deletes,
 * comments. v2 has no label writes and no upload; a deployment's routing table sends those to v1.
 * Each method names the operation it calls; where the type is not known, see {@link #either}.
 */
public final class V2PageItems {
  private final ApiRoots roots;
  private final ApiClient api;

  public V2PageItems(ApiRoots roots, ApiClient api) {
    this.roots = roots;
    this.api = api;
  }

  // ---- labels

  /** v2 {@code GET /pages/{id}/labels} or {@code /blogposts/{id}/labels}, cursor-paged. */
  public List<Label> labels(ContentType type, String id) {
    return either(
        type,
        id,
        t -> {
          HttpUrl url =
              roots
                  .v2(collection(t))
                  .addPathSegment(id)
                  .addPathSegment("labels")
                  .addQueryParameter("limit", String.valueOf(V2Site.MAX_LIMIT))
                  .build();
          return Pager.of(api, url, roots.v2(), V2PageItems::label, Long.MAX_VALUE).toList();
        });
  }

  // ---- attachments

  /**
   * v2 {@code GET /pages/{id}/attachments} or {@code /blogposts/{id}/attachments}, cursor-paged.
   */
  public List<Attachment> attachments(ContentType type, String id, long limit) {
    return either(
        type,
        id,
        t -> {
          HttpUrl url =
              roots
                  .v2(collection(t))
                  .addPathSegment(id)
                  .addPathSegment("attachments")
                  .addQueryParameter("limit", String.valueOf(Math.min(limit, V2Site.MAX_LIMIT)))
                  .build();
          return Pager.of(api, url, roots.v2(), this::attachment, limit).toList();
        });
  }

  /** v2 {@code GET /attachments/{id}}. */
  public Attachment attachment(String id) {
    try {
      return attachment(api.get(roots.v2("attachments").addPathSegment(id).build()));
    } catch (ConfException e) {
      if (e.exitCode() == ExitCode.NOT_FOUND) {
        throw ConfException.notFound("attachment " + id + " not found");
      }
      throw e;
    }
  }

  /**
   * v2 {@code GET /pages/{id}/attachments?filename=} (or {@code /blogposts/{id}/...}): the id of
   * the attachment called {@code name}, or null when there is none (v2 has no upload: a new version
   * of it goes through v1).
   */
  public String attachmentNamed(ContentType type, String pageId, String name) {
    return either(
        type,
        pageId,
        t -> {
          HttpUrl find =
              roots
                  .v2(collection(t))
                  .addPathSegment(pageId)
                  .addPathSegment("attachments")
                  .addQueryParameter("filename", name)
                  .build();
          for (Attachment a : Pager.of(api, find, roots.v2(), this::attachment, Long.MAX_VALUE)) {
            if (name.equals(a.name())) {
              return a.id();
            }
          }
          return null;
        });
  }

  /** The attachment's {@code downloadLink} (under {@code /wiki}), which redirects to media. */
  public long downloadAttachment(Attachment a, OutputStream out, Transfer progress) {
    if (a.downloadUrl() == null) {
      throw new ConfException(
          ExitCode.ERROR, "the server gave no download link for attachment " + a.id());
    }
    return api.download(HttpUrl.get(a.downloadUrl()), out, progress::progressed);
  }

  /**
   * v2 {@code DELETE /attachments/{id}} (to the trash). The document types this id as an integer,
   * where reads answer {@code att123}: the numeric part is sent.
   */
  public void deleteAttachment(Attachment a) {
    String id = a.id().startsWith("att") ? a.id().substring(3) : a.id();
    api.send("DELETE", roots.v2("attachments").addPathSegment(id).build(), null);
  }

  private Attachment attachment(JsonNode a) {
    String download = Links.text(a, "downloadLink");
    if (download == null) {
      download = Links.text(a.path("_links"), "download");
    }
    return new Attachment(
        Links.text(a, "id"),
        Links.text(a, "title"),
        a.path("fileSize").asLong(-1),
        Links.text(a, "mediaType"),
        a.path("version").path("number").asInt(0),
        Links.text(a.path("version"), "createdAt"),
        Links.text(a, "comment"),
        Links.text(a, "pageId"),
        V1Attachments.resolve(roots.v1(), download));
  }

  // ---- comments

  /**
   * v2 {@code GET /pages/{id}/footer-comments} (or {@code /inline-comments}; {@code
   * /blogposts/{id}} for a blog post), then {@code GET /footer-comments/{id}/children} (or {@code
   * /inline-comments/{id}/children}) for each one's replies: v2 lists only top-level comments on a
   * page or blog post.
   */
  public List<Comment> comments(ContentType type, String id, boolean inline, long limit) {
    String kind = inline ? "inline-comments" : "footer-comments";
    List<Comment> top =
        either(
            type,
            id,
            t -> {
              HttpUrl url =
                  roots
                      .v2(collection(t))
                      .addPathSegment(id)
                      .addPathSegment(kind)
                      .addQueryParameter("body-format", "storage")
                      .addQueryParameter("limit", String.valueOf(Math.min(limit, V2Site.MAX_LIMIT)))
                      .build();
              return Pager.of(api, url, roots.v2(), c -> comment(c, inline), limit).toList();
            });
    List<Comment> out = new ArrayList<>();
    for (Comment c : top) {
      out.add(c);
      addReplies(kind, c.id(), inline, out);
    }
    return out;
  }

  private void addReplies(String kind, String id, boolean inline, List<Comment> out) {
    HttpUrl url =
        roots
            .v2(kind)
            .addPathSegment(id)
            .addPathSegment("children")
            .addQueryParameter("body-format", "storage")
            .addQueryParameter("limit", String.valueOf(V2Site.MAX_LIMIT))
            .build();
    for (Comment reply : Pager.of(api, url, roots.v2(), c -> comment(c, inline), Long.MAX_VALUE)) {
      out.add(reply.parentId() == null ? withParent(reply, id) : reply);
    }
  }

  /**
   * v2 {@code POST /footer-comments} with {@code pageId} (or {@code blogPostId}), or with {@code
   * parentCommentId} for a reply ({@code POST /inline-comments} when the comment replied to is
   * inline). Not knowing the type, it sends {@code pageId} and, only when that answers 404 (which
   * the document gives for a page that is not there), {@code blogPostId}.
   */
  public Comment addComment(ContentType type, String id, String storageBody, String replyTo) {
    Map<String, Object> content = Map.of("representation", "storage", "value", storageBody);
    if (replyTo != null) {
      boolean inline = "inline".equals(comment(replyTo).location());
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("parentCommentId", replyTo);
      body.put("body", content);
      String kind = inline ? "inline-comments" : "footer-comments";
      return comment(api.send("POST", roots.v2(kind).build(), body), inline);
    }
    return either(
        type,
        id,
        t -> {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put(t == ContentType.BLOGPOST ? "blogPostId" : "pageId", id);
          body.put("body", content);
          return comment(api.send("POST", roots.v2("footer-comments").build(), body), false);
        });
  }

  /**
   * v2 {@code POST /inline-comments} with {@code pageId} (or {@code blogPostId}) and {@code
   * inlineCommentProperties}: the selection, how many times it occurs and which one (from 0). Not
   * knowing the type, {@code pageId} first and, only on a 404, {@code blogPostId}.
   */
  public Comment addInlineComment(
      ContentType type,
      String id,
      String storageBody,
      String selection,
      int matchCount,
      int matchIndex) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("textSelection", selection);
    properties.put("textSelectionMatchCount", matchCount);
    properties.put("textSelectionMatchIndex", matchIndex);
    return either(
        type,
        id,
        t -> {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put(t == ContentType.BLOGPOST ? "blogPostId" : "pageId", id);
          body.put("body", Map.of("representation", "storage", "value", storageBody));
          body.put("inlineCommentProperties", properties);
          return comment(api.send("POST", roots.v2("inline-comments").build(), body), true);
        });
  }

  /**
   * v2 {@code GET /inline-comments/{id}?body-format=storage} for its version and body, then {@code
   * PUT /inline-comments/{id}} with the version plus one, the same body and {@code resolved}.
   */
  public Comment resolveComment(String id, boolean resolved) {
    JsonNode c;
    try {
      c =
          api.get(
              roots
                  .v2("inline-comments")
                  .addPathSegment(id)
                  .addQueryParameter("body-format", "storage")
                  .build());
    } catch (ConfException e) {
      if (e.exitCode() == ExitCode.NOT_FOUND) {
        throw ConfException.notFound(
            "inline comment " + id + " not found (only inline comments are resolved)");
      }
      throw e;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", Map.of("number", c.path("version").path("number").asInt(1) + 1));
    body.put(
        "body",
        Map.of(
            "representation",
            "storage",
            "value",
            c.path("body").path("storage").path("value").asText("")));
    body.put("resolved", resolved);
    return comment(
        api.send("PUT", roots.v2("inline-comments").addPathSegment(id).build(), body), true);
  }

  /** v2 {@code GET /footer-comments/{id}}, else {@code GET /inline-comments/{id}}. */
  public Comment comment(String id) {
    for (String kind : List.of("footer-comments", "inline-comments")) {
      try {
        JsonNode c =
            api.get(
                roots
                    .v2(kind)
                    .addPathSegment(id)
                    .addQueryParameter("body-format", "storage")
                    .build());
        return comment(c, kind.startsWith("inline"));
      } catch (ConfException e) {
        if (e.exitCode() != ExitCode.NOT_FOUND) {
          throw e;
        }
      }
    }
    throw ConfException.notFound("comment " + id + " not found");
  }

  /** v2 {@code DELETE /footer-comments/{id}}, else {@code DELETE /inline-comments/{id}}. */
  public void deleteComment(String id) {
    for (String kind : List.of("footer-comments", "inline-comments")) {
      try {
        api.send("DELETE", roots.v2(kind).addPathSegment(id).build(), null);
        return;
      } catch (ConfException e) {
        if (e.exitCode() != ExitCode.NOT_FOUND) {
          throw e;
        }
      }
    }
    throw ConfException.notFound("comment " + id + " not found");
  }

  private Comment comment(JsonNode c, boolean inline) {
    JsonNode version = c.path("version");
    return Comment.of(
        Links.text(c, "id"),
        Links.text(c, "parentCommentId"),
        inline ? "inline" : "footer",
        V2Pages.person(Links.text(version, "authorId")),
        Links.text(version, "createdAt"),
        inline ? Links.text(c, "resolutionStatus") : null,
        inline ? Links.text(c.path("properties"), "inlineOriginalSelection") : null,
        Links.text(c.path("body").path("storage"), "value"),
        Links.webUrl(roots.webBase(), c));
  }

  private static Comment withParent(Comment c, String parentId) {
    return c.withParent(parentId);
  }

  // ---- content properties

  /**
   * v2 {@code GET /pages/{id}/properties} (or {@code /blogposts/{id}/properties}), cursor-paged.
   */
  public List<ContentProperty> properties(ContentType type, String id) {
    return either(
        type,
        id,
        t ->
            Pager.of(
                    api,
                    propertiesUrl(t, id)
                        .addQueryParameter("limit", String.valueOf(V2Site.MAX_LIMIT))
                        .build(),
                    roots.v2(),
                    V2PageItems::property,
                    Long.MAX_VALUE)
                .toList());
  }

  /** v2 {@code GET /pages/{id}/properties?key=} (or {@code /blogposts/...}): v2 finds by key so. */
  public ContentProperty property(ContentType type, String id, String key) {
    return either(
        type,
        id,
        t -> {
          HttpUrl url = propertiesUrl(t, id).addQueryParameter("key", key).build();
          for (ContentProperty p :
              Pager.of(api, url, roots.v2(), V2PageItems::property, Long.MAX_VALUE)) {
            if (key.equals(p.key())) {
              return p;
            }
          }
          return null;
        });
  }

  /**
   * v2 {@code POST /pages/{id}/properties} to create, or {@code PUT
   * /pages/{id}/properties/{property-id}} with the version read plus one, which the server refuses
   * with 409 when the property changed since (or {@code /blogposts/...}).
   */
  public ContentProperty setProperty(
      ContentType type, String id, String key, JsonNode value, ContentProperty existing) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("key", key);
    body.put("value", value);
    if (existing == null) {
      return either(type, id, t -> property(api.send("POST", propertiesUrl(t, id).build(), body)));
    }
    body.put("version", Map.of("number", existing.version() + 1));
    return either(
        type,
        id,
        t ->
            property(
                api.send("PUT", propertiesUrl(t, id).addPathSegment(existing.id()).build(), body)));
  }

  /** v2 {@code DELETE /pages/{id}/properties/{property-id}} (or {@code /blogposts/...}). */
  public void deleteProperty(ContentType type, String id, ContentProperty existing) {
    either(
        type,
        id,
        t -> api.send("DELETE", propertiesUrl(t, id).addPathSegment(existing.id()).build(), null));
  }

  private HttpUrl.Builder propertiesUrl(ContentType type, String id) {
    return roots.v2(collection(type)).addPathSegment(id).addPathSegment("properties");
  }

  private static ContentProperty property(JsonNode p) {
    return new ContentProperty(
        Links.text(p, "id"),
        Links.text(p, "key"),
        p.path("version").path("number").asInt(0),
        p.path("value"));
  }

  private static Label label(JsonNode l) {
    return new Label(Links.text(l, "name"), Links.text(l, "prefix"), Links.text(l, "id"));
  }

  /**
   * {@code call} with the type of content {@code id}: the one given, or, when that is null (not
   * known), PAGE and then, only if that answered 404, BLOGPOST. A 404 from the last try becomes
   * "page 42 not found" (or "blog post", or "page or blog post"); other errors pass unchanged.
   * {@code call} must make all its requests itself (a fully read listing, not a lazy one), and only
   * the ones whose 404 means "no such page": a 404 from a later request would be retried.
   */
  static <T> T either(ContentType type, String id, Function<ContentType, T> call) {
    if (type != null) {
      try {
        return call.apply(type);
      } catch (ConfException e) {
        throw notFound(e, type, id);
      }
    }
    try {
      return call.apply(ContentType.PAGE);
    } catch (ConfException e) {
      if (e.exitCode() != ExitCode.NOT_FOUND) {
        throw e;
      }
    }
    try {
      return call.apply(ContentType.BLOGPOST);
    } catch (ConfException e) {
      throw notFound(e, null, id);
    }
  }

  public static ConfException notFound(ConfException e, ContentType type, String id) {
    if (e.exitCode() == ExitCode.NOT_FOUND) {
      return ConfException.notFound(ContentType.describe(type, id) + " not found");
    }
    return e;
  }

  private static String collection(ContentType type) {
    return type == ContentType.BLOGPOST ? "blogposts" : "pages";
  }
}
