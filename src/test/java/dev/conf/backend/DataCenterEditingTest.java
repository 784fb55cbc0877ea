package dev.conf.backend;

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
}
