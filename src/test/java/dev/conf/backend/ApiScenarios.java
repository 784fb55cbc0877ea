package dev.conf.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.conf.testing.ConfRunner.Result;
import dev.conf.testing.SpecContract;
import dev.conf.testing.WireMockSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code conf api} on both deployments against WireMock: where paths hang from, fields, bodies,
 * headers, output modes, failures with their exit codes, {@code --paginate} across three pages in
 * the deployment's own style, and credentials that never leave the site. Every request to the site
 * is checked against the deployment's OpenAPI document.
 */
public abstract class ApiScenarios extends WireMockSuite {
  /** Another host, for redirects away from the site. */
  @RegisterExtension
  static WireMockExtension elsewhere =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  protected String expectedAuthorization() {
    return site().authorization();
  }

  /** The path a user types to list spaces, and where it lands on the wire. */
  protected abstract String spacesPathTyped();

  protected abstract String spacesPathOnWire();

  /** The next link of the spaces listing as the server writes it, for page n. */
  protected abstract String nextLink(int page);

  /** A path that exists in the document, for a page (content) by id, typed and on the wire. */
  protected abstract String pagePathTyped(String id);

  protected abstract String pagePathOnWire(String id);

  /** Arguments creating a page with -f/-F, and the JSON body they must send. */
  protected abstract String[] createArgs();

  protected abstract String createPathOnWire();

  protected abstract String expectedCreateBody();

  @Override
  protected SpecContract contract() {
    return super.contract().exempt("/_edge/tenant_info");
  }

  protected String space(int n) {
    return "{\"id\":\"" + (100 + n) + "\",\"key\":\"K" + n + "\",\"name\":\"Space " + n + "\"}";
  }

  protected String spacesPage(int first, int count, String next) {
    return ThreePages.resultsPage(this::space, first, count, next);
  }

  /** Six spaces over three pages of two, each page linking to the next. */
  protected void stubThreePagesOfSpaces() {
    ThreePages.stub(
        wm,
        spacesPathOnWire(),
        site(),
        n -> spacesPage(2 * n - 1, 2, n < 3 ? nextLink(n + 1) : null));
  }

  // ---- requests

  @Test
  void getPrintsTheBodyAsItCameInAPipe() {
    String body = "{\"results\":[" + space(1) + "],\"_links\":{}}";
    wm.stubFor(get(urlPathEqualTo(spacesPathOnWire())).willReturn(okJson(body)));
    Result r = conf.pipe().run("api", spacesPathTyped());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo(body);
    assertThat(r.err()).isEmpty();
    LoggedRequest sent = wm.findAll(getRequestedFor(urlPathEqualTo(spacesPathOnWire()))).get(0);
    assertThat(sent.getHeader("Authorization")).isEqualTo(expectedAuthorization());
    assertThat(sent.getHeader("Accept")).isEqualTo("application/json");
  }

  @Test
  void aTerminalGetsIndentedJson() {
    wm.stubFor(get(urlPathEqualTo(spacesPathOnWire())).willReturn(okJson("{\"a\":[1,2]}")));
    Result r = conf.terminal().run("api", spacesPathTyped());
    assertThat(r.out()).isEqualTo("{\n  \"a\" : [ 1, 2 ]\n}\n");
  }

  @Test
  void fieldsOnAGetBecomeQueryParameters() {
    wm.stubFor(get(urlPathEqualTo(spacesPathOnWire())).willReturn(okJson("{\"results\":[]}")));
    Result r =
        conf.pipe()
            .run("api", "-X", "GET", spacesPathTyped(), "-f", "limit=5", "-F", "type=global");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    LoggedRequest sent = wm.findAll(getRequestedFor(urlPathEqualTo(spacesPathOnWire()))).get(0);
    assertThat(sent.getMethod().getName()).isEqualTo("GET");
    assertThat(sent.queryParameter("limit").firstValue()).isEqualTo("5");
    assertThat(sent.queryParameter("type").firstValue()).isEqualTo("global");
  }

  @Test
  void fieldsWithoutAMethodPostANestedJsonBody() {
    wm.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(createPathOnWire()))
            .willReturn(okJson("{\"id\":\"555\"}")));
    Result r = conf.pipe().run(createArgs());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("{\"id\":\"555\"}");
    wm.verify(
        postRequestedFor(urlPathEqualTo(createPathOnWire()))
            .withHeader("Content-Type", containing("application/json"))
            .withRequestBody(equalToJson(expectedCreateBody())));
  }

  @Test
  void inputSendsAFileAsTheBodyWithTheGivenMethodAndHeaders() throws Exception {
    Path file = tmp.resolve("body.json");
    Files.writeString(file, expectedCreateBody());
    wm.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(createPathOnWire()))
            .willReturn(okJson("{\"id\":\"555\"}")));
    Result r =
        conf.pipe()
            .run(
                "api",
                "-X",
                "post",
                createArgs()[1],
                "--input",
                file.toString(),
                "-H",
                "X-Request-Id: abc 123",
                "--silent");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEmpty();
    wm.verify(
        postRequestedFor(urlPathEqualTo(createPathOnWire()))
            .withHeader("X-Request-Id", equalTo("abc 123"))
            .withRequestBody(equalToJson(expectedCreateBody())));
  }

  @Test
  void stdinInputIsTheBodyToo() {
    wm.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(createPathOnWire()))
            .willReturn(okJson("{}")));
    Result r = conf.pipe().stdin(expectedCreateBody()).run("api", createArgs()[1], "--input", "-");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    wm.verify(
        postRequestedFor(urlPathEqualTo(createPathOnWire()))
            .withRequestBody(equalToJson(expectedCreateBody())));
  }

  @Test
  void includePrintsTheStatusLineAndHeaders() {
    wm.stubFor(
        get(urlPathEqualTo(spacesPathOnWire()))
            .willReturn(okJson("{}").withHeader("X-RateLimit-Remaining", "99")));
    Result r = conf.pipe().run("api", "-i", spacesPathTyped());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .startsWith("HTTP/1.1 200 OK\n")
        .contains("\nX-RateLimit-Remaining: 99\n")
        .endsWith("\n\n{}");
  }

  @Test
  void jqFiltersTheResponse() {
    stubThreePagesOfSpaces();
    Result r = conf.pipe().run("api", spacesPathTyped(), "--jq", ".results[].key");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("K1\nK2\n");
  }

  // ---- failures

  @Test
  void notFoundPrintsTheBodyAndExits3() {
    String body = "{\"statusCode\":404,\"message\":\"No content with id 999\"}";
    wm.stubFor(
        get(urlPathEqualTo(pagePathOnWire("999")))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
    Result r = conf.pipe().run("api", pagePathTyped("999"));
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).isEqualTo(body);
    assertThat(r.err())
        .isEqualTo(
            "conf: HTTP 404 Not Found from GET "
                + pagePathOnWire("999")
                + ": No content with id 999\n");
  }

  @Test
  void unauthorizedExits4AndBadRequestExits1() {
    wm.stubFor(get(urlPathEqualTo(pagePathOnWire("1"))).willReturn(aResponse().withStatus(401)));
    Result auth = conf.pipe().run("api", pagePathTyped("1"));
    assertThat(auth.exitCode()).isEqualTo(4);
    assertThat(auth.err()).contains("HTTP 401").contains("conf auth status");

    wm.stubFor(
        get(urlPathEqualTo(pagePathOnWire("2")))
            .willReturn(aResponse().withStatus(400).withBody("{\"message\":\"bad id\"}")));
    Result bad = conf.pipe().run("api", pagePathTyped("2"));
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.out()).isEqualTo("{\"message\":\"bad id\"}");
    assertThat(bad.err()).endsWith(": bad id\n");
  }

  // ---- paging

  @Test
  void paginateMergesThreePagesOfResultsIntoOneArray() {
    stubThreePagesOfSpaces();
    Result r = conf.pipe().run("api", "--paginate", spacesPathTyped(), "-f", "limit=2");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "[" + space(1) + "," + space(2) + "," + space(3) + "," + space(4) + "," + space(5) + ","
                + space(6) + "]\n");
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo(spacesPathOnWire())))).hasSize(3);

    Result keys = conf.pipe().run("api", "--paginate", spacesPathTyped(), "--jq", ".[].key");
    assertThat(keys.out()).isEqualTo("K1\nK2\nK3\nK4\nK5\nK6\n");
  }

  // ---- credentials stay on the site

  @Test
  void aUrlOnAnotherHostIsRefusedBeforeAnythingIsSent() {
    Result r = conf.pipe().run("api", elsewhere.baseUrl() + "/wiki/api/v2/spaces");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("conf: refusing to send credentials to localhost");
    assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void aFullUrlOnTheSitesOwnHostIsAccepted() {
    wm.stubFor(get(urlPathEqualTo(spacesPathOnWire())).willReturn(okJson("{}")));
    Result r = conf.pipe().run("api", wm.baseUrl() + spacesPathOnWire());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo(spacesPathOnWire()))))
        .singleElement()
        .satisfies(req -> assertThat(req.getHeader("Authorization")).isNotNull());
  }

  @Test
  void aRedirectToAnotherHostDropsTheAuthorizationHeader() {
    wm.stubFor(
        get(urlPathEqualTo(pagePathOnWire("7")))
            .willReturn(
                aResponse()
                    .withStatus(302)
                    .withHeader("Location", elsewhere.baseUrl() + "/download/7")));
    elsewhere.stubFor(get(urlPathEqualTo("/download/7")).willReturn(okJson("{\"ok\":true}")));
    Result r = conf.pipe().run("api", pagePathTyped("7"), "-H", "Authorization: Bearer mine");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("{\"ok\":true}");
    assertThat(elsewhere.findAll(getRequestedFor(urlPathEqualTo("/download/7"))))
        .singleElement()
        .satisfies(req -> assertThat(req.containsHeader("Authorization")).isFalse());
  }

  @Test
  void badArgumentsAreUsageErrors() {
    assertThat(conf.pipe().run("api", "/x", "-f", "novalue").err())
        .isEqualTo("conf: field 'novalue' is not key=value\n");
    assertThat(conf.pipe().run("api", "/x", "-H", "NoColon").exitCode()).isEqualTo(2);
    assertThat(conf.pipe().run("api", "/x", "-X", "POST", "--paginate").exitCode()).isEqualTo(2);
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void aMethodThatIsNotAnHttpTokenIsRefusedBeforeAnythingIsSent() {
    Result r =
        conf.pipe().run("api", "-X", "GET /x HTTP/1.1\r\nHost: a\r\n\r\nDELETE", spacesPathTyped());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("conf: -X: not an HTTP method: 'GET /x HTTP/1.1\\r\\nHost");
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void aRedirectedWriteIsAnErrorSayingWhereItWasSent() {
    wm.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(createPathOnWire()))
            .willReturn(
                aResponse().withStatus(302).withHeader("Location", elsewhere.baseUrl() + "/x")));
    Result r = conf.pipe().run(createArgs());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("redirected POST").contains(elsewhere.baseUrl() + "/x");
    assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }
}
