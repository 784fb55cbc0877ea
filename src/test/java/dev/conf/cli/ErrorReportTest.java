package dev.conf.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.error.ExitCode;
import dev.conf.testing.ConfRunner.Result;
import dev.conf.testing.TestSite;
import dev.conf.testing.WireMockSuite;
import dev.conf.util.Json;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Machine-readable errors (issue 15): with --json, --jq or CONF_ERROR_FORMAT=json a failure is one
 * JSON object on one line of stderr, for every exit code, through real HTTP.
 */
class ErrorReportTest extends WireMockSuite {
  private static final Set<ExitCode> SEEN = EnumSet.noneOf(ExitCode.class);

  @Override
  protected TestSite site() {
    return TestSite.cloud(url());
  }

  private void spacesAnswer(int status, String body) {
    wm.stubFor(
        get(urlPathEqualTo("/wiki/api/v2/spaces"))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  /** The one JSON object on stderr: nothing else there, nothing on stdout. */
  private JsonNode error(Result r, ExitCode expected) throws Exception {
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(expected.code());
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).endsWith("\n");
    assertThat(r.err().lines()).hasSize(1);
    JsonNode e = Json.parse(r.err()).get("error");
    assertThat(e.get("exit").asInt()).isEqualTo(expected.code());
    assertThat(e.get("message").asText()).isNotBlank();
    assertThat(ErrorReport.CODES).contains(e.get("code").asText());
    SEEN.add(expected);
    return e;
  }

  @Test
  void usage() throws Exception {
    // A command line that does not parse reports as JSON with the variable (its --json may be
    // the mistake); a bad value found while running, with --json or --jq too.
    Result human = conf.run("space", "list", "--bogus", "--json");
    assertThat(human.err()).startsWith("conf: unknown option: '--bogus'\n");
    conf.env("CONF_ERROR_FORMAT", "json");
    JsonNode parse = error(conf.run("space", "list", "--bogus", "--json"), ExitCode.USAGE);
    assertThat(parse.get("code").asText()).isEqualTo("usage");
    assertThat(parse.get("message").asText()).isEqualTo("unknown option: '--bogus'");
    assertThat(parse.get("hint").asText()).isEqualTo("Run 'conf space list --help' for usage.");
    assertThat(parse.has("status")).isFalse();
    JsonNode value =
        error(conf.run("space", "list", "--limit", "0", "--jq", ".[]"), ExitCode.USAGE);
    assertThat(value.get("code").asText()).isEqualTo("usage");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void notFound() throws Exception {
    spacesAnswer(200, "{\"results\":[],\"_links\":{}}");
    JsonNode e = error(conf.run("space", "view", "NOPE", "--json"), ExitCode.NOT_FOUND);
    assertThat(e.get("code").asText()).isEqualTo("not_found");
    assertThat(e.get("message").asText()).contains("NOPE");
  }

  @Test
  void authenticationAndPermissionWithStatusRequestAndHint() throws Exception {
    spacesAnswer(401, "{}");
    JsonNode auth = error(conf.run("space", "view", "DOCS", "--json"), ExitCode.AUTH);
    assertThat(auth.get("code").asText()).isEqualTo("auth");
    assertThat(auth.get("status").asInt()).isEqualTo(401);
    assertThat(auth.get("request").asText()).isEqualTo("GET /wiki/api/v2/spaces");
    assertThat(auth.get("hint").asText()).contains("CONFLUENCE_API_TOKEN");
    // The secret is never in the report.
    assertThat(auth.toString()).doesNotContain(TestSite.CLOUD_TOKEN);
    spacesAnswer(403, "{\"message\":\"no access\"}");
    JsonNode forbidden = error(conf.run("space", "view", "DOCS", "--json"), ExitCode.AUTH);
    assertThat(forbidden.get("code").asText()).isEqualTo("forbidden");
    assertThat(forbidden.get("status").asInt()).isEqualTo(403);
  }

  @Test
  void conflictThroughTheEnvironmentWithoutJsonOutput() throws Exception {
    spacesAnswer(409, "{\"message\":\"Version must be incremented\"}");
    conf.env("CONF_ERROR_FORMAT", "json");
    JsonNode e = error(conf.run("space", "view", "DOCS"), ExitCode.CONFLICT);
    assertThat(e.get("code").asText()).isEqualTo("conflict");
    assertThat(e.get("status").asInt()).isEqualTo(409);
    assertThat(e.get("message").asText()).isEqualTo("conflict: Version must be incremented");
  }

  @Test
  void rateLimitedAfterEveryRetry() throws Exception {
    spacesAnswer(429, "{}");
    // One attempt: retry notices (progress, on stderr too) would come before the report.
    conf.env("CONF_RETRY_MAX_ATTEMPTS", "1");
    JsonNode e = error(conf.run("space", "view", "DOCS", "--json"), ExitCode.RATE_LIMITED);
    assertThat(e.get("code").asText()).isEqualTo("rate_limited");
    assertThat(e.get("status").asInt()).isEqualTo(429);
  }

  @Test
  void anyOtherFailure() throws Exception {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withBody("oops")));
    // Retries print their notices on stderr before the report: give none.
    conf.env("CONF_RETRY_MAX_ATTEMPTS", "1");
    JsonNode e = error(conf.run("space", "view", "DOCS", "--json"), ExitCode.ERROR);
    assertThat(e.get("code").asText()).isEqualTo("error");
    assertThat(e.get("status").asInt()).isEqualTo(500);
    assertThat(e.get("request").asText()).isEqualTo("GET /wiki/api/v2/spaces");
  }

  @Test
  void withoutJsonTheErrorStaysOneHumanLine() {
    spacesAnswer(409, "{\"message\":\"Version must be incremented\"}");
    Result r = conf.run("space", "view", "DOCS");
    assertThat(r.err()).isEqualTo("conf: conflict: Version must be incremented\n");
    // After --, --json is an argument, not a request for JSON errors.
    assertThat(ErrorReport.wanted(java.util.Map.of(), "api", "--", "--json")).isFalse();
  }

  @Test
  void theCodesAreDocumented() throws Exception {
    String doc = Files.readString(java.nio.file.Path.of("docs/json.md"));
    for (String code : ErrorReport.CODES) {
      assertThat(doc).contains("| `" + code + "` |");
    }
  }

  @AfterAll
  static void everyFailingExitCodeWasReported() {
    assertThat(SEEN).containsAll(EnumSet.complementOf(EnumSet.of(ExitCode.OK)));
  }

  @Test
  void okIsNoError() {
    spacesAnswer(200, "{\"results\":[],\"_links\":{}}");
    assertThat(conf.run("space", "list", "--json").err()).isEmpty();
    assertThat(okJson("{}")).isNotNull();
  }
}
