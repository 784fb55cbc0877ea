package dev.conf.cli.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conf.testing.ConfRunner;
import dev.conf.testing.ConfRunner.Result;
import dev.conf.testing.TestSite;
import dev.conf.testing.WireMockSuite;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Data Center site that rotates the session: the first request with {@code JSESSIONID=A} is
 * answered with a new {@code JSESSIONID=B}, after which A is an ended session (a redirect to the
 * login page). The renewed cookie must reach the keychain, so the next conf run is let in.
 */
class SessionRotationTest extends WireMockSuite {
  private static final String CONTEXT = "/confluence";
  private static final String API = CONTEXT + "/rest/api";
  private static final String ME =
      "{\"type\":\"known\",\"username\":\"ann\",\"userKey\":\"k1\",\"displayName\":\"Ann Author\"}";
  private static final String SPACES =
      "{\"results\":[{\"id\":777,\"key\":\"DOCS\",\"name\":\"Docs\",\"type\":\"global\","
          + "\"status\":\"current\",\"_links\":{\"webui\":\"/display/DOCS\"}}],"
          + "\"start\":0,\"limit\":25,\"size\":1,\"_links\":{}}";

  @Override
  protected TestSite site() {
    return TestSite.dataCenter(url(), CONTEXT);
  }

  @BeforeEach
  void aSiteThatRotatesTheSession() {
    wm.stubFor(
        any(anyUrl())
            .atPriority(10)
            .willReturn(
                aResponse().withStatus(302).withHeader("Location", CONTEXT + "/login.action")));
    wm.stubFor(
        get(urlPathEqualTo(API + "/user/current"))
            .inScenario("session")
            .whenScenarioStateIs(STARTED)
            .withCookie("JSESSIONID", equalTo("A"))
            .willReturn(okJson(ME)));
    wm.stubFor(
        get(urlPathEqualTo(API + "/space"))
            .inScenario("session")
            .whenScenarioStateIs(STARTED)
            .withCookie("JSESSIONID", equalTo("A"))
            .willReturn(
                okJson(SPACES)
                    .withHeader("Set-Cookie", "JSESSIONID=B; Path=" + CONTEXT + "; HttpOnly"))
            .willSetStateTo("rotated"));
    for (String path : new String[] {"/user/current", "/space"}) {
      wm.stubFor(
          get(urlPathEqualTo(API + path))
              .inScenario("session")
              .whenScenarioStateIs("rotated")
              .withCookie("JSESSIONID", equalTo("B"))
              .willReturn(okJson(path.equals("/space") ? SPACES : ME)));
    }
  }

  @Test
  void aRotatedSessionCookieIsSavedSoTheNextRunIsLetIn() {
    ConfRunner c = new ConfRunner(configDir);
    Result login =
        c.pipe()
            .stdin("JSESSIONID=A; crowd.token_key=T\n")
            .run("auth", "login", "--type", "cookie", "--url", siteUrl(), "--with-token");
    assertThat(login.exitCode()).as(login.toString()).isZero();

    Result first = c.pipe().run("space", "list");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(c.keychain.secrets.get("default"))
        .contains("JSESSIONID=B")
        .contains("crowd.token_key=T")
        .doesNotContain("JSESSIONID=A");

    Result second = c.pipe().run("space", "list");
    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(second.out()).contains("DOCS");
    Result status = c.pipe().run("auth", "status");
    assertThat(status.exitCode()).as(status.toString()).isZero();
    // After the rotation no request carried the retired cookie.
    assertThat(wm.findAll(getRequestedFor(anyUrl()).withCookie("JSESSIONID", equalTo("A"))).size())
        .isEqualTo(2);
  }

  @Test
  void aRunThatRenewsNothingLeavesTheKeychainAlone() {
    ConfRunner c = new ConfRunner(configDir);
    c.pipe()
        .stdin("JSESSIONID=A\n")
        .run("auth", "login", "--type", "cookie", "--url", siteUrl(), "--with-token");
    String before = c.keychain.secrets.get("default");
    Result me = c.pipe().run("auth", "status");
    assertThat(me.exitCode()).as(me.toString()).isZero();
    assertThat(c.keychain.secrets.get("default")).isSameAs(before);
  }

  @Test
  void aLongSsoCookieStringFitsAKeychainWithWindowsLimitAndIsRenewed() {
    ConfRunner c = new ConfRunner(configDir);
    c.keychain.maxUtf16Bytes = 2560;
    String gateway = "sso.gateway.session=" + "g".repeat(3000);
    Result login =
        c.pipe()
            .stdin("JSESSIONID=A; " + gateway + "\n")
            .run("auth", "login", "--type", "cookie", "--url", siteUrl(), "--with-token");
    assertThat(login.exitCode()).as(login.toString()).isZero();
    assertThat(c.keychain.secrets).hasSizeGreaterThan(2);
    Result first = c.pipe().run("space", "list");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    Result second = c.pipe().run("space", "list");
    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(
            wm.findAll(
                getRequestedFor(urlPathEqualTo(API + "/space"))
                    .withCookie("sso.gateway.session", equalTo("g".repeat(3000)))))
        .hasSize(2);
  }
}
