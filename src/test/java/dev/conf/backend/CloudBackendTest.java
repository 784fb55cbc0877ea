package dev.conf.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.conf.testing.ConfRunner;
import dev.conf.testing.ConfRunner.Result;
import dev.conf.testing.TestSite;
import org.junit.jupiter.api.Test;

/** Cloud: v2 spaces with cursor links from the site root, v1 for the current user. */
class CloudBackendTest extends BackendScenarios {
  static final String EMAIL = "jane@acme.com";
  static final String TOKEN = "ATATT3xFfGF0-cloud-token";

  @Override
  protected TestSite site() {
    return TestSite.cloud(url(), EMAIL, TOKEN);
  }

  @Override
  protected String spacesPath() {
    return "/wiki/api/v2/spaces";
  }

  @Override
  protected MappingBuilder spaceRequest(String key) {
    return get(urlPathEqualTo(spacesPath())).withQueryParam("keys", equalTo(key));
  }

  @Override
  protected String singleSpaceBody(String key, String name) {
    return "{\"results\":[{\"id\":\"777\",\"key\":\""
        + key
        + "\",\"name\":\""
        + name
        + "\",\"type\":\"global\",\"status\":\"current\",\"homepageId\":\"9001\","
        + "\"_links\":{\"webui\":\"/spaces/"
        + key
        + "\"}}],\"_links\":{}}";
  }

  @Override
  protected void stubMissingSpace(String key) {
    // v2 answers an unknown key with an empty result list, not 404.
    wm.stubFor(spaceRequest(key).willReturn(okJson("{\"results\":[],\"_links\":{}}")));
  }

  @Override
  protected String currentUserPath() {
    return "/wiki/rest/api/user/current";
  }

  @Override
  protected String currentUserBody() {
    return "{\"type\":\"known\",\"accountId\":\"5b10ac8d82e05b22cc7d4ef5\",\"accountType\":\"atlassian\","
        + "\"email\":\"jane@acme.com\",\"publicName\":\"Jane\",\"displayName\":\"Jane Doe\"}";
  }

  @Override
  protected String nextLink(int page) {
    return "/wiki/api/v2/spaces?limit=2&description-format=plain&cursor=c" + page;
  }

  @Override
  protected String spaceJson(int n) {
    return "{\"id\":\""
        + (100 + n)
        + "\",\"key\":\"K"
        + n
        + "\",\"name\":\"Space "
        + n
        + "\",\"type\":\""
        + (n == 5 ? "personal" : "global")
        + "\",\"status\":\""
        + (n == 6 ? "archived" : "current")
        + "\",\"authorId\":\"x\",\"createdAt\":\"2024-01-01T00:00:00.000Z\",\"homepageId\":\"9001\","
        + "\"description\":{\"plain\":{\"value\":\"About space "
        + n
        + "\",\"representation\":\"plain\"}},\"icon\":null,"
        + "\"_links\":{\"webui\":\"/spaces/K"
        + n
        + "\"}}";
  }

  @Override
  protected String spaceUrl(int n) {
    return url() + "/wiki/spaces/K" + n;
  }

  @Override
  protected String[] loginArgs() {
    return new String[] {
      "auth", "login", "--url", siteUrl(), "--deployment", "cloud", "--email", EMAIL, "--with-token"
    };
  }

  // ---- Cloud only

  @Test
  void scopedTokenLoginRoutesThroughTheGateway() {
    String cloudId = "1324a887-45db-1bf4-1e99-ef0ff456d421";
    String prefix = "/ex/confluence/" + cloudId;
    wm.stubFor(
        get(urlPathEqualTo("/_edge/tenant_info"))
            .willReturn(okJson("{\"cloudId\":\"" + cloudId + "\"}")));
    wm.stubFor(
        get(urlPathEqualTo(prefix + currentUserPath())).willReturn(okJson(currentUserBody())));
    wm.stubFor(
        get(urlPathEqualTo(prefix + spacesPath()))
            .willReturn(
                okJson(
                    "{\"results\":["
                        + spaceJson(1)
                        + "],\"_links\":{\"next\":\"/wiki/api/v2/spaces?cursor=c2&limit=1\"}}")));
    wm.stubFor(
        get(urlPathEqualTo(prefix + spacesPath()))
            .withQueryParam("cursor", equalTo("c2"))
            .willReturn(okJson("{\"results\":[" + spaceJson(2) + "],\"_links\":{}}")));

    ConfRunner fresh = new ConfRunner(configDir).env("CONF_ATLASSIAN_API_URL", url());
    Result login = scopedLogin(fresh);
    assertThat(login.exitCode()).as(login.toString()).isZero();
    assertThat(login.err()).contains("scoped token");
    assertThat(configDir.resolve("config.json"))
        .content()
        .contains("\"cloudId\" : \"" + cloudId + "\"");

    Result list = fresh.run("space", "list", "--all");
    assertThat(list.exitCode()).as(list.toString()).isZero();
    assertThat(list.out().lines()).extracting(l -> l.split("\t")[0]).containsExactly("K1", "K2");
    // Web links point at the site, not at the gateway.
    Result json = fresh.run("space", "list", "--limit", "1", "--json");
    assertThat(json.out()).contains("\"url\" : \"" + url() + "/wiki/spaces/K1\"");
    assertThat(
            wm.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                    urlPathEqualTo(prefix + spacesPath()))))
        .hasSize(3)
        .allSatisfy(
            req -> assertThat(req.getHeader("Authorization")).isEqualTo(expectedAuthorization()));
  }

  @Test
  void interactiveLoginAsksForWhatIsMissingAndReadsTheTokenWithoutEcho() {
    wm.stubFor(get(urlPathEqualTo(currentUserPath())).willReturn(okJson(currentUserBody())));
    ConfRunner fresh =
        new ConfRunner(configDir).terminal().stdin(url() + "\n" + EMAIL + "\n").secrets(TOKEN);
    Result r = fresh.run("auth", "login", "--deployment", "cloud");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("Confluence site URL: ").contains("Atlassian account email: ");
    assertThat(r.secretPrompts()).singleElement().asString().startsWith("API token");
    assertThat(r.err()).doesNotContain(TOKEN);
    assertThat(fresh.keychain.secrets).containsEntry("default", TOKEN);
  }

  @Test
  void forbiddenWithAScopedTokenNamesScopes() {
    String cloudId = "abc-123";
    String prefix = "/ex/confluence/" + cloudId;
    wm.stubFor(
        get(urlPathEqualTo("/_edge/tenant_info"))
            .willReturn(okJson("{\"cloudId\":\"" + cloudId + "\"}")));
    wm.stubFor(
        get(urlPathEqualTo(prefix + currentUserPath())).willReturn(okJson(currentUserBody())));
    wm.stubFor(get(urlPathEqualTo(prefix + spacesPath())).willReturn(aResponse().withStatus(403)));
    ConfRunner fresh = new ConfRunner(configDir).env("CONF_ATLASSIAN_API_URL", url());
    assertThat(scopedLogin(fresh).exitCode()).isZero();
    Result r = fresh.run("space", "list");
    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.err())
        .contains("permission denied")
        .contains("scoped token")
        .contains("read:space:confluence");
  }

  @Test
  void jiraTokenIsAcceptedWhenNoConfluenceTokenIsSetAndStatusSaysSo() {
    wm.stubFor(get(urlPathEqualTo(currentUserPath())).willReturn(okJson(currentUserBody())));
    conf.env.remove("CONFLUENCE_API_TOKEN");
    conf.env("JIRA_API_TOKEN", TOKEN);
    Result status = conf.pipe().run("auth", "status");
    assertThat(status.exitCode()).as(status.toString()).isZero();
    assertThat(status.out()).contains("secret from\tenvironment (JIRA_API_TOKEN)\n");

    conf.env("ATLASSIAN_API_TOKEN", TOKEN);
    Result preferred = conf.pipe().run("auth", "status", "--json");
    assertThat(preferred.out())
        .contains("\"secretSource\" : \"environment (ATLASSIAN_API_TOKEN)\"");
  }

  @Test
  void statusExits4WhenTheTokenIsRejected() {
    wm.stubFor(get(urlPathEqualTo(currentUserPath())).willReturn(aResponse().withStatus(401)));
    Result r = conf.pipe().run("auth", "status");
    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.err())
        .isEqualTo(
            "conf: authentication failed for "
                + url()
                + ": the secret in CONFLUENCE_API_TOKEN is wrong or has expired; set a valid one\n");
  }

  /** {@code auth login} of this site with a scoped token (read from stdin), through the gateway. */
  private Result scopedLogin(ConfRunner fresh) {
    return fresh
        .stdin(TOKEN)
        .run(
            "auth",
            "login",
            "--url",
            url(),
            "--deployment",
            "cloud",
            "--email",
            EMAIL,
            "--scoped",
            "--with-token");
  }
}
