package dev.conf.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.testing.ConfRunner.Result;
import dev.conf.testing.TestSite;
import java.util.List;

/** Data Center under a context path: everything through v1 content. */
class DataCenterEditingTest extends EditingScenarios {
  static final String CONTEXT = "/confluence";
  static final String API = CONTEXT + "/rest/api";
  private static final DataCenterPageTest PAGES = new DataCenterPageTest();

  @Override
  protected TestSite site() {
    return TestSite.dataCenter(url(), CONTEXT);
  }

  @Override
  protected String pagePath(String id) {
    return API + "/content/" + id;
  }

  @Override
  protected String pageJson(String id, String title, int version, String body) {
    return PAGES.pageJson(id, title, version, body, "100");
  }

  @Override
  protected String bodyOf(JsonNode request) {
    JsonNode storage = request.path("body").path("storage");
    assertThat(storage.path("representation").asText()).isEqualTo("storage");
    return storage.path("value").asText();
  }

  @Override
  protected String propertiesPath(String pageId) {
    return API + "/content/" + pageId + "/property";
  }

  @Override
  protected String propertyPath(String pageId, String propertyId, String key) {
    return propertiesPath(pageId) + "/" + key;
  }

  @Override
  protected void stubPropertyList(String pageId, String... properties) {
    wm.stubFor(
        get(urlPathEqualTo(propertiesPath(pageId)))
            .willReturn(
                okJson(
                    "{\"results\":["
                        + String.join(",", properties)
                        + "],\"start\":0,\"limit\":100,\"size\":"
                        + properties.length
                        + ",\"_links\":{}}")));
  }

  /** Data Center reads a property by its key; none is a 404. */
  @Override
  protected void stubPropertyByKey(String pageId, String key, String property) {
    wm.stubFor(
        get(urlPathEqualTo(propertyPath(pageId, null, key)))
            .willReturn(
                property == null
                    ? aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"statusCode\":404,\"message\":\"No property found\"}")
                    : okJson(property)));
  }

  /** Nothing to stub: Data Center has no inline-comment operation to call. */
  @Override
  protected void stubInlineCommentCreate(String pageId) {}

  @Override
  protected void assertInlineCommentAdded(Result r) {
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "conf: Confluence Data Center's REST API has no operation for adding inline comments"
                + " (it lists and replies to them only): do it in the page editor; footer comments"
                + " work with `conf comment add`\n");
    assertThat(writes()).isEmpty();
  }

  @Override
  protected void stubInlineThread(String id) {
    String comment =
        "{\"id\":\""
            + id
            + "\",\"type\":\"comment\",\"status\":\"current\",\"title\":\"Re: Deploy\","
            + "\"container\":{\"id\":\"42\",\"type\":\"page\",\"title\":\"Deploy\"},"
            + "\"ancestors\":[],\"extensions\":{\"location\":\"inline\",\"resolution\":\"open\","
            + "\"inlineProperties\":{\"originalSelection\":\"the worker\"}},"
            + "\"body\":{\"storage\":{\"value\":\"<p>Which worker?</p>\",\"representation\":\"storage\"}},"
            + "\"_links\":{\"webui\":\"/pages/viewpage.action?pageId=42&focusedCommentId="
            + id
            + "\"}}";
    wm.stubFor(get(urlPathEqualTo(API + "/content/" + id)).willReturn(okJson(comment)));
    wm.stubFor(
        post(urlPathEqualTo(API + "/content"))
            .willReturn(okJson(comment.replace("\"id\":\"" + id + "\"", "\"id\":\"9002\""))));
  }

  @Override
  protected void assertThread(Result reply, Result resolve, Result reopen, String id) {
    assertThat(reply.exitCode()).as(reply.toString()).isZero();
    assertThat(reply.err()).isEqualTo("Replied to inline comment " + id + ".\n");
    JsonNode sent = json(wm.findAll(postRequestedFor(urlPathEqualTo(API + "/content"))).get(0));
    assertThat(sent.path("type").asText()).isEqualTo("comment");
    assertThat(sent.path("container").path("id").asText()).isEqualTo("42");
    assertThat(sent.path("ancestors").get(0).path("id").asText()).isEqualTo(id);
    assertThat(resolve.exitCode()).isEqualTo(1);
    assertThat(resolve.err()).contains("has no operation for resolving inline comments");
    assertThat(reopen.exitCode()).isEqualTo(1);
    assertThat(reopen.err()).contains("has no operation for reopening inline comments");
    assertThat(writes()).hasSize(1);
  }

  /** Nothing to stub: Data Center's REST API has no template operations. */
  @Override
  protected void stubTemplates() {}

  @Override
  protected void assertTemplateLists(Result space, Result global) {
    for (Result r : List.of(space, global)) {
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err())
          .isEqualTo(
              "conf: Confluence Data Center's REST API has no template operations: create the page"
                  + " from the template in Confluence, or save a template's body as a file and use"
                  + " `conf page create --file F`\n");
    }
  }

  @Override
  protected void assertCreatedFromTemplate(Result r) {
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("has no template operations");
    assertThat(writes()).isEmpty();
  }

  @Override
  protected String restrictionPath(String pageId) {
    return API + "/content/" + pageId + "/restriction";
  }

  @Override
  protected String annJson() {
    return "{\"type\":\"known\",\"username\":\"ann\",\"userKey\":\"k-ann\","
        + "\"displayName\":\"Ann Author\"}";
  }

  @Override
  protected String groupJson(String name, String id) {
    return "{\"type\":\"group\",\"name\":\"" + name + "\"}";
  }

  @Override
  protected String ed() {
    return "ed";
  }

  @Override
  protected void assertRestrictionsSent(JsonNode put) {
    assertThat(put.isArray()).isTrue();
    assertThat(put.get(0).path("operation").asText()).isEqualTo("read");
    assertThat(put.get(0).path("restrictions").path("group"))
        .extracting(g -> g.path("name").asText())
        .containsExactly("devs", "ops");
    assertThat(put.get(1).path("operation").asText()).isEqualTo("update");
    assertThat(put.get(1).path("restrictions").path("user"))
        .extracting(u -> u.path("username").asText())
        .containsExactly("ann", "ed");
  }
}
