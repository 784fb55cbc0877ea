package dev.conf.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import dev.conf.testing.TestSite;

/** Cloud: v2 {@code GET /pages?title=} is exact; the v1 CQL search forgives case. */
class CloudTitleTest extends TitleScenarios {
  static final String V2 = "/wiki/api/v2";

  @Override
  protected TestSite site() {
    return TestSite.cloud(url());
  }

  @Override
  protected String pagePath(String id) {
    return V2 + "/pages/" + id;
  }

  @Override
  protected String pageJson(String id, String title) {
    return new CloudPageTest().pageJson(id, title, 7, "<p>x</p>", "100");
  }

  @Override
  protected void stubSpace() {
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/spaces"))
            .withQueryParam("keys", equalTo("DOCS"))
            .willReturn(
                okJson(
                    "{\"results\":[{\"id\":\"98305\",\"key\":\"DOCS\",\"name\":\"Docs\","
                        + "\"type\":\"global\",\"status\":\"current\",\"homepageId\":\"100\","
                        + "\"_links\":{\"webui\":\"/spaces/DOCS\"}}],\"_links\":{}}")));
    wm.stubFor(
        get(urlPathEqualTo("/wiki/rest/api/user/bulk"))
            .willReturn(
                okJson(
                    "{\"results\":[{\"accountId\":\"acc-ann\",\"displayName\":\"Ann Author\"},"
                        + "{\"accountId\":\"acc-ed\",\"displayName\":\"Ed Editor\"}]}")));
  }

  @Override
  protected void stubTitle(String title, String id) {
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/pages"))
            .withQueryParam("space-id", equalTo("98305"))
            .withQueryParam("title", equalTo(title))
            .willReturn(okJson("{\"results\":[" + pageJson(id, title) + "],\"_links\":{}}")));
  }

  @Override
  protected void stubTitleMisses() {
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/pages"))
            .atPriority(10)
            .willReturn(okJson("{\"results\":[],\"_links\":{}}")));
  }

  @Override
  protected String searchPath() {
    return "/wiki/rest/api/search";
  }
}
