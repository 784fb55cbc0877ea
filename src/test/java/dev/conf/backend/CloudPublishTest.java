package dev.conf.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.testing.TestSite;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cloud: the state from v1 {@code /wiki/rest/api/content/search}, pages through v2, the record in a
 * v2 page property.
 */
class CloudPublishTest extends PublishScenarios {
  static final String V2 = "/wiki/api/v2";
  static final String V1 = "/wiki/rest/api";

  @Override
  protected TestSite site() {
    return TestSite.cloud(url());
  }

  @Override
  protected void stubSpace(String homepageId) {
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/spaces"))
            .withQueryParam("keys", equalTo("DOCS"))
            .willReturn(
                okJson(
                    "{\"results\":[{\"id\":\"98305\",\"key\":\"DOCS\",\"name\":\"Docs\","
                        + "\"type\":\"global\",\"status\":\"current\",\"homepageId\":\""
                        + homepageId
                        + "\",\"_links\":{\"webui\":\"/spaces/DOCS\"}}],\"_links\":{}}")));
  }

  @Override
  protected void stubNoSpace() {
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/spaces")).willReturn(okJson("{\"results\":[],\"_links\":{}}")));
  }

  @Override
  protected String searchPath() {
    return V1 + "/content/search";
  }

  @Override
  protected void stubTitles(String title, String id) {
    if (title == null) {
      wm.stubFor(
          get(urlPathEqualTo(V2 + "/pages")).willReturn(okJson("{\"results\":[],\"_links\":{}}")));
      return;
    }
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/pages"))
            .withQueryParam("title", equalTo(title))
            .willReturn(okJson("{\"results\":[" + pageAnswer(id, title, 2) + "],\"_links\":{}}")));
  }

  @Override
  protected String createPath() {
    return V2 + "/pages";
  }

  @Override
  protected String pagePath(String id) {
    return V2 + "/pages/" + id;
  }

  @Override
  protected String pageAnswer(String id, String title, int version) {
    return "{\"id\":\""
        + id
        + "\",\"status\":\"current\",\"title\":"
        + CloudPageTest.q(title)
        + ",\"spaceId\":\"98305\",\"parentId\":\"100\",\"parentType\":\"page\","
        + "\"authorId\":\"acc-ann\",\"createdAt\":\"2026-01-01T09:00:00.000Z\","
        + "\"version\":{\"number\":"
        + version
        + ",\"authorId\":\"acc-ed\",\"createdAt\":\"2026-11-01T10:00:00.000Z\"},"
        + "\"_links\":{\"webui\":\"/spaces/DOCS/pages/"
        + id
        + "\"}}";
  }

  @Override
  protected String parentOfCreate(JsonNode request) {
    return request.path("parentId").asText(null);
  }

  @Override
  protected String parentOfUpdate(JsonNode request) {
    return request.has("parentId") ? request.path("parentId").asText() : null;
  }

  @Override
  protected String bodyOf(JsonNode request) {
    return request.path("body").path("value").asText();
  }

  @Override
  protected String propertyCreatePath(String pageId) {
    return V2 + "/pages/" + pageId + "/properties";
  }

  @Override
  protected String propertyUpdatePath(String pageId, String propertyId) {
    return V2 + "/pages/" + pageId + "/properties/" + propertyId;
  }

  @Override
  protected String labelPath(String pageId) {
    return V1 + "/content/" + pageId + "/label";
  }

  @Override
  protected void stubAttachments(String pageId) {
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/pages/" + pageId + "/attachments"))
            .willReturn(okJson("{\"results\":[],\"_links\":{}}")));
    wm.stubFor(
        post(urlPathEqualTo(uploadPath(pageId)))
            .willReturn(
                okJson(
                    "{\"results\":[{\"id\":\"att9\",\"type\":\"attachment\",\"title\":\"x.png\","
                        + "\"version\":{\"number\":1},\"extensions\":{\"mediaType\":\"image/png\","
                        + "\"fileSize\":5},\"_links\":{\"download\":\"/download/attachments/"
                        + pageId
                        + "/x.png\"}}],\"size\":1}")));
  }

  @Override
  protected String uploadPath(String pageId) {
    return V1 + "/content/" + pageId + "/child/attachment";
  }

  @Test
  void theSpaceIdIsLookedUpOncePerRun() throws Exception {
    sampleTree();
    stubState(List.of());
    stubWrites();
    assertThat(publish().exitCode()).isZero();
    // Three creates and three title look-ups need the space id; v2 is asked for it once.
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo(V2 + "/spaces")))).hasSize(1);
  }
}
