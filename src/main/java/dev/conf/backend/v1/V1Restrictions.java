package dev.conf.backend.v1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.backend.ApiRoots;
import dev.conf.backend.Links;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.http.ApiClient;
import dev.conf.service.Restriction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Page restrictions through REST v1, as Data Center spells them (users by username, groups by
 * name): {@code GET /rest/api/content/{id}/restriction/byOperation} and {@code PUT
 * /rest/api/content/{id}/restriction}, which replaces them all. The answer's shape is the same on
 * Cloud, whose spelling of the writes is {@link CloudV1#setRestrictions}.
 */
public final class V1Restrictions {
  private final ApiRoots roots;
  private final ApiClient api;

  public V1Restrictions(ApiRoots roots, ApiClient api) {
    this.roots = roots;
    this.api = api;
  }

  /**
   * {@code GET /rest/api/content/{id}/restriction/byOperation?expand=read.restrictions.user,...}.
   */
  public List<Restriction> restrictions(String pageId) {
    HttpUrl url =
        roots
            .v1Content(pageId)
            .addPathSegments("restriction/byOperation")
            .addQueryParameter(
                "expand",
                "read.restrictions.user,read.restrictions.group,update.restrictions.user,"
                    + "update.restrictions.group")
            .build();
    return parse(get(url, pageId));
  }

  /** {@code PUT /rest/api/content/{id}/restriction}: an array, one entry per operation. */
  public List<Restriction> setRestrictions(String pageId, List<Restriction> all) {
    List<Map<String, Object>> body = new ArrayList<>();
    for (String op : List.of("view", "edit")) {
      List<Object> users = new ArrayList<>();
      List<Object> groups = new ArrayList<>();
      for (Restriction r : all) {
        if (!r.operation().equals(op)) {
          continue;
        }
        if (r.type().equals("user")) {
          users.add(Map.of("type", "known", "username", r.id() != null ? r.id() : r.name()));
        } else {
          groups.add(Map.of("type", "group", "name", r.name() != null ? r.name() : r.id()));
        }
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("operation", wire(op));
      entry.put("restrictions", Map.of("user", users, "group", groups));
      body.add(entry);
    }
    api.send("PUT", roots.v1Content(pageId).addPathSegment("restriction").build(), body);
    return restrictions(pageId);
  }

  private JsonNode get(HttpUrl url, String pageId) {
    try {
      return api.get(url);
    } catch (ConfException e) {
      if (e.exitCode() == ExitCode.NOT_FOUND) {
        throw ConfException.notFound("page " + pageId + " not found");
      }
      throw e;
    }
  }

  /**
   * The answer of {@code byOperation}: {@code read} and {@code update}, each with users and groups.
   */
  static List<Restriction> parse(JsonNode byOperation) {
    List<Restriction> out = new ArrayList<>();
    for (String op : List.of("view", "edit")) {
      JsonNode r = byOperation.path(wire(op)).path("restrictions");
      for (JsonNode u : r.path("user").path("results")) {
        String id = Links.text(u, "accountId");
        if (id == null) {
          id = Links.text(u, "username");
        }
        String name = Links.text(u, "displayName");
        out.add(new Restriction(op, "user", name != null ? name : id, id));
      }
      for (JsonNode g : r.path("group").path("results")) {
        String name = Links.text(g, "name");
        String id = Links.text(g, "id");
        out.add(new Restriction(op, "group", name, id != null ? id : name));
      }
    }
    return out;
  }

  /** view and edit as the wire says them: read and update. */
  static String wire(String op) {
    return op.equals("view") ? "read" : "update";
  }
}
