package dev.conf.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import dev.conf.testing.TestSite;

/** Data Center: v1 {@code GET /rest/api/content?title=} is exact; the CQL search forgives case. */
class DataCenterTitleTest extends TitleScenarios {
  static final String CONTEXT = "/confluence";
  static final String API = CONTEXT + "/rest/api";

  @Override
  protected TestSite site() {
    return TestSite.dataCenter(url(), CONTEXT);
  }

  @Override
  protected String pagePath(String id) {
    return API + "/content/" + id;
  }

  @Override
  protected String pageJson(String id, String title) {
    return new DataCenterPageTest().pageJson(id, title, 7, "<p>x</p>", "100");
  }

  @Override
  protected void stubSpace() {
    wm.stubFor(
        get(urlPathEqualTo(API + "/space/DOCS"))
            .willReturn(
                okJson(
                    "{\"id\":98305,\"key\":\"DOCS\",\"name\":\"Docs\",\"type\":\"global\","
                        + "\"homepage\":{\"id\":\"100\",\"type\":\"page\"},"
                        + "\"_links\":{\"webui\":\"/display/DOCS\"}}")));
  }

  @Override
  protected void stubTitle(String title, String id) {
    wm.stubFor(
        get(urlPathEqualTo(API + "/content"))
            .withQueryParam("spaceKey", equalTo("DOCS"))
            .withQueryParam("title", equalTo(title))
            .willReturn(
                okJson(
                    "{\"results\":["
                        + pageJson(id, title)
                        + "],\"start\":0,\"limit\":1,\"size\":1,\"_links\":{}}")));
  }

  @Override
  protected void stubTitleMisses() {
    wm.stubFor(
        get(urlPathEqualTo(API + "/content"))
            .atPriority(10)
            .willReturn(
                okJson("{\"results\":[],\"start\":0,\"limit\":1,\"size\":0,\"_links\":{}}")));
  }

  @Override
  protected String searchPath() {
    return API + "/search";
  }
}
