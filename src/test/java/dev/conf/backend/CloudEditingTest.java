package dev.conf.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.testing.TestSite;

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
}
