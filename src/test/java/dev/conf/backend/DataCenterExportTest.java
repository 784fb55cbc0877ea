package dev.conf.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import dev.conf.testing.TestSite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Data Center under a context path: v1 listings with expand=ancestors,version; v1 CQL search. */
class DataCenterExportTest extends ExportScenarios {
  static final String CONTEXT = "/confluence";
  static final String API = CONTEXT + "/rest/api";

  @Override
  protected TestSite site() {
    return TestSite.dataCenter(url(), CONTEXT);
  }

  @Override
  protected String pagePath(String id) {
    return API + "/content/" + id;
  }

  private final Map<String, String> parents = new HashMap<>();

  private Map<String, Object> content(P p, boolean body) {
    parents.put(p.id(), p.parentId());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("type", "page");
    m.put("status", "current");
    m.put("title", p.title());
    m.put("space", Map.of("key", "DOCS", "name", "Docs"));
    m.put("version", Map.of("number", p.version(), "when", "2026-11-01T10:00:00.000Z"));
    List<Object> ancestors = new ArrayList<>();
    for (String a = p.parentId(); a != null; a = parents.get(a)) {
      ancestors.add(0, Map.of("id", a, "type", "page"));
    }
    m.put("ancestors", ancestors);
    if (body) {
      m.put("body", Map.of("storage", Map.of("value", p.body(), "representation", "storage")));
      List<Object> labels = new ArrayList<>();
      for (String l : p.labels()) {
        labels.add(Map.of("id", "77" + labels.size(), "name", l, "prefix", "global"));
      }
      m.put("metadata", Map.of("labels", Map.of("results", labels, "size", labels.size())));
    }
    m.put("_links", Map.of("webui", "/display/DOCS/" + p.id()));
    return m;
  }

  @Override
  protected String pageJson(P p) {
    return json(content(p, true));
  }

  /** A v1 result page holding all of {@code results}. */
  private static String resultsPage(List<Object> results) {
    return json(
        Map.of(
            "results",
            results,
            "start",
            0,
            "limit",
            200,
            "size",
            results.size(),
            "_links",
            Map.of()));
  }

  private void list(String path, List<P> pages) {
    List<Object> results = new ArrayList<>();
    pages.forEach(p -> results.add(content(p, false)));
    wm.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(resultsPage(results))));
  }

  @Override
  protected void stubSpaceListing(List<P> pages) {
    list(API + "/space/DOCS/content/page", pages);
  }

  @Override
  protected void stubDescendants(String rootId, List<P> pages) {
    list(API + "/content/" + rootId + "/descendant/page", pages);
  }

  @Override
  protected void stubVersionLookup(List<P> pages) {
    // Data Center listings carry versions: nothing is looked up.
  }

  @Override
  protected void stubHomepage(String id) {
    wm.stubFor(
        get(urlPathEqualTo(API + "/space/DOCS"))
            .willReturn(
                okJson(
                    "{\"id\":98305,\"key\":\"DOCS\",\"name\":\"Docs\",\"type\":\"global\","
                        + "\"homepage\":{\"id\":\""
                        + id
                        + "\",\"type\":\"page\"},\"_links\":{\"webui\":\"/display/DOCS\"}}")));
  }

  @Override
  protected String attachmentSearchPath() {
    return API + "/content/search";
  }

  @Override
  protected void stubAttachments(List<A> attachments) {
    List<Object> results = new ArrayList<>();
    for (A a : attachments) {
      String download = "/download/attachments/" + a.pageId() + "/" + a.name();
      results.add(
          Map.of(
              "id", a.id().replace("att", "10"),
              "type", "attachment",
              "status", "current",
              "title", a.name(),
              "version", Map.of("number", a.version()),
              "container", Map.of("id", a.pageId(), "type", "page"),
              "extensions",
                  Map.of("mediaType", "application/octet-stream", "fileSize", a.content().length()),
              "_links", Map.of("download", download + "?version=" + a.version())));
      wm.stubFor(
          get(urlPathEqualTo(CONTEXT + download))
              .willReturn(aResponse().withStatus(200).withBody(a.content())));
    }
    wm.stubFor(
        get(urlPathEqualTo(attachmentSearchPath()))
            .withQueryParam("cql", equalTo("type = attachment AND space = \"DOCS\""))
            .willReturn(okJson(resultsPage(results))));
  }

  @Override
  protected String personId(String who) {
    return "k-" + who;
  }

  @Override
  protected String personAttribute() {
    return "userkey";
  }

  @Override
  protected void stubPerson(String who, String name) {
    wm.stubFor(
        get(urlPathEqualTo(API + "/user"))
            .withQueryParam("key", equalTo("k-" + who))
            .willReturn(
                okJson(
                    "{\"type\":\"known\",\"username\":\""
                        + who
                        + "\",\"userKey\":\"k-"
                        + who
                        + "\",\"displayName\":\""
                        + name
                        + "\"}")));
  }
}
