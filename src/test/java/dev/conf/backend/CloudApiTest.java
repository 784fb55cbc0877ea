package dev.conf.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conf.testing.ConfRunner;
import dev.conf.testing.ConfRunner.Result;
import dev.conf.testing.TestSite;
import org.junit.jupiter.api.Test;

/** Cloud: paths from the site root; v2 cursor links from the root, v1 links from /wiki. */
class CloudApiTest extends ApiScenarios {
  static final String EMAIL = "jane@acme.com";
  static final String TOKEN = "ATATT-api-token";

  @Override
  protected TestSite site() {
    return TestSite.cloud(url(), EMAIL, TOKEN);
  }

  @Override
  protected String spacesPathTyped() {
    return "/wiki/api/v2/spaces";
  }

  @Override
  protected String spacesPathOnWire() {
    return "/wiki/api/v2/spaces";
  }

  @Override
  protected String nextLink(int page) {
    return "/wiki/api/v2/spaces?limit=2&cursor=c" + page;
  }

  @Override
  protected String pagePathTyped(String id) {
    return "/wiki/api/v2/pages/" + id;
  }

  @Override
  protected String pagePathOnWire(String id) {
    return "/wiki/api/v2/pages/" + id;
  }

  @Override
  protected String[] createArgs() {
    return new String[] {
      "api",
      "/wiki/api/v2/pages",
      "-f",
      "spaceId=98305",
      "-f",
      "status=current",
      "-f",
      "title=Hello \"world\"",
      "-f",
      "body[representation]=storage",
      "-f",
      "body[value]=<p>Hi</p>"
    };
  }

  @Override
  protected String createPathOnWire() {
    return "/wiki/api/v2/pages";
  }

  @Override
  protected String expectedCreateBody() {
    return "{\"spaceId\":\"98305\",\"status\":\"current\",\"title\":\"Hello \\\"world\\\"\","
        + "\"body\":{\"representation\":\"storage\",\"value\":\"<p>Hi</p>\"}}";
  }

  // ---- Cloud only

  @Test
  void paginateFollowsV1SearchCursorsFromWiki() {
    String path = "/wiki/rest/api/search";
    String next = "/rest/api/search?cql=type%3Dpage&limit=1&cursor=";
    wm.stubFor(
        get(urlPathEqualTo(path))
            .withQueryParam("cursor", absent())
            .willReturn(
                okJson(
                    "{\"results\":[{\"title\":\"A\"}],\"_links\":{\"next\":\"" + next + "c2\"}}")));
    wm.stubFor(
        get(urlPathEqualTo(path))
            .withQueryParam("cursor", equalTo("c2"))
            .willReturn(
                okJson(
                    "{\"results\":[{\"title\":\"B\"}],\"_links\":{\"next\":\"" + next + "c3\"}}")));
    wm.stubFor(
        get(urlPathEqualTo(path))
            .withQueryParam("cursor", equalTo("c3"))
            .willReturn(okJson("{\"results\":[{\"title\":\"C\"}],\"_links\":{}}")));
    Result r =
        conf.pipe()
            .run(
                "api",
                "--paginate",
                path,
                "-f",
                "cql=type=page",
                "-f",
                "limit=1",
                "--jq",
                ".[].title");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("A\nB\nC\n");
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo(path)))).hasSize(3);
  }

  @Test
  void scopedTokensSendWikiPathsThroughTheGatewayAndPageThere() {
    String cloudId = "1324a887-45db-1bf4-1e99-ef0ff456d421";
    String prefix = "/ex/confluence/" + cloudId;
    wm.stubFor(
        get(urlPathEqualTo("/_edge/tenant_info"))
            .willReturn(okJson("{\"cloudId\":\"" + cloudId + "\"}")));
    wm.stubFor(
        get(urlPathEqualTo(prefix + "/wiki/rest/api/user/current"))
            .willReturn(okJson("{\"accountId\":\"a1\",\"displayName\":\"Jane\"}")));
    wm.stubFor(
        get(urlPathEqualTo(prefix + "/wiki/api/v2/spaces"))
            .withQueryParam("cursor", absent())
            .willReturn(okJson(spacesPage(1, 1, "/wiki/api/v2/spaces?cursor=c2"))));
    wm.stubFor(
        get(urlPathEqualTo(prefix + "/wiki/api/v2/spaces"))
            .withQueryParam("cursor", equalTo("c2"))
            .willReturn(okJson(spacesPage(2, 1, null))));
    ConfRunner fresh = new ConfRunner(configDir).env("CONF_ATLASSIAN_API_URL", wm.baseUrl());
    Result login =
        fresh
            .stdin(TOKEN)
            .run(
                "auth",
                "login",
                "--url",
                wm.baseUrl(),
                "--deployment",
                "cloud",
                "--email",
                EMAIL,
                "--scoped",
                "--with-token");
    assertThat(login.exitCode()).as(login.toString()).isZero();

    Result r = fresh.pipe().run("api", "--paginate", "/wiki/api/v2/spaces", "--jq", ".[].key");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("K1\nK2\n");
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo(prefix + "/wiki/api/v2/spaces"))))
        .hasSize(2)
        .allSatisfy(
            req -> assertThat(req.getHeader("Authorization")).isEqualTo(expectedAuthorization()));
  }
}
