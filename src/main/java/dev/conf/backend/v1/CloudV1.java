package dev.conf.backend.v1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.backend.ApiRoots;
import dev.conf.backend.Links;
import dev.conf.error.ConfException;
import dev.conf.http.ApiClient;
import dev.conf.service.CopyRequest;
import dev.conf.service.CopyResult;
import dev.conf.service.MovePosition;
import dev.conf.service.Person;
import dev.conf.service.TaskStatus;
import dev.conf.service.Template;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * The v1 operations Cloud's document has and Data Center 10.0.3's does not, which Cloud uses where
 * its v2 has no operation: move, copy (one page or a hierarchy, as a long task), user names for
 * account ids, and all labels in one request. Document: {@code confluence-cloud-v1.openapi.json}.
 */
public final class CloudV1 {
  private final ApiRoots roots;
  private final ApiClient api;

  public CloudV1(ApiRoots roots, ApiClient api) {
    this.roots = roots;
    this.api = api;
  }

  /** v1 {@code PUT /wiki/rest/api/content/{pageId}/move/{position}/{targetId}}: v2 cannot move. */
  public String movePage(String id, MovePosition position, String targetId) {
    HttpUrl url =
        roots
            .v1("content")
            .addPathSegment(id)
            .addPathSegment("move")
            .addPathSegment(position.name().toLowerCase(Locale.ROOT))
            .addPathSegment(targetId)
            .build();
    api.send("PUT", url, null);
    return null;
  }

  /**
   * v1 {@code POST /wiki/rest/api/content/{id}/copy} for one page (after {@code sourceTitle} when
   * the title is conf's default "Copy of ..."), or v1 {@code POST
   * /wiki/rest/api/content/{id}/pagehierarchy/copy} for a hierarchy, which the server does as a
   * long-running task. v2 has no copy operation.
   */
  public CopyResult copyPage(CopyRequest request, Function<String, String> sourceTitle) {
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
              roots
                  .v1("content")
                  .addPathSegment(request.sourceId())
                  .addPathSegment("pagehierarchy")
                  .addPathSegment("copy")
                  .build(),
              body);
      return new CopyResult(null, null, null, 0, Links.text(task, "id"));
    }
    String title = request.title();
    if (title == null) {
      title = "Copy of " + sourceTitle.apply(request.sourceId());
    }
    body.put("destination", Map.of("type", "parent_page", "value", request.parentId()));
    body.put("pageTitle", title);
    JsonNode copy =
        api.send(
            "POST",
            roots.v1("content").addPathSegment(request.sourceId()).addPathSegment("copy").build(),
            body);
    return new CopyResult(
        Links.text(copy, "id"),
        Links.text(copy, "title"),
        Links.webUrl(roots.webBase(), copy),
        1,
        null);
  }

  /** v1 {@code GET /wiki/rest/api/longtask/{id}}: how a hierarchy copy is getting on. */
  public TaskStatus copyTask(String taskId) {
    JsonNode t = api.get(roots.v1("longtask").addPathSegment(taskId).build());
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

  /** The most account ids one {@link #users} request takes (the operation's limit). */
  public static final int USERS_PER_REQUEST = 100;

  /**
   * v1 {@code GET /wiki/rest/api/user/bulk?accountId=a,b,...}: up to {@value #USERS_PER_REQUEST}
   * people by account id, in one request, since v2 content answers carry only ids. v1 and not v2's
   * {@code POST /users-bulk}: a GET is what a read-only profile may send (its guard lets no other
   * method leave conf), and OAuth profiles hold the classic {@code read:confluence-user} scope this
   * operation takes, not v2's {@code read:user:confluence}.
   */
  public Map<String, Person> users(List<String> accountIds) {
    Map<String, Person> people = new HashMap<>();
    if (accountIds.isEmpty()) {
      return people;
    }
    JsonNode users =
        api.get(
            roots
                .v1("user/bulk")
                .addQueryParameter("accountId", String.join(",", accountIds))
                .build());
    for (JsonNode u : users.path("results")) {
      String id = Links.text(u, "accountId");
      String name = Links.text(u, "displayName");
      if (id != null) {
        people.put(id, new Person(id, null, name != null ? name : Links.text(u, "publicName")));
      }
    }
    return people;
  }

  /** v1 {@code POST /wiki/rest/api/content/{id}/label} with all labels in one array. */
  public void addLabels(String id, List<String> names) {
    List<Map<String, String>> body = new ArrayList<>();
    for (String name : names) {
      body.add(Map.of("prefix", "global", "name", name));
    }
    api.send("POST", roots.v1Content(id).addPathSegment("label").build(), body);
  }

  /**
   * v1 {@code GET /wiki/rest/api/template/page?spaceKey=} (without it, the global templates),
   * start/limit-paged.
   */
  public List<Template> templates(String spaceKey) {
    HttpUrl.Builder url =
        roots.v1("template/page").addQueryParameter("limit", String.valueOf(V1Site.PAGE_LIMIT));
    if (spaceKey != null) {
      url.addQueryParameter("spaceKey", spaceKey);
    }
    return dev.conf.http.Pager.of(
            api, url.build(), roots.v1(), t -> template(t, spaceKey, false), Long.MAX_VALUE)
        .toList();
  }

  /** v1 {@code GET /wiki/rest/api/template/{contentTemplateId}}, with its storage body. */
  public Template template(String id) {
    try {
      return template(api.get(roots.v1("template").addPathSegment(id).build()), null, true);
    } catch (ConfException e) {
      if (e.exitCode() == dev.conf.error.ExitCode.NOT_FOUND) {
        throw ConfException.notFound("template " + id + " not found");
      }
      throw e;
    }
  }

  private static Template template(JsonNode t, String spaceKey, boolean withBody) {
    String space = Links.text(t.path("space"), "key");
    return new Template(
        Links.text(t, "templateId"),
        Links.text(t, "name"),
        Links.text(t, "description"),
        space != null ? space : spaceKey,
        withBody ? t.path("body").path("storage").path("value").asText("") : null);
  }

  /**
   * v1 {@code GET
   * /wiki/rest/api/content/{id}/restriction/byOperation?expand=restrictions.user,restrictions.group}
   * (v2 has no restrictions).
   */
  public List<dev.conf.service.Restriction> restrictions(String pageId) {
    HttpUrl url =
        roots
            .v1Content(pageId)
            .addPathSegments("restriction/byOperation")
            // The document's expand is an array in form style without explode: comma-separated.
            .addQueryParameter("expand", "restrictions.user,restrictions.group")
            .build();
    try {
      return V1Restrictions.parse(api.get(url));
    } catch (ConfException e) {
      if (e.exitCode() == dev.conf.error.ExitCode.NOT_FOUND) {
        throw ConfException.notFound("page " + pageId + " not found");
      }
      throw e;
    }
  }

  /**
   * v1 {@code PUT /wiki/rest/api/content/{id}/restriction} with {@code results}, one entry per
   * operation: users by account id, groups by id (a group given by name is looked up first with
   * {@code GET /wiki/rest/api/group/picker?query=}).
   */
  public List<dev.conf.service.Restriction> setRestrictions(
      String pageId, List<dev.conf.service.Restriction> all) {
    List<Map<String, Object>> results = new ArrayList<>();
    for (String op : List.of("view", "edit")) {
      List<Object> users = new ArrayList<>();
      List<Object> groups = new ArrayList<>();
      for (dev.conf.service.Restriction r : all) {
        if (!r.operation().equals(op)) {
          continue;
        }
        if (r.type().equals("user")) {
          users.add(Map.of("type", "known", "accountId", r.id() != null ? r.id() : r.name()));
        } else {
          groups.add(Map.of("type", "group", "id", r.id() != null ? r.id() : groupId(r.name())));
        }
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("operation", V1Restrictions.wire(op));
      entry.put("restrictions", Map.of("user", users, "group", groups));
      results.add(entry);
    }
    api.send(
        "PUT",
        roots.v1Content(pageId).addPathSegment("restriction").build(),
        Map.of("results", results));
    return restrictions(pageId);
  }

  private String groupId(String name) {
    JsonNode found = api.get(roots.v1("group/picker").addQueryParameter("query", name).build());
    for (JsonNode g : found.path("results")) {
      if (name.equals(Links.text(g, "name"))) {
        return Links.text(g, "id");
      }
    }
    throw ConfException.notFound("no group named '" + name + "'");
  }
}
