package dev.conf.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.conf.testing.ConfRunner.Result;
import dev.conf.testing.WireMockSuite;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The editing and collaboration scenarios (issue 13) both deployments pass, through the real
 * command line, HTTP stack and backend against WireMock: restore, content properties, edit in an
 * editor, append and section updates, inline comments. Subclasses say how their deployment spells
 * things on the wire; every request is checked against its OpenAPI document after each test.
 */
public abstract class EditingScenarios extends WireMockSuite {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Where one page is read and updated. */
  protected abstract String pagePath(String id);

  /** The wire JSON of a page with its body, as a single-page read answers. */
  protected abstract String pageJson(String id, String title, int version, String body);

  /** The storage body inside an update request. */
  protected abstract String bodyOf(JsonNode request);

  /** Stubs every test may need (Cloud: user names). */
  protected void stubCommon() {}

  @BeforeEach
  void commonAnswers() {
    stubCommon();
  }

  /** Page {@code id} at {@code version}, readable as the current one and as that version. */
  protected void stubPage(String id, String title, int version, String body) {
    wm.stubFor(
        get(urlPathEqualTo(pagePath(id)))
            .withQueryParam("version", absent())
            .willReturn(okJson(pageJson(id, title, version, body))));
    stubVersion(id, title, version, body);
  }

  /** An older version of page {@code id}, as a read of {@code version=N} answers. */
  protected void stubVersion(String id, String title, int version, String body) {
    wm.stubFor(
        get(urlPathEqualTo(pagePath(id)))
            .withQueryParam("version", equalTo(String.valueOf(version)))
            .willReturn(okJson(pageJson(id, title, version, body))));
  }

  /** The update answers version {@code version} with that body. */
  protected void stubUpdate(String id, String title, int version, String body) {
    wm.stubFor(
        put(urlPathEqualTo(pagePath(id))).willReturn(okJson(pageJson(id, title, version, body))));
  }

  /**
   * Page {@code id} is read at version 7; its update answers 409 because someone saved version 8
   * (with {@code theirs}) in between, which later reads then answer.
   */
  protected void stubRace(String id, String title, String body, String theirs) {
    wm.stubFor(
        get(urlPathEqualTo(pagePath(id)))
            .withQueryParam("version", absent())
            .inScenario("race")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson(pageJson(id, title, 7, body))));
    wm.stubFor(
        put(urlPathEqualTo(pagePath(id)))
            .inScenario("race")
            .willReturn(
                aResponse()
                    .withStatus(409)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"statusCode\":409,\"message\":\"Version must be incremented\"}"))
            .willSetStateTo("saved elsewhere"));
    wm.stubFor(
        get(urlPathEqualTo(pagePath(id)))
            .withQueryParam("version", absent())
            .inScenario("race")
            .whenScenarioStateIs("saved elsewhere")
            .willReturn(okJson(pageJson(id, title, 8, theirs))));
  }

  protected List<LoggedRequest> all() {
    return wm.findAll(anyRequestedFor(anyUrl()));
  }

  protected List<LoggedRequest> writes() {
    return all().stream().filter(r -> !r.getMethod().getName().equals("GET")).toList();
  }

  protected List<JsonNode> puts(String path) {
    return wm.findAll(putRequestedFor(urlPathEqualTo(path))).stream()
        .map(EditingScenarios::json)
        .toList();
  }

  protected static JsonNode json(LoggedRequest r) {
    try {
      return JSON.readTree(r.getBodyAsString());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + r.getBodyAsString(), e);
    }
  }

  // ---- page restore

  @Test
  void restoreSavesTheOldVersionsTitleAndBodyAsTheNextVersion() {
    stubPage("42", "Notes", 7, "<p>now</p>");
    stubVersion("42", "Old notes", 3, "<p>then</p>");
    stubUpdate("42", "Old notes", 8, "<p>then</p>");
    Result r = conf.pipe().run("page", "restore", "42", "--version", "3");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).isEqualTo("Updated page 'Old notes' (42) to version 8.\n");
    List<JsonNode> puts = puts(pagePath("42"));
    assertThat(puts).hasSize(1);
    JsonNode sent = puts.get(0);
    assertThat(sent.path("version").path("number").asInt()).isEqualTo(8);
    assertThat(sent.path("version").path("message").asText()).isEqualTo("Restored version 3");
    assertThat(sent.path("title").asText()).isEqualTo("Old notes");
    assertThat(bodyOf(sent)).isEqualTo("<p>then</p>");
  }

  @Test
  void restoreOverwritesNothingWhenThePageChangedInBetween() {
    stubRace("42", "Notes", "<p>now</p>", "<p>theirs</p>");
    stubVersion("42", "Notes", 3, "<p>then</p>");
    Result r = conf.pipe().run("page", "restore", "42", "--version", "3");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
    assertThat(r.err())
        .isEqualTo(
            "conf: page 42 changed on the server since it was read: this update was based on"
                + " version 7 and the server now has version 8; nothing was overwritten. Fetch it"
                + " again and re-apply your change.\n");
    assertThat(puts(pagePath("42"))).hasSize(1);
  }

  @Test
  void restoringWhatThePageAlreadyHasSendsNothing() {
    stubPage("42", "Notes", 7, "<p>same</p>");
    stubVersion("42", "Notes", 6, "<p>same</p>");
    Result r = conf.pipe().run("page", "restore", "42", "--version", "6");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("No changes").contains("nothing was sent");
    assertThat(writes()).isEmpty();
  }

  @Test
  void aVersionTheServerDoesNotHaveIsAUsageError() {
    stubPage("42", "Notes", 7, "<p>now</p>");
    Result r = conf.pipe().run("page", "restore", "42", "--version", "9");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("conf: page 42 is at version 7: there is no version 9\n");
    assertThat(writes()).isEmpty();
  }
}
