package dev.conf.cli.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conf.testing.ConfRunner;
import dev.conf.testing.ConfRunner.Result;
import dev.conf.testing.TestSite;
import dev.conf.testing.WireMockSuite;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code conf auth status} on a Data Center site with a PAT: the token's expiry from the site's PAT
 * list ({@code GET /rest/pat/latest/tokens}), a warning within 14 days of it, and silence where the
 * site has no such list (404) or PATs are off (403).
 */
class PatExpiryStatusTest extends WireMockSuite {
  private static final String CONTEXT = "/confluence";
  private static final String TOKENS = CONTEXT + "/rest/pat/latest/tokens";
  private static final String ME =
      "{\"type\":\"known\",\"username\":\"ann\",\"userKey\":\"k1\",\"displayName\":\"Ann Author\"}";

  @Override
  protected TestSite site() {
    return TestSite.dataCenter(url(), CONTEXT);
  }

  @BeforeEach
  void aUser() {
    wm.stubFor(get(urlPathEqualTo(CONTEXT + "/rest/api/user/current")).willReturn(okJson(ME)));
  }

  private Result status(String... more) {
    ConfRunner c = site().credentialsInEnv(new ConfRunner(configDir));
    String[] args = new String[more.length + 2];
    args[0] = "auth";
    args[1] = "status";
    System.arraycopy(more, 0, args, 2, more.length);
    return c.pipe().run(args);
  }

  private static String token(int id, String name, String expiring, String lastAccessed) {
    return "{\"id\":"
        + id
        + ",\"name\":\""
        + name
        + "\",\"createdAt\":\"2026-06-01T09:00:00.000+0000\""
        + (expiring == null ? "" : ",\"expiringAt\":\"" + expiring + "\"")
        + (lastAccessed == null ? "" : ",\"lastAccessedAt\":\"" + lastAccessed + "\"")
        + "}";
  }

  @Test
  void theTokenInUseShowsItsExpiryAndNoWarningFarAhead() {
    wm.stubFor(
        get(urlPathEqualTo(TOKENS))
            .willReturn(
                okJson(
                    "["
                        + token(
                            1,
                            "laptop",
                            "2026-12-02T09:00:00.000+0000",
                            "2026-11-20T08:00:00.000+0000")
                        + ","
                        + token(
                            2, "ci", "2027-01-01T12:00:00.000+0000", "2026-11-29T11:59:59.000+0000")
                        + "]")));
    Result r = status();
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("token expires\t2027-01-01 (in 33 days)\n");
    assertThat(r.err()).doesNotContain("warning");
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo(TOKENS))))
        .singleElement()
        .satisfies(
            req ->
                assertThat(req.getHeader("Authorization")).isEqualTo("Bearer " + TestSite.DC_PAT));

    Result json = status("--json", "patExpires,patInUse");
    assertThat(json.out())
        .contains("\"patExpires\" : \"2027-01-01T12:00:00Z\"")
        .contains("\"patInUse\" : \"ci\"");
  }

  @Test
  void withinFourteenDaysStderrWarns() {
    wm.stubFor(
        get(urlPathEqualTo(TOKENS))
            .willReturn(okJson("[" + token(2, "ci", "2026-12-05T12:00:00.000+0000", null) + "]")));
    Result r = status();
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("2026-12-05 (in 6 days)").doesNotContain("warning");
    assertThat(r.err())
        .contains("warning: the personal access token expires 2026-12-05 (in 6 days)")
        .contains("conf auth login");
  }

  @Test
  void whenTheTokenInUseCannotBeToldTheSoonestExpiryIsShownAsThat() {
    wm.stubFor(
        get(urlPathEqualTo(TOKENS))
            .willReturn(
                okJson(
                    "["
                        + token(1, "a", "2027-03-01T00:00:00.000+0000", null)
                        + ","
                        + token(2, "b", "2027-02-01T00:00:00.000+0000", null)
                        + "]")));
    Result r = status();
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains(
            "2027-02-01 (in 64 days); the soonest of your 2 tokens: which one conf uses"
                + " cannot be told");
  }

  @Test
  void noListOrPatsTurnedOffIsSilent() {
    for (int code : new int[] {404, 403}) {
      wm.stubFor(get(urlPathEqualTo(TOKENS)).willReturn(aResponse().withStatus(code)));
      Result r = status();
      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(r.out()).contains("Ann Author").doesNotContain("token expires");
      assertThat(r.err()).isEmpty();
    }
  }

  @Test
  void offlineAsksNothing() {
    Result r = status("--offline");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo(TOKENS)))).isEmpty();
  }
}
