package dev.conf.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.testing.ConfRunner.Result;
import dev.conf.testing.TestSite;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cloud: v2 pages with cursor links from the site root; v1 for move, copy and user names. */
class CloudPageTest extends PageScenarios {
  static final String V2 = "/wiki/api/v2";

  @Override
  protected TestSite site() {
    return TestSite.cloud(url());
  }

  @Override
  protected void stubCommon() {
    wm.stubFor(
        get(urlPathEqualTo("/wiki/rest/api/user/bulk"))
            .willReturn(
                okJson(
                    "{\"results\":[{\"accountId\":\"acc-ann\",\"displayName\":\"Ann Author\"},"
                        + "{\"accountId\":\"acc-ed\",\"displayName\":\"Ed Editor\"}]}")));
  }

  /** Cloud's code macro takes the language as written. */
  @Override
  protected String siteCodeLanguage(String written) {
    return written;
  }

  @Override
  protected String pagePath(String id) {
    return V2 + "/pages/" + id;
  }

  @Override
  protected String createPath() {
    return V2 + "/pages";
  }

  @Override
  protected String pageJson(String id, String title, int version, String body, String parentId) {
    return "{\"id\":\""
        + id
        + "\",\"status\":\"current\",\"title\":"
        + q(title)
        + ",\"spaceId\":\"98305\",\"parentId\":"
        + (parentId == null ? "null" : q(parentId))
        + ",\"parentType\":\"page\",\"authorId\":\"acc-ann\",\"createdAt\":\"2026-01-01T09:00:00.000Z\","
        + "\"version\":{\"number\":"
        + version
        + ",\"message\":\"version "
        + version
        + "\",\"createdAt\":\"2026-11-01T10:00:00.000Z\",\"authorId\":\"acc-ed\",\"minorEdit\":false},"
        + "\"body\":{\"storage\":{\"value\":"
        + q(body)
        + ",\"representation\":\"storage\"}},"
        + "\"labels\":{\"results\":[{\"id\":\"1\",\"name\":\"howto\",\"prefix\":\"global\"},"
        + "{\"id\":\"2\",\"name\":\"release\",\"prefix\":\"global\"}]},"
        + "\"_links\":{\"webui\":\"/spaces/DOCS/pages/"
        + id
        + "\",\"tinyui\":\"/x/abc\"}}";
  }

  static String q(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected String pageUrl(String id, String title) {
    return url() + "/wiki/spaces/DOCS/pages/" + id;
  }

  @Override
  protected String bodyOf(JsonNode request) {
    assertThat(request.path("body").path("representation").asText()).isEqualTo("storage");
    return request.path("body").path("value").asText();
  }

  @Override
  protected String parentOf(JsonNode request) {
    return request.path("parentId").asText();
  }

  @Override
  protected void stubSpace(String key) {
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/spaces"))
            .withQueryParam("keys", equalTo(key))
            .willReturn(
                okJson(
                    "{\"results\":[{\"id\":\"98305\",\"key\":\""
                        + key
                        + "\",\"name\":\"Docs\",\"type\":\"global\",\"status\":\"current\","
                        + "\"homepageId\":\"100\",\"_links\":{\"webui\":\"/spaces/"
                        + key
                        + "\"}}],\"_links\":{}}")));
  }

  @Override
  protected void stubTitle(String key, String title, String id) {
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/pages"))
            .withQueryParam("space-id", equalTo("98305"))
            .withQueryParam("title", equalTo(title))
            .willReturn(
                okJson("{\"results\":[" + pageJson(id, title, 7, "", "100") + "],\"_links\":{}}")));
  }

  @Override
  protected String stubPageList(int total, int perPage) {
    int pages = (total + perPage - 1) / perPage;
    for (int p = 0; p < pages; p++) {
      List<String> items = new ArrayList<>();
      for (int i = p * perPage + 1; i <= Math.min(total, (p + 1) * perPage); i++) {
        items.add(
            pageJson(String.valueOf(500 + i), "Page " + i, 1, "", "100")
                .replace(
                    ",\"body\":{\"storage\":{\"value\":\"\",\"representation\":\"storage\"}}", ""));
      }
      String next =
          p + 1 < pages
              ? "\"next\":\"/wiki/api/v2/pages?space-id=98305&limit="
                  + perPage
                  + "&cursor=c"
                  + (p + 2)
                  + "\""
              : "";
      wm.stubFor(
          get(urlPathEqualTo(V2 + "/pages"))
              .withQueryParam("title", absent())
              .withQueryParam("cursor", p == 0 ? absent() : equalTo("c" + (p + 1)))
              .willReturn(
                  okJson(
                      "{\"results\":["
                          + String.join(",", items)
                          + "],\"_links\":{"
                          + next
                          + "}}")));
    }
    return V2 + "/pages";
  }

  @Override
  protected void stubVersionList(String id, int current) {
    List<String> items = new ArrayList<>();
    for (int v = current; v >= 1; v--) {
      items.add(
          "{\"number\":"
              + v
              + ",\"message\":\"version "
              + v
              + "\",\"createdAt\":\"2026-11-01T10:00:00.000Z\",\"authorId\":\"acc-ed\",\"minorEdit\":false}");
    }
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/pages/" + id + "/versions"))
            .willReturn(okJson("{\"results\":[" + String.join(",", items) + "],\"_links\":{}}")));
  }

  /** Cursor-paged v2 results of 250, the next link carrying the cursor. */
  private void stubPaged(String path, List<String> items, String nextBase) {
    int pages = (items.size() + 249) / 250;
    for (int p = 0; p < pages; p++) {
      List<String> chunk = items.subList(p * 250, Math.min(items.size(), (p + 1) * 250));
      String next = p + 1 < pages ? "\"next\":\"" + nextBase + "&cursor=c" + (p + 2) + "\"" : "";
      wm.stubFor(
          get(urlPathEqualTo(path))
              .withQueryParam("cursor", p == 0 ? absent() : equalTo("c" + (p + 1)))
              .willReturn(
                  okJson(
                      "{\"results\":["
                          + String.join(",", chunk)
                          + "],\"_links\":{"
                          + next
                          + "}}")));
    }
  }

  @Override
  protected int stubTree(String rootId, int n) {
    List<String> items = new ArrayList<>();
    for (int k = 1001; k < 1001 + n; k++) {
      String parent = treeParent(k, rootId);
      items.add(
          "{\"id\":\""
              + k
              + "\",\"status\":\"current\",\"title\":\"Page "
              + k
              + "\",\"type\":\"page\","
              + "\"parentId\":\""
              + parent
              + "\",\"depth\":"
              + (parent.equals(rootId) ? 1 : 2)
              + ",\"childPosition\":"
              + k
              + "}");
    }
    stubPaged(
        V2 + "/pages/" + rootId + "/descendants",
        items,
        V2 + "/pages/" + rootId + "/descendants?limit=250&depth=10");
    // The root page, then ceil(n / 250) pages of descendants.
    return 1 + (n + 249) / 250;
  }

  @Override
  protected int stubSpaceTree(String key, int n) {
    List<String> items = new ArrayList<>();
    for (int k = 1001; k < 1001 + n; k++) {
      String parent = spaceParent(k);
      items.add(
          "{\"id\":\""
              + k
              + "\",\"status\":\"current\",\"title\":\"Page "
              + k
              + "\",\"spaceId\":\"98305\","
              + "\"parentId\":"
              + (parent == null ? "null" : "\"" + parent + "\"")
              + ",\"parentType\":"
              + (parent == null ? "null" : "\"page\"")
              + ",\"position\":"
              + k
              + "}");
    }
    stubPaged(V2 + "/spaces/98305/pages", items, V2 + "/spaces/98305/pages?depth=all&limit=250");
    // The space's id by key, then ceil(n / 250) pages.
    return 1 + (n + 249) / 250;
  }

  @Override
  protected void stubMove(String id, String targetId) {
    wm.stubFor(
        put(urlPathEqualTo("/wiki/rest/api/content/" + id + "/move/append/" + targetId))
            .willReturn(okJson("{\"pageId\":\"" + id + "\"}")));
  }

  @Override
  protected void assertMovedUnder(String id, String targetId) {
    assertThat(
            wm.findAll(
                putRequestedFor(
                    urlPathEqualTo("/wiki/rest/api/content/" + id + "/move/append/" + targetId))))
        .hasSize(1);
    assertThat(writes()).hasSize(1);
  }

  @Override
  protected void stubCopy(String sourceId, String parentId, String newId) {
    wm.stubFor(
        post(urlPathEqualTo("/wiki/rest/api/content/" + sourceId + "/copy"))
            .willReturn(
                okJson(
                    "{\"id\":\""
                        + newId
                        + "\",\"type\":\"page\",\"title\":\"Twin\","
                        + "\"_links\":{\"webui\":\"/spaces/DOCS/pages/"
                        + newId
                        + "\"}}")));
  }

  @Override
  protected void assertCopied(String sourceId, String parentId, String title) {
    List<com.github.tomakehurst.wiremock.verification.LoggedRequest> posts =
        wm.findAll(
            postRequestedFor(urlPathEqualTo("/wiki/rest/api/content/" + sourceId + "/copy")));
    assertThat(posts).hasSize(1);
    JsonNode body = json(posts.get(0));
    assertThat(body.path("destination").path("type").asText()).isEqualTo("parent_page");
    assertThat(body.path("destination").path("value").asText()).isEqualTo(parentId);
    assertThat(body.path("pageTitle").asText()).isEqualTo(title);
    assertThat(body.path("copyLabels").asBoolean()).isTrue();
    assertThat(body.path("copyAttachments").asBoolean()).isFalse();
  }

  // ---- Cloud only

  @Test
  void aRecursiveCopyStartsAServerTask() {
    wm.stubFor(
        post(urlPathEqualTo("/wiki/rest/api/content/42/pagehierarchy/copy"))
            .willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                    .withStatus(202)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"id\":\"task-7\",\"links\":{\"status\":\"/rest/api/longtask/task-7\"}}")));
    Result r = conf.pipe().run("page", "copy", "42", "--parent", "300", "--recursive", "--no-wait");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("task-7\n");
    assertThat(conf.sleeps).isEmpty();
    JsonNode body =
        json(
            wm.findAll(
                    postRequestedFor(
                        urlPathEqualTo("/wiki/rest/api/content/42/pagehierarchy/copy")))
                .get(0));
    assertThat(body.path("destinationPageId").asText()).isEqualTo("300");
    assertThat(body.path("copyDescendants").asBoolean()).isTrue();
  }

  @Test
  void foldersAppearInTheSpaceTree() {
    stubSpace("DOCS");
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/spaces/98305/pages"))
            .willReturn(
                okJson(
                    "{\"results\":["
                        + "{\"id\":\"1\",\"title\":\"Home\",\"parentId\":null,\"position\":0},"
                        + "{\"id\":\"3\",\"title\":\"Filed\",\"parentId\":\"2\",\"parentType\":\"folder\",\"position\":0}"
                        + "],\"_links\":{}}")));
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/folders/2"))
            .willReturn(
                okJson(
                    "{\"id\":\"2\",\"type\":\"folder\",\"title\":\"Archive\",\"parentId\":\"1\","
                        + "\"parentType\":\"page\",\"position\":5}")));
    Result r = conf.pipe().run("page", "tree", "--space", "DOCS");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("0\t1\tHome\n1\t2\tArchive\n2\t3\tFiled\n");
  }

  @Test
  void minorIsNotAvailableOnCloudAndSaysSo() {
    stubPage("42", "Notes", 7, "<p>old</p>");
    wm.stubFor(
        put(urlPathEqualTo(pagePath("42")))
            .willReturn(okJson(pageJson("42", "Notes", 8, "<p>n</p>", "100"))));
    Result r = conf.pipe().stdin("<p>n</p>").run("page", "update", "42", "-", "--minor");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("warning: Confluence Cloud cannot mark an edit as minor");
    assertThat(
            json(wm.findAll(putRequestedFor(urlPathEqualTo(pagePath("42")))).get(0))
                .path("version")
                .has("minorEdit"))
        .isFalse();
  }

  @Override
  protected String blogPath(String id) {
    return V2 + "/blogposts/" + id;
  }

  @Override
  protected String blogCreatePath() {
    return V2 + "/blogposts";
  }

  @Override
  protected String blogJson(String id, String title, int version, String body) {
    return pageJson(id, title, version, body, null)
        .replace(",\"parentId\":null,\"parentType\":\"page\"", "")
        .replace("/pages/" + id, "/blog/2026/11/01/" + id);
  }

  @Override
  protected String spaceUrl(String key) {
    return url() + "/wiki/spaces/" + key;
  }

  @Override
  protected void stubChildren(String id, int n) {
    List<String> items = new ArrayList<>();
    for (int i = n; i >= 1; i--) {
      // Out of order on purpose: the children's positions decide.
      items.add(
          "{\"id\":\""
              + id
              + i
              + "\",\"status\":\"current\",\"title\":\"Child "
              + i
              + "\",\"type\":\"page\",\"spaceId\":\"98305\",\"childPosition\":"
              + i
              + "}");
    }
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/pages/" + id + "/direct-children"))
            .willReturn(okJson("{\"results\":[" + String.join(",", items) + "],\"_links\":{}}")));
  }

  @Test
  void aTreeDeeperThanTenLevelsAsksAgainBelowTheTenth() {
    stubPage("1", "Root", 1, "<p>r</p>");
    // A chain 2 → 11 answered for levels 1..10, then what hangs below page 11.
    List<String> chain = new ArrayList<>();
    for (int d = 1; d <= 10; d++) {
      chain.add(
          "{\"id\":\""
              + (d + 1)
              + "\",\"title\":\"L"
              + d
              + "\",\"type\":\"page\",\"parentId\":\""
              + d
              + "\",\"depth\":"
              + d
              + "}");
    }
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/pages/1/descendants"))
            .willReturn(okJson("{\"results\":[" + String.join(",", chain) + "],\"_links\":{}}")));
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/pages/11/descendants"))
            .willReturn(
                okJson(
                    "{\"results\":[{\"id\":\"12\",\"title\":\"L11\",\"type\":\"folder\",\"parentId\":\"11\",\"depth\":1}],"
                        + "\"_links\":{}}")));
    Result r = conf.pipe().run("page", "tree", "1");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().lines()).hasSize(12).last().isEqualTo("11\t12\tL11");
    assertThat(
            wm.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                    urlPathEqualTo(V2 + "/pages/11/descendants"))))
        .singleElement()
        .satisfies(req -> assertThat(req.queryParameter("depth").firstValue()).isEqualTo("10"));
  }

  @Test
  void aCopyWithoutATitleIsCalledCopyOf() {
    stubPage("42", "Notes", 7, "<p>x</p>");
    stubCopy("42", "300", "900");
    Result r = conf.pipe().run("page", "copy", "42", "--parent", "300");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode body =
        json(wm.findAll(postRequestedFor(urlPathEqualTo("/wiki/rest/api/content/42/copy"))).get(0));
    assertThat(body.path("pageTitle").asText()).isEqualTo("Copy of Notes");
  }

  @Test
  void aRecursiveCopyWaitsForTheServerTaskAndPrintsTheNewPage() {
    wm.stubFor(
        post(urlPathEqualTo("/wiki/rest/api/content/42/pagehierarchy/copy"))
            .willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                    .withStatus(202)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"id\":\"task-7\",\"links\":{\"status\":\"/rest/api/longtask/task-7\"}}")));
    String task =
        "{\"id\":\"task-7\",\"name\":{\"key\":\"copy\",\"args\":[]},\"elapsedTime\":10,\"messages\":[],"
            + "\"_links\":{},";
    wm.stubFor(
        get(urlPathEqualTo("/wiki/rest/api/longtask/task-7"))
            .inScenario("task")
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willReturn(
                okJson(task + "\"percentageComplete\":40,\"finished\":false,\"successful\":false}"))
            .willSetStateTo("done"));
    wm.stubFor(
        get(urlPathEqualTo("/wiki/rest/api/longtask/task-7"))
            .inScenario("task")
            .whenScenarioStateIs("done")
            .willReturn(
                okJson(
                    task
                        + "\"percentageComplete\":100,\"finished\":true,\"successful\":true,"
                        + "\"additionalDetails\":{\"destinationId\":\"901\"}}")));
    stubPage("901", "Copy of Notes", 1, "<p>x</p>");
    Result r = conf.pipe().run("page", "copy", "42", "--parent", "300", "--recursive");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo(pageUrl("901", "Copy of Notes") + "\n");
    assertThat(conf.sleeps).containsExactly(java.time.Duration.ofSeconds(1));
  }

  @Test
  void aFailedServerCopyExits1WithTheServersReason() {
    wm.stubFor(
        post(urlPathEqualTo("/wiki/rest/api/content/42/pagehierarchy/copy"))
            .willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                    .withStatus(202)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"id\":\"task-8\",\"links\":{}}")));
    wm.stubFor(
        get(urlPathEqualTo("/wiki/rest/api/longtask/task-8"))
            .willReturn(
                okJson(
                    "{\"id\":\"task-8\",\"name\":{\"key\":\"copy\",\"args\":[]},\"elapsedTime\":10,"
                        + "\"percentageComplete\":100,\"finished\":true,\"successful\":false,\"_links\":{},"
                        + "\"messages\":[{\"translation\":\"Could not get the lock on destination space\"}]}")));
    Result r = conf.pipe().run("page", "copy", "42", "--parent", "300", "--recursive");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "conf: the server could not copy page 42 (task task-8): Could not get the lock on"
                + " destination space\n");
  }

  @Override
  protected void assertAskedForViewFormat(
      com.github.tomakehurst.wiremock.verification.LoggedRequest read) {
    assertThat(read.queryParameter("body-format").firstValue()).isEqualTo("view");
  }

  // ---- images of a Markdown body

  @Override
  protected String imageAttachmentId(int n) {
    return "att" + (1000 + n);
  }

  @Override
  protected void stubAttachmentList(String contentId, boolean blog, Img... attachments) {
    List<String> items = new ArrayList<>();
    for (Img a : attachments) {
      items.add(
          "{\"id\":\""
              + a.id()
              + "\",\"status\":\"current\",\"title\":"
              + q(a.name())
              + ",\""
              + (blog ? "blogPostId" : "pageId")
              + "\":\""
              + contentId
              + "\",\"mediaType\":\"image/png\",\"fileSize\":"
              + a.size()
              + ",\"comment\":"
              + q(a.comment())
              + ",\"version\":{\"number\":"
              + a.version()
              + ",\"createdAt\":\"2026-11-28T12:00:00Z\",\"authorId\":\"acc-ann\"},"
              + "\"downloadLink\":"
              + q("/download/attachments/" + contentId + "/" + a.name())
              + "}");
    }
    wm.stubFor(
        get(urlPathEqualTo(V2 + (blog ? "/blogposts/" : "/pages/") + contentId + "/attachments"))
            .willReturn(okJson("{\"results\":[" + String.join(",", items) + "],\"_links\":{}}")));
  }

  @Override
  protected String attachmentUploadPath(String contentId) {
    return "/wiki/rest/api/content/" + contentId + "/child/attachment";
  }
}
