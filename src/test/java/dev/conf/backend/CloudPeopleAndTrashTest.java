package dev.conf.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.conf.testing.TestSite;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cloud: v2 pages and blog posts carry account ids only, named through v1 {@code user/bulk}; the
 * trash through v2 ({@code status=trashed} reads, a {@code PUT} with {@code status: current},
 * {@code DELETE ?purge=true}).
 */
class CloudPeopleAndTrashTest extends PeopleAndTrashScenarios {
  static final String V2 = "/wiki/api/v2";
  static final String BULK = "/wiki/rest/api/user/bulk";

  @Override
  protected TestSite site() {
    return TestSite.cloud(url());
  }

  @Override
  protected String contentPath(boolean blog, String id) {
    return V2 + (blog ? "/blogposts/" : "/pages/") + id;
  }

  @Override
  protected String contentJson(
      boolean blog, String id, String title, int version, String status, String body) {
    return "{\"id\":\""
        + id
        + "\",\"status\":\""
        + status
        + "\",\"title\":"
        + CloudPageTest.q(title)
        + ",\"spaceId\":\"98305\","
        + (blog ? "" : "\"parentId\":\"100\",\"parentType\":\"page\",")
        + "\"authorId\":\"acc-ann\",\"createdAt\":\"2026-01-01T09:00:00.000Z\","
        + "\"version\":{\"number\":"
        + version
        + ",\"message\":\"\",\"createdAt\":\"2026-11-01T10:00:00.000Z\",\"authorId\":\"acc-ed\","
        + "\"minorEdit\":false},"
        + "\"body\":{\"storage\":{\"value\":"
        + CloudPageTest.q(body)
        + ",\"representation\":\"storage\"}},"
        + "\"labels\":{\"results\":[]},"
        + "\"_links\":{\"webui\":\"/spaces/DOCS/"
        + (blog ? "blog/2026/11/01/" : "pages/")
        + id
        + "\"}}";
  }

  @Override
  protected String idOf(String who) {
    return "acc-" + who;
  }

  @Override
  protected String idAttribute() {
    return "account-id";
  }

  @Override
  protected void stubPeople(Map<String, String> names) {
    List<String> users = new ArrayList<>();
    names.forEach(
        (id, name) ->
            users.add(
                "{\"type\":\"known\",\"accountId\":\""
                    + id
                    + "\",\"accountType\":\"atlassian\",\"displayName\":"
                    + CloudPageTest.q(name)
                    + ",\"publicName\":\"x\"}"));
    wm.stubFor(
        get(urlPathEqualTo(BULK))
            .willReturn(okJson("{\"results\":[" + String.join(",", users) + "]}")));
  }

  @Override
  protected void stubPeopleFailing(int status) {
    wm.stubFor(
        get(urlPathEqualTo(BULK))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"statusCode\":" + status + ",\"message\":\"no\"}")));
  }

  @Override
  protected List<LoggedRequest> lookups() {
    return wm.findAll(getRequestedFor(urlPathEqualTo(BULK)));
  }

  @Override
  protected List<List<String>> askedIds() {
    return lookups().stream()
        .map(r -> Arrays.asList(r.queryParameter("accountId").firstValue().split(",")))
        .toList();
  }

  @Override
  protected String notFoundJson(String id) {
    return "{\"errors\":[{\"status\":404,\"code\":\"NOT_FOUND\",\"title\":\"Not Found\","
        + "\"detail\":null}]}";
  }

  @Override
  protected void assertRestoreRequest(LoggedRequest put, String id, int n, String title) {
    assertThat(put.getMethod().getName()).isEqualTo("PUT");
    assertThat(put.getUrl()).isEqualTo(contentPath(put.getUrl().contains("/blogposts/"), id));
    JsonNode body = json(put);
    assertThat(body.path("id").asText()).isEqualTo(id);
    assertThat(body.path("status").asText()).isEqualTo("current");
    assertThat(body.path("title").asText()).isEqualTo(title);
    assertThat(body.path("version").path("number").asInt()).isEqualTo(n);
    // The page's own body: a restore changes only the status.
    assertThat(body.path("body").path("value").asText()).isEqualTo("<p>Old notes</p>");
  }

  @Override
  protected void stubTwoVersions(String id) {
    String v =
        "{\"number\":%d,\"authorId\":\"acc-ed\",\"createdAt\":\"2026-11-0%dT10:00:00.000Z\","
            + "\"message\":\"\",\"minorEdit\":false}";
    wm.stubFor(
        get(urlPathEqualTo(contentPath(false, id) + "/versions"))
            .willReturn(
                okJson(
                    "{\"results\":["
                        + String.format(v, 2, 2)
                        + ","
                        + String.format(v, 1, 1)
                        + "],\"_links\":{}}")));
  }

  @Override
  protected boolean isPurge(LoggedRequest delete) {
    return delete.getMethod().getName().equals("DELETE")
        && delete.queryParameter("purge").isPresent()
        && delete.queryParameter("purge").firstValue().equals("true");
  }

  @Test
  void viewAsksForEachAccountIdOnceInOneRequest() {
    stubPeople(Map.of("acc-ann", "Ann Author", "acc-ed", "Ed Editor", "acc-cy", "Cy Coder"));
    stubCurrent(
        false,
        "42",
        "Notes",
        7,
        "<p>" + mention("cy") + mention("ann") + mention("cy") + mention("ed") + "</p>");
    conf.pipe().run("page", "view", "42", "--format", "text");
    assertThat(askedIds()).hasSize(1);
    assertThat(askedIds().get(0)).containsExactlyInAnyOrder("acc-ann", "acc-ed", "acc-cy");
  }
}
