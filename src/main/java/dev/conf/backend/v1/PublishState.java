package dev.conf.backend.v1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.backend.Links;
import dev.conf.http.ApiClient;
import dev.conf.service.Cql;
import dev.conf.service.PublishRecord;
import dev.conf.service.PublishedPage;
import dev.conf.util.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.HttpUrl;

/**
 * What {@code conf publish} reads and writes that both deployments spell alike: the v1 CQL content
 * search ({@code GET .../rest/api/content/search}, Cloud and Data Center) with {@code
 * expand=version,ancestors,metadata.labels,metadata.properties.conf-publish}, which answers every
 * page of a tree with its version, parent, labels and conf's record in {@code ceil(N / limit)}
 * requests, and the content property body that holds the record.
 */
public final class PublishState {
  static final String EXPAND =
      "version,ancestors,metadata.labels,metadata.properties." + PublishRecord.KEY;

  private PublishState() {}

  /** Pages of the space, under {@code rootId} when it is not null. */
  public static String cql(String spaceKey, String rootId) {
    return "type = page AND space = "
        + Cql.quote(spaceKey)
        + (rootId == null ? "" : " AND ancestor = " + Cql.quote(rootId));
  }

  /**
   * Walks the search.
   *
   * @param search the content search URL ({@code .../rest/api/content/search})
   * @param linkBase what its {@code _links.next} hangs from
   */
  public static List<PublishedPage> pages(
      ApiClient api, HttpUrl search, HttpUrl linkBase, String spaceKey, String rootId) {
    return ContentSearch.all(
        api, search, linkBase, cql(spaceKey, rootId), EXPAND, c -> page(c, spaceKey));
  }

  static PublishedPage page(JsonNode c, String spaceKey) {
    JsonNode ancestors = c.path("ancestors");
    String parent =
        ancestors.isArray() && ancestors.size() > 0
            ? Links.text(ancestors.get(ancestors.size() - 1), "id")
            : null;
    List<String> labels = new ArrayList<>();
    for (JsonNode l : c.path("metadata").path("labels").path("results")) {
      labels.add(Links.text(l, "name"));
    }
    JsonNode property = c.path("metadata").path("properties").path(PublishRecord.KEY);
    String recordId = null;
    int recordVersion = 0;
    PublishRecord record = null;
    if (property.isObject() && property.has("value")) {
      recordId = Links.text(property, "id");
      recordVersion = property.path("version").path("number").asInt(1);
      record = record(property.path("value"));
    }
    return new PublishedPage(
        Links.text(c, "id"),
        Links.text(c, "title"),
        spaceKey,
        c.path("version").path("number").asInt(0),
        Links.text(c.path("version"), "message"),
        parent,
        labels,
        record,
        recordId,
        recordVersion);
  }

  /** The record in a property value, or null when it is not one conf wrote. */
  static PublishRecord record(JsonNode v) {
    if (!v.isObject() || !v.path("hash").isTextual() || !v.path("version").canConvertToInt()) {
      return null;
    }
    Map<String, String> attachments = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : v.path("attachments").properties()) {
      attachments.put(e.getKey(), e.getValue().asText());
    }
    List<String> labels = new ArrayList<>();
    for (JsonNode l : v.path("labels")) {
      labels.add(l.asText());
    }
    return new PublishRecord(
        v.path("hash").asText(),
        v.path("version").asInt(),
        Links.text(v, "path"),
        attachments,
        labels);
  }

  /**
   * The page after a property write, from the server's answer (the property with its id and
   * version); where the answer lacks them, what the write must have made.
   */
  public static PublishedPage written(PublishedPage before, PublishRecord record, JsonNode answer) {
    String id = Links.text(answer, "id");
    int version = answer.path("version").path("number").asInt(before.recordVersion() + 1);
    return before.withRecord(record, id != null ? id : before.recordId(), version);
  }

  /**
   * The JSON body of a property write: {@code {key, value}} to create it, plus {@code
   * version.number} (the property's own version plus one) to replace it.
   */
  public static Map<String, Object> propertyBody(PublishRecord record, Integer nextVersion) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("key", PublishRecord.KEY);
    body.put("value", Json.mapper().valueToTree(record));
    if (nextVersion != null) {
      body.put("version", Map.of("number", nextVersion));
    }
    return body;
  }
}
