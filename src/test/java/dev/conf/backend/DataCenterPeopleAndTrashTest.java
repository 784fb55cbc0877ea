package dev.conf.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.conf.testing.TestSite;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Data Center under a context path: v1 content answers name their people (user key, username,
 * display name); mentions by user key are looked up with {@code GET /rest/api/user?key=}; the trash
 * through {@code status=trashed} on the read, the restore ({@code PUT}) and the purge ({@code
 * DELETE}).
 */
class DataCenterPeopleAndTrashTest extends PeopleAndTrashScenarios {
  static final String CONTEXT = "/confluence";
  static final String API = CONTEXT + "/rest/api";

  @Override
  protected TestSite site() {
    return TestSite.dataCenter(url(), CONTEXT);
  }

  @Override
  protected String contentPath(boolean blog, String id) {
    return API + "/content/" + id;
  }

  private static String user(String who, String name) {
    return "{\"type\":\"known\",\"username\":\""
        + who
        + "\",\"userKey\":\"k-"
        + who
        + "\",\"displayName\":\""
        + name
        + "\"}";
  }

  @Override
  protected String contentJson(
      boolean blog, String id, String title, int version, String status, String body) {
    return "{\"id\":\""
        + id
        + "\",\"type\":\""
        + (blog ? "blogpost" : "page")
        + "\",\"status\":\""
        + status
        + "\",\"title\":"
        + CloudPageTest.q(title)
        + ",\"space\":{\"id\":98305,\"key\":\"DOCS\",\"name\":\"Docs\"},"
        + "\"history\":{\"latest\":true,\"createdBy\":"
        + user("ann", "Ann Author")
        + ",\"createdDate\":\"2026-01-01T09:00:00.000Z\"},"
        + "\"version\":{\"by\":"
        + user("ed", "Ed Editor")
        + ",\"when\":\"2026-11-01T10:00:00.000Z\",\"message\":\"\",\"number\":"
        + version
        + ",\"minorEdit\":false},"
        + "\"ancestors\":[],\"body\":{\"storage\":{\"value\":"
        + CloudPageTest.q(body)
        + ",\"representation\":\"storage\"}},"
        + "\"metadata\":{\"labels\":{\"results\":[],\"start\":0,\"limit\":200,\"size\":0}},"
        + "\"_links\":{\"webui\":\"/pages/viewpage.action?pageId="
        + id
        + "\"}}";
  }

  @Override
  protected String idOf(String who) {
    return "k-" + who;
  }

  @Override
  protected String idAttribute() {
    return "userkey";
  }

  @Override
  protected void stubPeople(Map<String, String> names) {
    names.forEach(
        (key, name) ->
            wm.stubFor(
                get(urlPathEqualTo(API + "/user"))
                    .withQueryParam("key", equalTo(key))
                    .willReturn(okJson(user(key.substring(2), name)))));
  }

  @Override
  protected void stubPeopleFailing(int status) {
    wm.stubFor(
        get(urlPathEqualTo(API + "/user"))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"statusCode\":" + status + ",\"message\":\"no\"}")));
  }

  @Override
  protected List<LoggedRequest> lookups() {
    return wm.findAll(getRequestedFor(urlPathEqualTo(API + "/user")));
  }

  @Override
  protected List<List<String>> askedIds() {
    return lookups().stream().map(r -> List.of(r.queryParameter("key").firstValue())).toList();
  }

  @Override
  protected String notFoundJson(String id) {
    return "{\"statusCode\":404,\"message\":\"No content found with id " + id + "\"}";
  }

  @Override
  protected void assertRestoreRequest(LoggedRequest put, String id, int n, String title) {
    assertThat(put.getMethod().getName()).isEqualTo("PUT");
    assertThat(put.getUrl()).isEqualTo(contentPath(false, id) + "?status=trashed");
    JsonNode body = json(put);
    assertThat(body.path("id").asText()).isEqualTo(id);
    assertThat(body.path("status").asText()).isEqualTo("current");
    assertThat(body.path("version").path("number").asInt()).isEqualTo(n);
    assertThat(body.has("body")).as("a restore changes nothing but the status").isFalse();
  }

  @Override
  protected void stubTwoVersions(String id) {
    stubCurrent(false, id, "Notes", 2, "<p>b</p>");
    wm.stubFor(
        get(urlPathEqualTo(contentPath(false, id)))
            .withQueryParam("status", equalTo("historical"))
            .withQueryParam("version", equalTo("1"))
            .willReturn(okJson(contentJson(false, id, "Notes", 1, "historical", "<p>a</p>"))));
  }

  @Override
  protected boolean isPurge(LoggedRequest delete) {
    return delete.getMethod().getName().equals("DELETE")
        && delete.queryParameter("status").isPresent()
        && delete.queryParameter("status").firstValue().equals("trashed");
  }

  @Test
  void peopleTheAnswerNamedAreNotLookedUpAgain() {
    stubPeople(Map.of("k-cy", "Cy Coder"));
    stubCurrent(false, "42", "Notes", 7, "<p>" + mention("ann") + mention("cy") + "</p>");
    var r = conf.pipe().run("page", "view", "42", "--format", "text", "--raw");
    assertThat(r.out()).isEqualTo("@Ann Author@Cy Coder\n");
    assertThat(askedIds()).containsExactly(List.of("k-cy"));
  }
}
