package dev.conf.backend.v2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.backend.ApiRoots;
import dev.conf.backend.Links;
import dev.conf.backend.v1.PublishState;
import dev.conf.error.ConfException;
import dev.conf.http.ApiClient;
import dev.conf.http.Pager;
import dev.conf.service.PublishRecord;
import dev.conf.service.PublishedPage;
import dev.conf.service.Space;
import dev.conf.service.SpaceQuery;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;

/**
 * Site-wide operations of Cloud REST v2 ({@code {v2}/wiki/api/v2/...}, cursor-paged): spaces and
 * content properties. Document: {@code confluence-cloud-v2.openapi.json}.
 */
public final class V2Site {
  /** The largest page v2 collection endpoints accept. */
  public static final int MAX_LIMIT = 250;

  private final ApiRoots roots;
  private final ApiClient api;

  /**
   * Spaces by key, each asked for once per process: v2 content operations take the space id, and a
   * publish of 200 new pages would otherwise ask for it 400 times.
   */
  private final Map<String, Space> spaces = new ConcurrentHashMap<>();

  public V2Site(ApiRoots roots, ApiClient api) {
    this.roots = roots;
    this.api = api;
  }

  /** {@code GET /spaces}, cursor-paged. */
  public List<Space> listSpaces(SpaceQuery query, long limit) {
    HttpUrl.Builder url =
        roots
            .v2("spaces")
            .addQueryParameter("limit", String.valueOf(Math.min(limit, MAX_LIMIT)))
            .addQueryParameter("description-format", "plain");
    if (query.type() != null) {
      url.addQueryParameter("type", query.type());
    }
    if (query.status() != null) {
      url.addQueryParameter("status", query.status());
    }
    return Pager.of(api, url.build(), roots.v2(), this::space, limit).toList();
  }

  /** {@code GET /spaces?keys=KEY}: v2 addresses spaces by id, and a key is what users know. */
  public Space getSpace(String key) {
    Space known = spaces.get(key);
    if (known != null) {
      return known;
    }
    Space space = fetchSpace(key);
    spaces.put(key, space);
    return space;
  }

  /** The id v2 content operations take for a space key. */
  public String spaceId(String key) {
    return getSpace(key).id();
  }

  private Space fetchSpace(String key) {
    HttpUrl url =
        roots
            .v2("spaces")
            .addQueryParameter("keys", key)
            .addQueryParameter("description-format", "plain")
            .build();
    Iterator<Space> found = Pager.of(api, url, roots.v2(), this::space, 1).iterator();
    if (!found.hasNext()) {
      throw ConfException.notFound("space '" + key + "' not found on " + roots.displayUrl());
    }
    return found.next();
  }

  /**
   * {@code POST /pages/{page-id}/properties}, or {@code PUT
   * /pages/{page-id}/properties/{property-id}} with the property's version plus one.
   */
  public PublishedPage recordPublish(String pageId, PublishRecord record, PublishedPage existing) {
    HttpUrl.Builder url = roots.v2("pages").addPathSegment(pageId).addPathSegment("properties");
    JsonNode written =
        existing.recordId() == null
            ? api.send("POST", url.build(), PublishState.propertyBody(record, null))
            : api.send(
                "PUT",
                url.addPathSegment(existing.recordId()).build(),
                PublishState.propertyBody(record, existing.recordVersion() + 1));
    return PublishState.written(existing, record, written);
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
        Links.webUrl(roots.webBase(), s));
  }
}
