package dev.conf.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.conf.testing.ConfRunner;
import dev.conf.testing.ConfRunner.Result;
import dev.conf.testing.SpecContract;
import dev.conf.testing.WireMockSuite;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scenarios both deployments must pass, run through the real command line, HTTP client and
 * backend against a WireMock server shaped like the deployment. Subclasses say only how their
 * deployment spells things on the wire. After each test every request sent is checked against the
 * deployment's official OpenAPI document.
 */
public abstract class BackendScenarios extends WireMockSuite {
  /** The secret the site's credentials carry, which must never be printed. */
  protected String secret() {
    return site().secret();
  }

  protected String expectedAuthorization() {
    return site().authorization();
  }

  protected abstract String spacesPath();

  /** The request for one space by key. */
  protected abstract MappingBuilder spaceRequest(String key);

  /** The wire JSON of a space answered by a single-space request. */
  protected abstract String singleSpaceBody(String key, String name);

  protected abstract String currentUserPath();

  protected abstract String currentUserBody();

  /** The next link as the server writes it, for page n. */
  protected abstract String nextLink(int page);

  protected abstract String spaceJson(int n);

  /** The web URL conf should print for space n. */
  protected abstract String spaceUrl(int n);

  @Override
  protected SpecContract contract() {
    return super.contract().exempt("/_edge/tenant_info");
  }

  // ---- helpers

  /** Six spaces over three pages of two, each page linking to the next. */
  protected void stubThreePagesOfSpaces() {
    ThreePages.stub(
        wm,
        spacesPath(),
        site(),
        n -> ThreePages.resultsPage(this::spaceJson, 2 * n - 1, 2, n < 3 ? nextLink(n + 1) : null));
  }

  protected int requestsTo(String path) {
    return wm.findAll(getRequestedFor(urlPathEqualTo(path))).size();
  }

  // ---- listing and paging

  @Test
  void listsEverySpaceAcrossThreePagesInAPipe() {
    stubThreePagesOfSpaces();
    Result r = conf.pipe().run("space", "list", "--all");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "K1\tSpace 1\tglobal\tcurrent\t101\n"
                + "K2\tSpace 2\tglobal\tcurrent\t102\n"
                + "K3\tSpace 3\tglobal\tcurrent\t103\n"
                + "K4\tSpace 4\tglobal\tcurrent\t104\n"
                + "K5\tSpace 5\tpersonal\tcurrent\t105\n"
                + "K6\tSpace 6\tglobal\tarchived\t106\n");
    assertThat(r.err()).isEmpty();
    assertThat(requestsTo(spacesPath())).isEqualTo(3);
  }

  @Test
  void limitStopsPagingAndFetchesNoPageItDoesNotNeed() {
    stubThreePagesOfSpaces();
    Result r = conf.pipe().run("space", "list", "--limit", "3");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().lines()).extracting(l -> l.split("\t")[0]).containsExactly("K1", "K2", "K3");
    assertThat(requestsTo(spacesPath())).isEqualTo(2);

    wm.resetRequests();
    Result two = conf.pipe().run("space", "list", "--limit", "2");
    assertThat(two.out().lines()).hasSize(2);
    assertThat(requestsTo(spacesPath())).isEqualTo(1);
  }

  @Test
  void terminalGetsATableWithHeaders() {
    stubThreePagesOfSpaces();
    Result r = conf.terminal().run("space", "list", "--limit", "2");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "KEY  NAME     TYPE    STATUS   ID\n"
                + "K1   Space 1  global  current  101\n"
                + "K2   Space 2  global  current  102\n");
  }

  @Test
  void jsonHasTheDocumentedFields() {
    stubThreePagesOfSpaces();
    Result r = conf.pipe().run("space", "list", "--limit", "1", "--json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .isEqualToIgnoringWhitespace(
            "[{\"id\":\"101\",\"key\":\"K1\",\"name\":\"Space 1\",\"type\":\"global\","
                + "\"status\":\"current\",\"description\":\"About space 1\",\"homepageId\":\"9001\","
                + "\"url\":\""
                + spaceUrl(1)
                + "\"}]");
  }

  @Test
  void jsonSelectsFieldsAndJqFiltersThem() {
    stubThreePagesOfSpaces();
    Result r = conf.pipe().run("space", "list", "--all", "--json", "key,name");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .startsWith("[ {\n  \"key\" : \"K1\",\n  \"name\" : \"Space 1\"\n}, {")
        .doesNotContain("\"id\"");
    Result jq =
        conf.pipe()
            .run("space", "list", "--all", "--jq", ".[] | select(.type == \"personal\").key");
    assertThat(jq.out()).isEqualTo("K5\n");
  }

  @Test
  void viewsOneSpace() {
    wm.stubFor(spaceRequest("DOCS").willReturn(okJson(singleSpaceBody("DOCS", "Documentation"))));
    Result r = conf.pipe().run("space", "view", "DOCS");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("key\tDOCS\n", "name\tDocumentation\n", "homepage\t9001\n");
  }

  // ---- failures

  @Test
  void unauthorizedSaysTheTokenIsWrongAndExits4() {
    wm.stubFor(
        get(urlPathEqualTo(spacesPath()))
            .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Unauthorized\"}")));
    Result r = conf.pipe().run("space", "list");
    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith("conf: authentication failed for ")
        .contains("is wrong or has expired")
        .doesNotContain(secret());
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void forbiddenShowsTheServersReasonAndExits4() {
    wm.stubFor(
        get(urlPathEqualTo(spacesPath()))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"statusCode\":403,\"message\":\"You may not view spaces\"}")));
    Result r = conf.pipe().run("space", "list");
    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.err())
        .startsWith("conf: permission denied by ")
        .contains("You may not view spaces");
  }

  @Test
  void missingSpaceExits3() {
    stubMissingSpace("NOPE");
    Result r = conf.pipe().run("space", "view", "NOPE");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("conf: space 'NOPE' not found on " + siteDisplay() + "\n");
  }

  /** Answers a request for this space the way the deployment says "no such space". */
  protected abstract void stubMissingSpace(String key);

  protected String siteDisplay() {
    return siteUrl();
  }

  @Test
  void rateLimitIsRetriedAfterTheServersRetryAfter() {
    wm.stubFor(
        get(urlPathEqualTo(spacesPath()))
            .inScenario("throttle")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7"))
            .willSetStateTo("open"));
    wm.stubFor(
        get(urlPathEqualTo(spacesPath()))
            .inScenario("throttle")
            .whenScenarioStateIs("open")
            .willReturn(okJson("{\"results\":[" + spaceJson(1) + "],\"_links\":{}}")));
    Result r = conf.pipe().run("space", "list");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("K1\t");
    assertThat(conf.sleeps).containsExactly(Duration.ofSeconds(7));
    assertThat(r.err()).contains("HTTP 429").contains("retrying in 7.0s (attempt 2 of 5)");
    assertThat(requestsTo(spacesPath())).isEqualTo(2);
  }

  @Test
  void theResumeAfterASharedPauseIsSpreadByJitter() {
    wm.stubFor(
        get(urlPathEqualTo(spacesPath()))
            .inScenario("throttle")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7"))
            .willSetStateTo("open"));
    wm.stubFor(
        get(urlPathEqualTo(spacesPath()))
            .inScenario("throttle")
            .whenScenarioStateIs("open")
            .willReturn(okJson("{\"results\":[" + spaceJson(1) + "],\"_links\":{}}")));
    // A draw of 0.5: half of the one-second window past the 7 s the server asked for.
    conf.resumeSpread = () -> 0.5;
    Result r = conf.pipe().run("space", "list");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(conf.sleeps).containsExactly(Duration.ofSeconds(7), Duration.ofMillis(500));
    assertThat(requestsTo(spacesPath())).isEqualTo(2);
  }

  @Test
  void aStormOf503GivesUpWithExit6() {
    wm.stubFor(get(urlPathEqualTo(spacesPath())).willReturn(aResponse().withStatus(503)));
    Result r = conf.pipe().run("space", "list");
    assertThat(r.exitCode()).isEqualTo(6);
    assertThat(requestsTo(spacesPath())).isEqualTo(5);
    assertThat(conf.sleeps)
        .hasSize(4)
        .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(30)));
    assertThat(r.err())
        .endsWith(
            "(HTTP 503); gave up after 5 attempts and "
                + conf.sleeps.stream().mapToLong(Duration::toMillis).sum() / 1000
                + "s of waiting; try again later\n");
  }

  @Test
  void everyRequestCarriesTheAuthorizationHeader() {
    stubThreePagesOfSpaces();
    wm.stubFor(spaceRequest("K1").willReturn(okJson(singleSpaceBody("K1", "Space 1"))));
    assertThat(conf.pipe().run("space", "list", "--all").exitCode()).isZero();
    assertThat(conf.pipe().run("space", "view", "K1").exitCode()).isZero();
    List<LoggedRequest> all =
        wm.findAll(
            com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    assertThat(all).hasSizeGreaterThanOrEqualTo(4);
    assertThat(all)
        .allSatisfy(
            req -> assertThat(req.getHeader("Authorization")).isEqualTo(expectedAuthorization()));
    assertThat(all).allSatisfy(req -> assertThat(req.getHeader("User-Agent")).startsWith("conf/"));
  }

  @Test
  void debugLogsRequestsWithoutSecrets() {
    stubThreePagesOfSpaces();
    Result r = conf.pipe().run("--debug", "space", "list", "--limit", "1");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    String scheme = expectedAuthorization().split(" ")[0];
    assertThat(r.err())
        .contains("> GET " + url())
        .contains("Authorization: " + scheme + " [redacted]")
        .containsPattern("< 200 OK GET .* \\(\\d+ ms\\)")
        .doesNotContain(secret())
        .doesNotContain(expectedAuthorization().split(" ")[1]);
    assertThat(r.out()).doesNotContain(secret()).startsWith("K1\t");
  }

  // ---- login, then use the saved profile

  @Test
  void loginVerifiesThenSavesAndListWorksFromTheKeychain() {
    stubThreePagesOfSpaces();
    wm.stubFor(get(urlPathEqualTo(currentUserPath())).willReturn(okJson(currentUserBody())));
    ConfRunner fresh = new ConfRunner(configDir);
    Result login = fresh.pipe().stdin(secret() + "\n").run(loginArgs());
    assertThat(login.exitCode()).as(login.toString()).isZero();
    assertThat(login.err()).startsWith("Logged in to ").contains("Jane Doe");
    assertThat(login.out()).isEmpty();
    assertThat(fresh.keychain.secrets).containsEntry("default", secret());
    assertThat(configDir.resolve("config.json")).content().doesNotContain(secret());

    Result list = fresh.pipe().run("space", "list", "--limit", "2");
    assertThat(list.exitCode()).as(list.toString()).isZero();
    assertThat(list.out().lines()).hasSize(2);
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo(spacesPath()))))
        .allSatisfy(
            req -> assertThat(req.getHeader("Authorization")).isEqualTo(expectedAuthorization()));

    Result status = fresh.pipe().run("auth", "status");
    assertThat(status.exitCode()).as(status.toString()).isZero();
    assertThat(status.out()).contains("secret from\tkeychain\n").contains("Jane Doe");
  }

  @Test
  void loginThatFailsVerificationSavesNothing() {
    wm.stubFor(get(urlPathEqualTo(currentUserPath())).willReturn(aResponse().withStatus(401)));
    ConfRunner fresh = new ConfRunner(configDir);
    Result login = fresh.pipe().stdin("wrong-secret").run(loginArgs());
    assertThat(login.exitCode()).isEqualTo(4);
    assertThat(login.err()).contains("authentication failed");
    assertThat(fresh.keychain.secrets).isEmpty();
    assertThat(configDir.resolve("config.json")).doesNotExist();
  }

  /** {@code auth login} arguments for this deployment, secret on stdin. */
  protected abstract String[] loginArgs();
}
