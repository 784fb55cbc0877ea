package dev.conf.cli.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conf.testing.ConfRunner;
import dev.conf.testing.ConfRunner.Result;
import dev.conf.testing.SpecContract;
import dev.conf.testing.TestSite;
import dev.conf.testing.WireMockSuite;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Scoped API tokens without {@code --scoped}: a Basic pair the site refuses is tried through the
 * gateway before login gives up; and a 403 that the current-user check shows to be the token's
 * fault says where to make a new one. WireMock is the site and (through CONF_ATLASSIAN_API_URL) the
 * gateway.
 */
class ScopedTokenLoginTest extends WireMockSuite {
  private static final String CLOUD_ID = "abc-123";
  private static final String ME =
      "{\"type\":\"known\",\"accountId\":\"5b10ac8d82e05b22cc7d4ef5\",\"accountType\":\"atlassian\","
          + "\"email\":\"jane@acme.com\",\"publicName\":\"Jane\",\"displayName\":\"Jane Doe\"}";

  @Override
  protected TestSite site() {
    return TestSite.cloud(url());
  }

  @Override
  protected SpecContract contract() {
    return super.contract().exempt("^/_edge/tenant_info$");
  }

  private ConfRunner fresh() {
    return new ConfRunner(configDir).env("CONF_ATLASSIAN_API_URL", url());
  }

  private Result login(ConfRunner c) {
    return c.pipe()
        .stdin(TestSite.CLOUD_TOKEN)
        .run(
            "auth",
            "login",
            "--url",
            url(),
            "--deployment",
            "cloud",
            "--email",
            TestSite.CLOUD_EMAIL,
            "--with-token");
  }

  @Test
  void aTokenTheSiteRefusesButTheGatewayTakesIsSavedAsScoped() throws IOException {
    wm.stubFor(
        get(urlPathEqualTo("/wiki/rest/api/user/current")).willReturn(aResponse().withStatus(401)));
    wm.stubFor(
        get(urlPathEqualTo("/_edge/tenant_info"))
            .willReturn(okJson("{\"cloudId\":\"" + CLOUD_ID + "\"}")));
    wm.stubFor(
        get(urlPathEqualTo("/ex/confluence/" + CLOUD_ID + "/wiki/rest/api/user/current"))
            .willReturn(okJson(ME)));
    ConfRunner c = fresh();
    Result r = login(c);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("it is a scoped token", "scoped token").contains("Jane Doe");
    assertThat(Files.readString(configDir.resolve("config.json")))
        .contains("\"cloudId\" : \"" + CLOUD_ID + "\"");
    assertThat(c.keychain.secrets).containsEntry("default", TestSite.CLOUD_TOKEN);
  }

  @Test
  void aTokenRefusedEverywhereSaysWhereToCreateOne() {
    wm.stubFor(
        get(urlPathEqualTo("/wiki/rest/api/user/current")).willReturn(aResponse().withStatus(403)));
    wm.stubFor(
        get(urlPathEqualTo("/_edge/tenant_info"))
            .willReturn(okJson("{\"cloudId\":\"" + CLOUD_ID + "\"}")));
    wm.stubFor(
        get(urlPathEqualTo("/ex/confluence/" + CLOUD_ID + "/wiki/rest/api/user/current"))
            .willReturn(aResponse().withStatus(401)));
    ConfRunner c = fresh();
    Result r = login(c);
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.err())
        .contains("the token may be wrong, expired or revoked")
        .contains("https://id.atlassian.com/manage-profile/security/api-tokens");
    assertThat(r.err().lines()).hasSize(1);
    assertThat(c.keychain.secrets).isEmpty();
    assertThat(configDir.resolve("config.json")).doesNotExist();
  }

  @Test
  void a403ThatTheCurrentUserAlsoGetsIsTheTokensFault() {
    wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/spaces")).willReturn(aResponse().withStatus(403)));
    wm.stubFor(
        get(urlPathEqualTo("/wiki/rest/api/user/current")).willReturn(aResponse().withStatus(403)));
    Result r = conf.pipe().run("space", "list");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.err())
        .contains("the token may be wrong, expired or revoked")
        .contains("https://id.atlassian.com/manage-profile/security/api-tokens");
  }

  @Test
  void a403ThatTheCurrentUserDoesNotGetIsAPermission() {
    wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/spaces")).willReturn(aResponse().withStatus(403)));
    wm.stubFor(get(urlPathEqualTo("/wiki/rest/api/user/current")).willReturn(okJson(ME)));
    Result r = conf.pipe().run("space", "list");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.err()).contains("permission denied").doesNotContain("id.atlassian.com");
  }
}
