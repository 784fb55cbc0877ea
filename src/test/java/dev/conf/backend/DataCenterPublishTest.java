package dev.conf.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.testing.TestSite;

/** Data Center under a context path: v1 content, the record in a v1 content property. */
class DataCenterPublishTest extends PublishScenarios {
  static final String CONTEXT = "/confluence";
  static final String API = CONTEXT + "/rest/api";

  @Override
  protected TestSite site() {
    return TestSite.dataCenter(url(), CONTEXT);
  }

  @Override
  protected boolean dataCenter() {
    return true;
  }

  @Override
  protected void stubSpace(String homepageId) {
    wm.stubFor(
        get(urlPathEqualTo(API + "/space/DOCS"))
            .willReturn(
                okJson(
                    "{\"id\":98305,\"key\":\"DOCS\",\"name\":\"Docs\",\"type\":\"global\","
                        + "\"homepage\":{\"id\":\""
                        + homepageId
                        + "\",\"type\":\"page\"},\"_links\":{\"webui\":\"/display/DOCS\"}}")));
  }

  @Override
  protected void stubNoSpace() {
    wm.stubFor(
        get(urlPathEqualTo(API + "/space/DOCS"))
            .willReturn(
                notFound()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"statusCode\":404,\"message\":\"No space with key : DOCS\"}")));
  }

  @Override
  protected String searchPath() {
    return API + "/content/search";
  }

  @Override
  protected void stubTitles(String title, String id) {
    if (title == null) {
      wm.stubFor(
          get(urlPathEqualTo(API + "/content"))
              .willReturn(okJson("{\"results\":[],\"start\":0,\"limit\":1,\"size\":0}")));
      return;
    }
    wm.stubFor(
        get(urlPathEqualTo(API + "/content"))
            .withQueryParam("title", equalTo(title))
            .willReturn(
                okJson(
                    "{\"results\":["
                        + pageAnswer(id, title, 2)
                        + "],\"start\":0,\"limit\":1,\"size\":1}")));
  }

  @Override
  protected String createPath() {
    return API + "/content";
  }

  @Override
  protected String pagePath(String id) {
    return API + "/content/" + id;
  }

  @Override
  protected String pageAnswer(String id, String title, int version) {
    return "{\"id\":\""
        + id
        + "\",\"type\":\"page\",\"status\":\"current\",\"title\":"
        + CloudPageTest.q(title)
        + ",\"space\":{\"id\":98305,\"key\":\"DOCS\",\"name\":\"Docs\"},"
        + "\"version\":{\"number\":"
        + version
        + ",\"minorEdit\":false},\"ancestors\":[{\"id\":\"100\",\"type\":\"page\"}],"
        + "\"_links\":{\"webui\":\"/pages/viewpage.action?pageId="
        + id
        + "\"}}";
  }

  @Override
  protected String parentOfCreate(JsonNode request) {
    JsonNode a = request.path("ancestors");
    return a.get(a.size() - 1).path("id").asText();
  }

  @Override
  protected String parentOfUpdate(JsonNode request) {
    JsonNode a = request.path("ancestors");
    return a.isArray() && a.size() > 0 ? a.get(a.size() - 1).path("id").asText() : null;
  }

  @Override
  protected String bodyOf(JsonNode request) {
    return request.path("body").path("storage").path("value").asText();
  }

  @Override
  protected String propertyCreatePath(String pageId) {
    return API + "/content/" + pageId + "/property";
  }

  @Override
  protected String propertyUpdatePath(String pageId, String propertyId) {
    return API + "/content/" + pageId + "/property/conf-publish";
  }

  @Override
  protected String labelPath(String pageId) {
    return API + "/content/" + pageId + "/label";
  }

  @Override
  protected void stubAttachments(String pageId) {
    wm.stubFor(
        get(urlPathEqualTo(uploadPath(pageId)))
            .willReturn(okJson("{\"results\":[],\"start\":0,\"limit\":100,\"size\":0}")));
    wm.stubFor(
        post(urlPathEqualTo(uploadPath(pageId)))
            .willReturn(
                okJson(
                    "{\"results\":[{\"id\":\"1009\",\"type\":\"attachment\",\"title\":\"x.png\","
                        + "\"version\":{\"number\":1},\"extensions\":{\"mediaType\":\"image/png\","
                        + "\"fileSize\":5},\"_links\":{\"download\":\"/download/attachments/"
                        + pageId
                        + "/x.png\"}}],\"size\":1}")));
  }

  @Override
  protected String uploadPath(String pageId) {
    return API + "/content/" + pageId + "/child/attachment";
  }
}
