package dev.conf.cli.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.conf.testing.ConfRunner;
import dev.conf.testing.ConfRunner.Result;
import dev.conf.testing.SpecContract;
import dev.conf.testing.TestSite;
import dev.conf.testing.WireMockSuite;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --type session} and {@code --type cookie} against a Data Center-shaped server that holds
 * Seraph's rules: {@code dologin.action} answers a good form login with 302 and a JSESSIONID, a
 * request with that cookie is served, a write without {@code X-Atlassian-Token: no-check} gets 403
 * {@code XSRF check failed}, and any other request is refused the ways an ended session is.
 */
class SessionLoginTest extends WireMockSuite {
  private static final String CONTEXT = "/confluence";
  private static final String API = CONTEXT + "/rest/api";
  private static final String SESSION = "JSESSIONID=S1";
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

  @Override
  protected SpecContract contract() {
    // The form login is Seraph's servlet, not the REST API.
    return super.contract().exempt("^" + CONTEXT + "/dologin\\.action$");
  }

  /** Only requests with the session cookie (or the cookie login's PAT) are served. */
  private MappingBuilder withSession(MappingBuilder m) {
    return m.withCookie("JSESSIONID", equalTo("S1"));
  }

  @BeforeEach
  void aDataCenterThatKnowsSessions() {
    // Anything without the session: as an ended session, a redirect to the login page.
    wm.stubFor(
        any(anyUrl())
            .atPriority(10)
            .willReturn(
                aResponse().withStatus(302).withHeader("Location", CONTEXT + "/login.action")));
    wm.stubFor(
        post(urlPathEqualTo(CONTEXT + "/dologin.action"))
            .withRequestBody(containing("os_username=ann"))
            .withRequestBody(containing("os_password=pw"))
            .withRequestBody(containing("os_cookie=true"))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(302)
                    .withHeader("Location", API + "/user/current")
                    .withHeader("Set-Cookie", SESSION + "; Path=" + CONTEXT + "; HttpOnly")));
    wm.stubFor(
        post(urlPathEqualTo(CONTEXT + "/dologin.action"))
            .atPriority(6)
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("X-Seraph-LoginReason", "AUTHENTICATED_FAILED")));
    wm.stubFor(withSession(get(urlPathEqualTo(API + "/user/current"))).willReturn(okJson(ME)));
    wm.stubFor(withSession(get(urlPathEqualTo(API + "/space"))).willReturn(okJson(SPACES)));
    wm.stubFor(
        withSession(get(urlPathEqualTo(API + "/content/42")))
            .willReturn(okJson(page(7, "<p>old</p>"))));
    wm.stubFor(
        withSession(put(urlPathEqualTo(API + "/content/42")))
            .atPriority(3)
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "text/plain")
                    .withBody("XSRF check failed")));
    wm.stubFor(
        withSession(put(urlPathEqualTo(API + "/content/42")))
            .withHeader("X-Atlassian-Token", equalTo("no-check"))
            .atPriority(1)
            .willReturn(okJson(page(8, "<p>new</p>"))));
  }

  private static String page(int version, String body) {
    return "{\"id\":\"42\",\"type\":\"page\",\"status\":\"current\",\"title\":\"Notes\","
        + "\"space\":{\"id\":98305,\"key\":\"DOCS\",\"name\":\"Docs\"},"
        + "\"version\":{\"number\":"
        + version
        + ",\"minorEdit\":false,\"when\":\"2026-11-01T10:00:00.000Z\"},"
        + "\"ancestors\":[],\"body\":{\"storage\":{\"value\":\""
        + body.replace("\"", "\\\"")
        + "\",\"representation\":\"storage\"}},"
        + "\"_links\":{\"webui\":\"/pages/viewpage.action?pageId=42\"}}";
  }

  private ConfRunner fresh() {
    return new ConfRunner(configDir);
  }

  private Result sessionLogin(ConfRunner c, String password, String... more) {
    String[] args = {
      "auth", "login", "--type", "session", "--url", siteUrl(), "--username", "ann", "--with-token"
    };
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return c.pipe().stdin(password).run(all);
  }

  @Test
  void aSessionLoginListsSpacesAndUpdatesAPageWithTheXsrfHeader() throws IOException {
    ConfRunner c = fresh();
    Result r = sessionLogin(c, "pw");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("Ann Author").contains("The password is not stored");
    assertThat(c.keychain.secrets.get("default")).contains(SESSION).doesNotContain("pw\"");
    String config = Files.readString(configDir.resolve("config.json"));
    assertThat(config).contains("\"session\"").doesNotContain("S1").doesNotContain("\"pw\"");

    Result spaces = c.pipe().run("space", "list");
    assertThat(spaces.exitCode()).as(spaces.toString()).isZero();
    assertThat(spaces.out()).contains("DOCS");

    Result update = c.pipe().stdin("<p>new</p>").run("page", "update", "42", "-");
    assertThat(update.exitCode()).as(update.toString()).isZero();
    assertThat(wm.findAll(putRequestedFor(urlPathEqualTo(API + "/content/42"))))
        .singleElement()
        .satisfies(p -> assertThat(p.getHeader("X-Atlassian-Token")).isEqualTo("no-check"));
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo(API + "/space"))))
        .allSatisfy(g -> assertThat(g.containsHeader("X-Atlassian-Token")).isFalse());

    Result status = c.pipe().run("auth", "status");
    assertThat(status.exitCode()).as(status.toString()).isZero();
    assertThat(status.out()).contains("login session").contains("keychain");
  }

  @Test
  void aWrongPasswordIsExit4AndSavesNothing() {
    ConfRunner c = fresh();
    Result r = sessionLogin(c, "wrong");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.err()).contains("refused the username or password").doesNotContain("wrong");
    assertThat(c.keychain.secrets).isEmpty();
    assertThat(configDir.resolve("config.json")).doesNotExist();
  }

  @Test
  void anEndedSessionIsExit4WithWhatToDoAndNoStoredPassword() {
    ConfRunner c = fresh();
    assertThat(sessionLogin(c, "pw").exitCode()).isZero();
    c.keychain.secrets.put("default", "{\"cookies\":\"JSESSIONID=OLD\"}");
    Result r = c.pipe().run("space", "list");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.err().strip())
        .isEqualTo(
            "conf: the session with "
                + siteUrl()
                + " has ended (it redirects to its login page): run conf auth login --type"
                + " session --url "
                + siteUrl()
                + " (conf logs in again by itself only when the password is stored)");
    assertThat(wm.findAll(getRequestedFor(urlPathMatching(".*/login\\.action")))).isEmpty();
  }

  @Test
  void withTheStoredPasswordConfLogsInAgainByItselfAndKeepsTheNewSession() {
    ConfRunner c = fresh();
    Result login = sessionLogin(c, "pw", "--remember-password");
    assertThat(login.exitCode()).as(login.toString()).isZero();
    assertThat(login.err()).contains("conf logs in again by itself");
    c.keychain.secrets.put("default", "{\"cookies\":\"JSESSIONID=OLD\",\"password\":\"pw\"}");
    Result r = c.pipe().run("space", "list");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("DOCS");
    assertThat(r.err()).contains("logged in again with the stored password");
    assertThat(c.keychain.secrets.get("default")).contains(SESSION).contains("\"password\"");
    assertThat(wm.findAll(postRequestedFor(urlPathEqualTo(CONTEXT + "/dologin.action"))))
        .hasSize(2);
  }

  @Test
  void eachEndedSessionSignalHasItsMessage() {
    ConfRunner c = fresh();
    assertThat(sessionLogin(c, "pw").exitCode()).isZero();
    c.keychain.secrets.put("default", "{\"cookies\":\"JSESSIONID=S1\"}");
    String idp = "http://127.0.0.1:" + wm.getPort() + "/idp/saml";
    String[][] cases = {
      {"X-AUSERNAME", "anonymous", "200", "it answered as the anonymous user"},
      {
        "X-Authentication-Denied-Reason",
        "CAPTCHA_CHALLENGE; login-url=" + siteUrl() + "/login.action",
        "200",
        "asks for a CAPTCHA after failed logins (" + siteUrl() + "/login.action)"
      },
      {"X-Seraph-LoginReason", "AUTHENTICATION_DENIED", "200", "denied the login"},
      {"Location", idp, "302", "sent the request to its identity provider 127.0.0.1 (SSO)"},
    };
    for (String[] k : cases) {
      wm.stubFor(
          withSession(get(urlPathEqualTo(API + "/space")))
              .atPriority(1)
              .willReturn(
                  aResponse()
                      .withStatus(Integer.parseInt(k[2]))
                      .withHeader("Content-Type", "application/json")
                      .withHeader(k[0], k[1])
                      .withBody(SPACES)));
      Result r = c.pipe().run("space", "list");
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).contains(k[3]).hasLineCount(1);
    }
    assertThat(wm.findAll(getRequestedFor(urlPathMatching("/idp/.*")))).isEmpty();
  }

  @Test
  void aCookieLoginFromTheBrowserWithAPatSendsBoth() throws IOException {
    ConfRunner c = fresh();
    Result r =
        c.pipe()
            .stdin(SESSION + "; crowd.token_key=ct\n" + TestSite.DC_PAT + "\n")
            .run(
                "auth",
                "login",
                "--type",
                "cookie",
                "--url",
                siteUrl(),
                "--with-pat",
                "--with-token");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(c.keychain.secrets.get("default")).contains("crowd.token_key=ct");
    assertThat(Files.readString(configDir.resolve("config.json")))
        .contains("\"cookie\"")
        .doesNotContain("crowd.token_key");

    Result update = c.pipe().stdin("<p>new</p>").run("page", "update", "42", "-");
    assertThat(update.exitCode()).as(update.toString()).isZero();
    assertThat(wm.findAll(putRequestedFor(urlPathEqualTo(API + "/content/42"))))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getHeader("X-Atlassian-Token")).isEqualTo("no-check");
              assertThat(p.getHeader("Authorization")).isEqualTo("Bearer " + TestSite.DC_PAT);
              assertThat(p.getHeader("Cookie")).contains(SESSION).contains("crowd.token_key=ct");
            });
  }

  @Test
  void anExpiredCookieLoginSaysToCopyTheCookiesAgain() {
    ConfRunner c = fresh();
    Result login =
        c.pipe()
            .stdin("JSESSIONID=S1")
            .run("auth", "login", "--type", "cookie", "--url", siteUrl(), "--with-token");
    assertThat(login.exitCode()).as(login.toString()).isZero();
    c.keychain.secrets.put("default", "{\"cookies\":\"JSESSIONID=GONE\"}");
    Result r = c.pipe().run("space", "list");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.err())
        .contains("has ended")
        .contains("log in to " + siteUrl() + " in a browser, copy the cookies")
        .contains("--type cookie");
  }
}
