package dev.conf.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.testing.TestSite;

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
}
