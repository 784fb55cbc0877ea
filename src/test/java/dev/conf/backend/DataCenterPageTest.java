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
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.conf.testing.ConfRunner.Result;
import dev.conf.testing.SpecContract;
import dev.conf.testing.TestSite;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Data Center under a context path: v1 content with expand, start/limit links. */
class DataCenterPageTest extends PageScenarios {
  static final String CONTEXT = "/confluence";
  static final String API = CONTEXT + "/rest/api";

  @Override
  protected TestSite site() {
    return TestSite.dataCenter(url(), CONTEXT);
  }

  @Override
  protected SpecContract contract() {
    // Attachment downloads are served outside the REST API, by the download servlet.
    return super.contract().exempt("^" + CONTEXT + "/download/attachments/");
  }

  /** Data Center's code macro knows its own names (py), and refuses others (kotlin). */
  @Override
  protected String siteCodeLanguage(String written) {
    return written.equals("Python") ? "py" : null;
  }

  @Override
  protected String pagePath(String id) {
    return API + "/content/" + id;
  }

  @Override
  protected String createPath() {
    return API + "/content";
  }

  @Override
  protected String pageJson(String id, String title, int version, String body, String parentId) {
    return "{\"id\":\""
        + id
        + "\",\"type\":\"page\",\"status\":\"current\",\"title\":"
        + CloudPageTest.q(title)
        + ",\"space\":{\"id\":98305,\"key\":\"DOCS\",\"name\":\"Docs\"},"
        + "\"history\":{\"latest\":true,\"createdBy\":{\"type\":\"known\",\"username\":\"ann\","
        + "\"displayName\":\"Ann Author\"},\"createdDate\":\"2026-01-01T09:00:00.000Z\"},"
        + "\"version\":{\"by\":{\"type\":\"known\",\"username\":\"ed\",\"displayName\":\"Ed Editor\"},"
        + "\"when\":\"2026-11-01T10:00:00.000Z\",\"message\":\"version "
        + version
        + "\",\"number\":"
        + version
        + ",\"minorEdit\":false},"
        + "\"ancestors\":["
        + (parentId == null
            ? ""
            : "{\"id\":\"1\",\"type\":\"page\",\"title\":\"Home\"},{\"id\":\""
                + parentId
                + "\",\"type\":\"page\",\"title\":\"Parent\"}")
        + "],\"body\":{\"storage\":{\"value\":"
        + CloudPageTest.q(body)
        + ",\"representation\":\"storage\"}},"
        + "\"metadata\":{\"labels\":{\"results\":[{\"prefix\":\"global\",\"name\":\"howto\",\"id\":\"1\"},"
        + "{\"prefix\":\"global\",\"name\":\"release\",\"id\":\"2\"}],\"start\":0,\"limit\":200,\"size\":2}},"
        + "\"_links\":{\"webui\":\"/pages/viewpage.action?pageId="
        + id
        + "\",\"self\":\"http://localhost/confluence/rest/api/content/"
        + id
        + "\"}}";
  }

  @Override
  protected String pageUrl(String id, String title) {
    return siteUrl() + "/pages/viewpage.action?pageId=" + id;
  }

  @Override
  protected String bodyOf(JsonNode request) {
    assertThat(request.path("body").path("storage").path("representation").asText())
        .isEqualTo("storage");
    return request.path("body").path("storage").path("value").asText();
  }

  @Override
  protected String parentOf(JsonNode request) {
    JsonNode a = request.path("ancestors");
    return a.get(a.size() - 1).path("id").asText();
  }

  @Override
  protected void stubSpace(String key) {
    wm.stubFor(
        get(urlPathEqualTo(API + "/space/" + key))
            .willReturn(
                okJson(
                    "{\"id\":98305,\"key\":\""
                        + key
                        + "\",\"name\":\"Docs\",\"type\":\"global\","
                        + "\"homepage\":{\"id\":\"100\",\"type\":\"page\"},\"_links\":{\"webui\":\"/display/"
                        + key
                        + "\"}}")));
  }

  @Override
  protected void stubTitle(String key, String title, String id) {
    wm.stubFor(
        get(urlPathEqualTo(API + "/content"))
            .withQueryParam("spaceKey", equalTo(key))
            .withQueryParam("title", equalTo(title))
            .willReturn(
                okJson(
                    "{\"results\":["
                        + pageJson(id, title, 7, "", "100")
                        + "],\"start\":0,\"limit\":1,\"size\":1,\"_links\":{}}")));
  }

  /** start/limit-paged v1 results of {@code per}, the next link relative to the context path. */
  private void stubPaged(String path, List<String> items, int per, String nextBase) {
    int pages = (items.size() + per - 1) / per;
    for (int p = 0; p < pages; p++) {
      List<String> chunk = items.subList(p * per, Math.min(items.size(), (p + 1) * per));
      String next =
          p + 1 < pages ? "\"next\":\"" + nextBase + "&start=" + (p + 1) * per + "\"," : "";
      wm.stubFor(
          get(urlPathEqualTo(path))
              .withQueryParam("title", absent())
              .withQueryParam("start", p == 0 ? absent() : equalTo(String.valueOf(p * per)))
              .willReturn(
                  okJson(
                      "{\"results\":["
                          + String.join(",", chunk)
                          + "],\"start\":"
                          + p * per
                          + ",\"limit\":"
                          + per
                          + ",\"size\":"
                          + chunk.size()
                          + ",\"_links\":{"
                          + next
                          + "\"context\":\"/confluence\"}}")));
    }
  }

  @Override
  protected String stubPageList(int total, int perPage) {
    List<String> items = new ArrayList<>();
    for (int i = 1; i <= total; i++) {
      // A listing expands version, space and history only: no body, no labels.
      items.add(
          pageJson(String.valueOf(500 + i), "Page " + i, 1, "", "100")
              .replaceAll(",\"body\":\\{\"storage\":\\{[^}]*\\}\\}", "")
              .replaceAll(",\"metadata\":\\{.*?\\}\\],[^}]*\\}\\}", ""));
    }
    stubPaged(
        API + "/content",
        items,
        perPage,
        "/rest/api/content?type=page&spaceKey=DOCS&limit=" + perPage);
    return API + "/content";
  }

  @Override
  protected void stubVersionList(String id, int current) {
    // Data Center has no version listing: conf reads each version (stubbed by the scenario).
  }

  private static String node(int k, String... ancestors) {
    StringBuilder a = new StringBuilder();
    for (String id : ancestors) {
      a.append(a.length() == 0 ? "" : ",")
          .append("{\"id\":\"")
          .append(id)
          .append("\",\"type\":\"page\"}");
    }
    return "{\"id\":\""
        + k
        + "\",\"type\":\"page\",\"status\":\"current\",\"title\":\"Page "
        + k
        + "\",\"ancestors\":["
        + a
        + "]}";
  }

  @Override
  protected int stubTree(String rootId, int n) {
    List<String> items = new ArrayList<>();
    for (int k = 1001; k < 1001 + n; k++) {
      String parent = treeParent(k, rootId);
      items.add(parent.equals(rootId) ? node(k, "100", rootId) : node(k, "100", rootId, parent));
    }
    stubPaged(
        API + "/content/" + rootId + "/descendant/page",
        items,
        200,
        "/rest/api/content/" + rootId + "/descendant/page?expand=ancestors&limit=200");
    return 1 + (n + 199) / 200;
  }

  @Override
  protected int stubSpaceTree(String key, int n) {
    List<String> items = new ArrayList<>();
    for (int k = 1001; k < 1001 + n; k++) {
      String parent = spaceParent(k);
      items.add(
          parent == null
              ? node(k)
              : parent.equals("1001") ? node(k, "1001") : node(k, "1001", parent));
    }
    stubPaged(
        API + "/space/" + key + "/content/page",
        items,
        200,
        "/rest/api/space/" + key + "/content/page?depth=all&expand=ancestors&limit=200");
    return (n + 199) / 200;
  }

  @Override
  protected void stubMove(String id, String targetId) {
    stubPage(id, "Notes", 7, "<p>body</p>");
    stubPage(targetId, "Target", 3, "<p>t</p>");
    wm.stubFor(
        put(urlPathEqualTo(pagePath(id)))
            .willReturn(okJson(pageJson(id, "Notes", 8, "<p>body</p>", targetId))));
  }

  @Override
  protected void assertMovedUnder(String id, String targetId) {
    List<LoggedRequest> puts = wm.findAll(putRequestedFor(urlPathEqualTo(pagePath(id))));
    assertThat(puts).hasSize(1);
    JsonNode body = json(puts.get(0));
    assertThat(parentOf(body)).isEqualTo(targetId);
    assertThat(body.path("version").path("number").asInt()).isEqualTo(8);
    assertThat(bodyOf(body)).isEqualTo("<p>body</p>");
    assertThat(body.path("space").path("key").asText()).isEqualTo("DOCS");
  }

  @Override
  protected void stubCopy(String sourceId, String parentId, String newId) {
    stubPage(sourceId, "Notes", 7, "<p>body</p>");
    stubPage(parentId, "Parent", 3, "<p>p</p>");
    wm.stubFor(
        post(urlPathEqualTo(createPath()))
            .willReturn(okJson(pageJson(newId, "Twin", 1, "<p>body</p>", parentId))));
    wm.stubFor(
        post(urlPathEqualTo(pagePath(newId) + "/label")).willReturn(okJson("{\"results\":[]}")));
  }

  @Override
  protected void assertCopied(String sourceId, String parentId, String title) {
    List<LoggedRequest> posts = wm.findAll(postRequestedFor(urlPathEqualTo(createPath())));
    assertThat(posts).hasSize(1);
    JsonNode body = json(posts.get(0));
    assertThat(body.path("title").asText()).isEqualTo(title);
    assertThat(parentOf(body)).isEqualTo(parentId);
    assertThat(bodyOf(body)).isEqualTo("<p>body</p>");
    assertThat(wm.findAll(postRequestedFor(urlPathEqualTo(pagePath("900") + "/label"))))
        .extracting(r -> json(r).path("name").asText())
        .containsExactly("howto", "release");
  }

  // ---- Data Center only

  @Test
  void moveBeforeASiblingSaysThePositionCannotBeSet() {
    stubMove("42", "300");
    Result r = conf.pipe().run("page", "move", "42", "--before", "300");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("note: Data Center's REST API cannot order pages");
    // The target's parent (the last of its ancestors) becomes the page's parent.
    assertMovedUnder("42", "100");
  }

  @Test
  void minorEditsAreSent() {
    stubPage("42", "Notes", 7, "<p>old</p>");
    wm.stubFor(
        put(urlPathEqualTo(pagePath("42")))
            .willReturn(okJson(pageJson("42", "Notes", 8, "<p>n</p>", "100"))));
    Result r = conf.pipe().stdin("<p>n</p>").run("page", "update", "42", "-", "--minor");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(
            json(wm.findAll(putRequestedFor(urlPathEqualTo(pagePath("42")))).get(0))
                .path("version")
                .path("minorEdit")
                .asBoolean())
        .isTrue();
  }

  @Override
  protected String blogPath(String id) {
    return pagePath(id);
  }

  @Override
  protected String blogCreatePath() {
    return createPath();
  }

  @Override
  protected String blogJson(String id, String title, int version, String body) {
    return pageJson(id, title, version, body, null)
        .replaceFirst("\"type\":\"page\"", "\"type\":\"blogpost\"");
  }

  @Override
  protected String spaceUrl(String key) {
    return siteUrl() + "/display/" + key;
  }

  @Override
  protected void stubChildren(String id, int n) {
    List<String> items = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      items.add(
          "{\"id\":\""
              + id
              + i
              + "\",\"type\":\"page\",\"status\":\"current\",\"title\":\"Child "
              + i
              + "\"}");
    }
    wm.stubFor(
        get(urlPathEqualTo(API + "/content/" + id + "/child/page"))
            .willReturn(
                okJson(
                    "{\"results\":["
                        + String.join(",", items)
                        + "],\"start\":0,\"limit\":200,\"size\":"
                        + n
                        + ",\"_links\":{}}")));
  }

  @Test
  void aRecursiveCopyCreatesEveryPageUnderItsCopiedParent() {
    stubPage("42", "Notes", 7, "<p>top</p>");
    stubPage("300", "Parent", 3, "<p>p</p>");
    stubPage("43", "Child", 1, "<p>c</p>");
    stubPage("44", "Grandchild", 1, "<p>g</p>");
    wm.stubFor(
        get(urlPathEqualTo(API + "/content/42/descendant/page"))
            .willReturn(
                okJson(
                    "{\"results\":["
                        // The grandchild first: conf must still create parents first.
                        + "{\"id\":\"44\",\"type\":\"page\",\"title\":\"Grandchild\",\"ancestors\":[{\"id\":\"42\"},{\"id\":\"43\"}]},"
                        + "{\"id\":\"43\",\"type\":\"page\",\"title\":\"Child\",\"ancestors\":[{\"id\":\"42\"}]}"
                        + "],\"start\":0,\"limit\":200,\"size\":2,\"_links\":{}}")));
    wm.stubFor(
        post(urlPathEqualTo(createPath()))
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(
                    "$.title", equalTo("Copy of Notes")))
            .willReturn(okJson(pageJson("900", "Copy of Notes", 1, "<p>top</p>", "300"))));
    wm.stubFor(
        post(urlPathEqualTo(createPath()))
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(
                    "$.title", equalTo("Copy of Child")))
            .willReturn(okJson(pageJson("901", "Copy of Child", 1, "<p>c</p>", "900"))));
    wm.stubFor(
        post(urlPathEqualTo(createPath()))
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(
                    "$.title", equalTo("Copy of Grandchild")))
            .willReturn(okJson(pageJson("902", "Copy of Grandchild", 1, "<p>g</p>", "901"))));
    Result r = conf.pipe().run("page", "copy", "42", "--parent", "300", "--recursive");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err())
        .isEqualTo("Copied page 42 to 'Copy of Notes' (900) with 2 pages under it.\n");
    List<LoggedRequest> posts = wm.findAll(postRequestedFor(urlPathEqualTo(createPath())));
    assertThat(posts)
        .extracting(p -> json(p).path("title").asText() + " under " + parentOf(json(p)))
        .containsExactly(
            "Copy of Notes under 300", "Copy of Child under 900", "Copy of Grandchild under 901");
  }

  @Test
  void attachmentsAreDownloadedAndUploadedToTheCopy() {
    stubCopy("42", "300", "900");
    wm.stubFor(
        get(urlPathEqualTo(API + "/content/42/child/attachment"))
            .willReturn(
                okJson(
                    "{\"results\":[{\"id\":\"att5\",\"type\":\"attachment\",\"title\":\"diagram.png\","
                        + "\"extensions\":{\"mediaType\":\"image/png\",\"fileSize\":4},"
                        + "\"_links\":{\"download\":\"/download/attachments/42/diagram.png?version=1&api=v2\"}}],"
                        + "\"start\":0,\"limit\":100,\"size\":1,\"_links\":{}}")));
    wm.stubFor(
        get(urlPathEqualTo(CONTEXT + "/download/attachments/42/diagram.png"))
            .willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "image/png")
                    .withBody(new byte[] {(byte) 0x89, 'P', 'N', 'G'})));
    wm.stubFor(
        post(urlPathEqualTo(API + "/content/900/child/attachment"))
            .willReturn(okJson("{\"results\":[{\"id\":\"att9\",\"title\":\"diagram.png\"}]}")));
    Result r =
        conf.pipe()
            .run("page", "copy", "42", "--parent", "300", "--title", "Twin", "--with-attachments");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    LoggedRequest upload =
        wm.findAll(postRequestedFor(urlPathEqualTo(API + "/content/900/child/attachment"))).get(0);
    assertThat(upload.getHeader("X-Atlassian-Token")).isEqualTo("no-check");
    assertThat(upload.getHeader("Content-Type")).startsWith("multipart/form-data");
    assertThat(upload.getPart("file").getBody().asBytes())
        .containsExactly((byte) 0x89, 'P', 'N', 'G');
    assertThat(upload.getPart("file").getHeader("Content-Disposition").firstValue())
        .contains("filename=\"diagram.png\"");
  }

  @Override
  protected void assertAskedForViewFormat(LoggedRequest read) {
    assertThat(read.queryParameter("expand").firstValue()).startsWith("body.view,");
  }

  // ---- images of a Markdown body

  @Override
  protected String imageAttachmentId(int n) {
    return String.valueOf(1000 + n);
  }

  @Override
  protected void stubAttachmentList(String contentId, boolean blog, Img... attachments) {
    List<String> items = new ArrayList<>();
    for (Img a : attachments) {
      items.add(v1AttachmentJson(a, contentId));
    }
    wm.stubFor(
        get(urlPathEqualTo(attachmentUploadPath(contentId)))
            .willReturn(
                okJson(
                    "{\"results\":["
                        + String.join(",", items)
                        + "],\"start\":0,\"limit\":100,\"size\":"
                        + items.size()
                        + ",\"_links\":{}}")));
  }

  @Override
  protected String attachmentUploadPath(String contentId) {
    return API + "/content/" + contentId + "/child/attachment";
  }
}
