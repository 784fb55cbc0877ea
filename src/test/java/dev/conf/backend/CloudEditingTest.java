package dev.conf.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.conf.testing.ConfRunner.Result;
import dev.conf.testing.TestSite;
import java.util.List;

/** Cloud: v2 pages, properties and inline comments; v1 for templates and restrictions. */
class CloudEditingTest extends EditingScenarios {
  static final String V2 = "/wiki/api/v2";
  private static final CloudPageTest PAGES = new CloudPageTest();

  @Override
  protected TestSite site() {
    return TestSite.cloud(url());
  }

  @Override
  protected void stubCommon() {
    wm.stubFor(
        get(urlPathEqualTo("/wiki/rest/api/user/bulk")).willReturn(okJson("{\"results\":[]}")));
  }

  @Override
  protected String pagePath(String id) {
    return V2 + "/pages/" + id;
  }

  @Override
  protected String pageJson(String id, String title, int version, String body) {
    return PAGES.pageJson(id, title, version, body, "100");
  }

  @Override
  protected String bodyOf(JsonNode request) {
    assertThat(request.path("body").path("representation").asText()).isEqualTo("storage");
    return request.path("body").path("value").asText();
  }

  @Override
  protected String propertiesPath(String pageId) {
    return V2 + "/pages/" + pageId + "/properties";
  }

  @Override
  protected String propertyPath(String pageId, String propertyId, String key) {
    return propertiesPath(pageId) + "/" + propertyId;
  }

  @Override
  protected void stubPropertyList(String pageId, String... properties) {
    wm.stubFor(
        get(urlPathEqualTo(propertiesPath(pageId)))
            .withQueryParam("key", absent())
            .willReturn(
                okJson("{\"results\":[" + String.join(",", properties) + "],\"_links\":{}}")));
  }

  /** v2 finds a property by key with the listing's {@code key} filter. */
  @Override
  protected void stubPropertyByKey(String pageId, String key, String property) {
    wm.stubFor(
        get(urlPathEqualTo(propertiesPath(pageId)))
            .withQueryParam("key", equalTo(key))
            .willReturn(
                okJson(
                    "{\"results\":[" + (property == null ? "" : property) + "],\"_links\":{}}")));
  }

  static String inlineCommentJson(String id, int version, String resolution, String parent) {
    return "{\"id\":\""
        + id
        + "\",\"status\":\"current\",\"title\":\"Re: Deploy\",\"pageId\":\"42\","
        + (parent == null ? "" : "\"parentCommentId\":\"" + parent + "\",")
        + "\"version\":{\"number\":"
        + version
        + ",\"authorId\":\"acc-ann\",\"createdAt\":\"2026-11-29T11:00:00.000Z\"},"
        + "\"body\":{\"storage\":{\"value\":\"<p>Which worker?</p>\",\"representation\":\"storage\"}},"
        + "\"resolutionStatus\":\""
        + resolution
        + "\",\"properties\":{\"inlineMarkerRef\":\"m-1\",\"inlineOriginalSelection\":\"the worker\"},"
        + "\"_links\":{\"webui\":\"/spaces/DOCS/pages/42?focusedCommentId="
        + id
        + "\"}}";
  }

  @Override
  protected void stubInlineCommentCreate(String pageId) {
    wm.stubFor(
        post(urlPathEqualTo(V2 + "/inline-comments"))
            .willReturn(okJson(inlineCommentJson("9001", 1, "open", null))));
  }

  @Override
  protected void assertInlineCommentAdded(Result r) {
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err())
        .isEqualTo("Commented on \"the worker\" (occurrence 2 of 3) on page or blog post 42.\n");
    assertThat(r.out()).isEqualTo(url() + "/wiki/spaces/DOCS/pages/42?focusedCommentId=9001\n");
    List<LoggedRequest> posts =
        wm.findAll(postRequestedFor(urlPathEqualTo(V2 + "/inline-comments")));
    assertThat(posts).hasSize(1);
    JsonNode sent = json(posts.get(0));
    assertThat(sent.path("pageId").asText()).isEqualTo("42");
    assertThat(sent.path("body").path("value").asText()).isEqualTo("<p>Which worker?</p>\n");
    JsonNode p = sent.path("inlineCommentProperties");
    assertThat(p.path("textSelection").asText()).isEqualTo("the worker");
    assertThat(p.path("textSelectionMatchCount").asInt()).isEqualTo(3);
    assertThat(p.path("textSelectionMatchIndex").asInt()).isEqualTo(1);
  }

  @Override
  protected void stubInlineThread(String id) {
    String path = V2 + "/inline-comments/" + id;
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/footer-comments/" + id))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"errors\":[{\"status\":404,\"title\":\"Not Found\"}]}")));
    wm.stubFor(
        get(urlPathEqualTo(path)).willReturn(okJson(inlineCommentJson(id, 1, "open", null))));
    wm.stubFor(
        post(urlPathEqualTo(V2 + "/inline-comments"))
            .willReturn(okJson(inlineCommentJson("9002", 1, "open", id))));
    wm.stubFor(
        put(urlPathEqualTo(path)).willReturn(okJson(inlineCommentJson(id, 2, "resolved", null))));
  }

  @Override
  protected void assertThread(Result reply, Result resolve, Result reopen, String id) {
    assertThat(reply.exitCode()).as(reply.toString()).isZero();
    assertThat(reply.err()).isEqualTo("Replied to inline comment " + id + ".\n");
    JsonNode sent =
        json(wm.findAll(postRequestedFor(urlPathEqualTo(V2 + "/inline-comments"))).get(0));
    assertThat(sent.path("parentCommentId").asText()).isEqualTo(id);
    assertThat(sent.has("inlineCommentProperties")).isFalse();
    assertThat(sent.path("body").path("value").asText())
        .isEqualTo("<p>Fixed in <strong>v2</strong>.</p>\n");

    assertThat(resolve.exitCode()).as(resolve.toString()).isZero();
    assertThat(resolve.err()).isEqualTo("Resolved inline comment " + id + ".\n");
    assertThat(reopen.exitCode()).as(reopen.toString()).isZero();
    assertThat(reopen.err()).isEqualTo("Reopened inline comment " + id + ".\n");
    List<JsonNode> puts = puts(V2 + "/inline-comments/" + id);
    assertThat(puts).extracting(p -> p.path("resolved").asBoolean()).containsExactly(true, false);
    assertThat(puts).extracting(p -> p.path("version").path("number").asInt()).containsOnly(2);
    assertThat(puts.get(0).path("body").path("value").asText()).isEqualTo("<p>Which worker?</p>");
  }

  @Override
  protected void stubTemplates() {
    wm.stubFor(
        get(urlPathEqualTo("/wiki/rest/api/template/page"))
            .withQueryParam("spaceKey", equalTo("DOCS"))
            .willReturn(
                okJson(
                    "{\"results\":[{\"templateId\":\"3001\",\"name\":\"Runbook\","
                        + "\"description\":\"On-call steps\",\"templateType\":\"page\","
                        + "\"space\":{\"key\":\"DOCS\"}}],\"start\":0,\"limit\":100,\"size\":1,"
                        + "\"_links\":{}}")));
    wm.stubFor(
        get(urlPathEqualTo("/wiki/rest/api/template/page"))
            .withQueryParam("spaceKey", absent())
            .willReturn(
                okJson(
                    "{\"results\":[{\"templateId\":\"3002\",\"name\":\"Meeting notes\","
                        + "\"description\":\"\",\"templateType\":\"page\"}],\"start\":0,"
                        + "\"limit\":100,\"size\":1,\"_links\":{}}")));
    wm.stubFor(
        get(urlPathEqualTo("/wiki/rest/api/template/3001"))
            .willReturn(
                okJson(
                    "{\"templateId\":\"3001\",\"name\":\"Runbook\",\"templateType\":\"page\","
                        + "\"body\":{\"storage\":{\"value\":\"<h1>Runbook</h1>\","
                        + "\"representation\":\"storage\"}}}")));
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/spaces"))
            .withQueryParam("keys", equalTo("DOCS"))
            .willReturn(
                okJson(
                    "{\"results\":[{\"id\":\"98305\",\"key\":\"DOCS\",\"name\":\"Docs\","
                        + "\"type\":\"global\",\"status\":\"current\"}],\"_links\":{}}")));
    wm.stubFor(
        post(urlPathEqualTo(V2 + "/pages"))
            .willReturn(okJson(pageJson("900", "Ops", 1, "<h1>Runbook</h1>"))));
  }

  @Override
  protected void assertTemplateLists(Result space, Result global) {
    assertThat(space.exitCode()).as(space.toString()).isZero();
    assertThat(space.out()).isEqualTo("3001\tRunbook\tOn-call steps\n");
    assertThat(global.exitCode()).as(global.toString()).isZero();
    assertThat(global.out()).isEqualTo("3002\tMeeting notes\t\n");
  }

  @Override
  protected void assertCreatedFromTemplate(Result r) {
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode sent = json(wm.findAll(postRequestedFor(urlPathEqualTo(V2 + "/pages"))).get(0));
    assertThat(sent.path("title").asText()).isEqualTo("Ops");
    assertThat(bodyOf(sent)).isEqualTo("<h1>Runbook</h1>");
  }

  @Override
  protected String restrictionPath(String pageId) {
    return "/wiki/rest/api/content/" + pageId + "/restriction";
  }

  @Override
  protected String annJson() {
    return "{\"type\":\"known\",\"accountId\":\"acc-ann\",\"accountType\":\"atlassian\","
        + "\"displayName\":\"Ann Author\",\"publicName\":\"Ann\"}";
  }

  @Override
  protected String groupJson(String name, String id) {
    return "{\"type\":\"group\",\"name\":\"" + name + "\",\"id\":\"" + id + "\"}";
  }

  @Override
  protected String ed() {
    return "acc-ed";
  }

  /** Cloud restricts groups by id: the name is looked up with the group picker. */
  @Override
  protected void stubGroup(String name, String id) {
    wm.stubFor(
        get(urlPathEqualTo("/wiki/rest/api/group/picker"))
            .withQueryParam("query", equalTo(name))
            .willReturn(
                okJson(
                    "{\"results\":["
                        + groupJson(name + "-old", "g-9")
                        + ","
                        + groupJson(name, id)
                        + "],\"start\":0,\"limit\":200,\"size\":2}")));
  }

  @Override
  protected void assertRestrictionsSent(JsonNode put) {
    JsonNode results = put.path("results");
    assertThat(results.get(0).path("operation").asText()).isEqualTo("read");
    assertThat(results.get(0).path("restrictions").path("group"))
        .extracting(g -> g.path("id").asText())
        .containsExactly("g-1", "g-2");
    assertThat(results.get(1).path("operation").asText()).isEqualTo("update");
    assertThat(results.get(1).path("restrictions").path("user"))
        .extracting(u -> u.path("accountId").asText())
        .containsExactly("acc-ann", "acc-ed");
  }
}
