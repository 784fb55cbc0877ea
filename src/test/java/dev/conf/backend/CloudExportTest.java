package dev.conf.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import dev.conf.testing.TestSite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cloud: v2 space listing with versions, v2 descendants without, v1 CQL for attachments. */
class CloudExportTest extends ExportScenarios {
  static final String V2 = "/wiki/api/v2";

  @Override
  protected TestSite site() {
    return TestSite.cloud(url());
  }

  @Override
  protected String pagePath(String id) {
    return V2 + "/pages/" + id;
  }

  private static Map<String, Object> page(P p, boolean body) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("status", "current");
    m.put("title", p.title());
    m.put("spaceId", "98305");
    m.put("parentId", p.parentId());
    m.put("parentType", p.parentId() == null ? null : "page");
    m.put("position", Integer.parseInt(p.id()));
    m.put("authorId", "acc-ann");
    m.put("version", Map.of("number", p.version(), "authorId", "acc-ed"));
    if (body) {
      m.put("body", Map.of("storage", Map.of("value", p.body(), "representation", "storage")));
      List<Object> labels = new ArrayList<>();
      for (String l : p.labels()) {
        labels.add(Map.of("id", "77" + labels.size(), "name", l, "prefix", "global"));
      }
      m.put("labels", Map.of("results", labels, "_links", Map.of()));
    }
    m.put("_links", Map.of("webui", "/spaces/DOCS/pages/" + p.id()));
    return m;
  }

  @Override
  protected String pageJson(P p) {
    return json(page(p, true));
  }

  @Override
  protected void stubSpaceListing(List<P> pages) {
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/spaces"))
            .withQueryParam("keys", equalTo("DOCS"))
            .willReturn(
                okJson(
                    "{\"results\":[{\"id\":\"98305\",\"key\":\"DOCS\",\"name\":\"Docs\","
                        + "\"type\":\"global\",\"status\":\"current\"}],\"_links\":{}}")));
    List<Object> results = new ArrayList<>();
    pages.forEach(p -> results.add(page(p, false)));
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/spaces/98305/pages"))
            .willReturn(okJson(json(Map.of("results", results, "_links", Map.of())))));
  }

  @Override
  protected void stubDescendants(String rootId, List<P> pages) {
    List<Object> results = new ArrayList<>();
    for (P p : pages) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", p.id());
      m.put("status", "current");
      m.put("title", p.title());
      m.put("type", "page");
      m.put("parentId", p.parentId());
      m.put("depth", p.parentId().equals(rootId) ? 1 : 2);
      m.put("childPosition", Integer.parseInt(p.id()));
      results.add(m);
    }
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/pages/" + rootId + "/descendants"))
            .willReturn(okJson(json(Map.of("results", results, "_links", Map.of())))));
  }

  @Override
  protected void stubVersionLookup(List<P> pages) {
    List<Object> results = new ArrayList<>();
    pages.forEach(p -> results.add(page(p, false)));
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/pages"))
            .withQueryParam("id", matching("[0-9]+"))
            .willReturn(okJson(json(Map.of("results", results, "_links", Map.of())))));
  }

  @Override
  protected void stubHomepage(String id) {
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/spaces"))
            .withQueryParam("keys", equalTo("DOCS"))
            .willReturn(
                okJson(
                    "{\"results\":[{\"id\":\"98305\",\"key\":\"DOCS\",\"name\":\"Docs\","
                        + "\"type\":\"global\",\"status\":\"current\",\"homepageId\":\""
                        + id
                        + "\",\"_links\":{\"webui\":\"/spaces/DOCS\"}}],\"_links\":{}}")));
  }

  @Override
  protected String attachmentSearchPath() {
    return "/wiki/rest/api/content/search";
  }

  @Override
  protected void stubAttachments(List<A> attachments) {
    List<Object> results = new ArrayList<>();
    for (A a : attachments) {
      String download = "/download/attachments/" + a.pageId() + "/" + a.name();
      results.add(
          Map.of(
              "id", a.id(),
              "type", "attachment",
              "status", "current",
              "title", a.name(),
              "version", Map.of("number", a.version()),
              "container", Map.of("id", a.pageId(), "type", "page"),
              "extensions",
                  Map.of("mediaType", "application/octet-stream", "fileSize", a.content().length()),
              "_links", Map.of("download", download + "?version=" + a.version())));
      wm.stubFor(
          get(urlPathEqualTo("/wiki" + download))
              .willReturn(aResponse().withStatus(200).withBody(a.content())));
    }
    wm.stubFor(
        get(urlPathEqualTo(attachmentSearchPath()))
            .withQueryParam("cql", equalTo("type = attachment AND space = \"DOCS\""))
            .withQueryParam("cursor", absent())
            .willReturn(
                okJson(
                    json(Map.of("results", results, "size", results.size(), "_links", Map.of())))));
  }

  @Override
  protected String personId(String who) {
    return "acc-" + who;
  }

  @Override
  protected String personAttribute() {
    return "account-id";
  }

  @Override
  protected void stubPerson(String who, String name) {
    wm.stubFor(
        get(urlPathEqualTo("/wiki/rest/api/user/bulk"))
            .willReturn(
                okJson(
                    "{\"results\":[{\"type\":\"known\",\"accountId\":\"acc-"
                        + who
                        + "\",\"accountType\":\"atlassian\",\"displayName\":\""
                        + name
                        + "\",\"publicName\":\"x\"}]}")));
  }
}
