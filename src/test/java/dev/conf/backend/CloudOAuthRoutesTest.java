package dev.conf.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.auth.AuthType;
import dev.conf.auth.Site;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.http.ApiClient;
import dev.conf.http.HttpClientFactory;
import dev.conf.http.RetryPolicy;
import dev.conf.service.Capabilities;
import dev.conf.service.Capabilities.Operation;
import dev.conf.service.ConfluenceService;
import dev.conf.service.ContentType;
import dev.conf.service.CopyRequest;
import dev.conf.service.MovePosition;
import dev.conf.service.SearchQuery;
import dev.conf.testing.TestSite;
import dev.conf.util.Json;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The routing table an OAuth profile gets ({@link CloudRoutes#OAUTH}), against a gateway that
 * behaves as Atlassian's does in 2026 for OAuth traffic: v1 content, space and comment routes
 * answer 410 Gone, CQL search and v2 answer. Every request is checked against the Cloud documents
 * through the gateway prefix, as for scoped tokens. The service is built the way {@link Backends}
 * builds it, over the real HTTP stack with a Bearer header.
 */
class CloudOAuthRoutesTest extends dev.conf.testing.WireMockSuite {
  private static final String CLOUD_ID = "1234abcd-5678";
  private static final String PREFIX = "/ex/confluence/" + CLOUD_ID;

  private ConfluenceService service;

  @Override
  protected TestSite site() {
    return TestSite.cloud(url());
  }

  @BeforeEach
  void gatewayWithoutV1Content() {
    Site site = Site.scoped(URI.create(url()), CLOUD_ID, URI.create("https://acme.atlassian.net"));
    HttpClientFactory.Settings settings =
        new HttpClientFactory.Settings(
            "conf/test",
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            null,
            Map.of(),
            RetryPolicy.fromEnv(Map.of()),
            d -> {},
            Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC),
            null,
            null);
    ApiClient api =
        new ApiClient(
            HttpClientFactory.withAuth(
                HttpClientFactory.create(settings, false),
                HttpUrl.get(site.root().toString()),
                () -> "Bearer oauth-access-token"),
            new ApiClient.ErrorContext(site.displayUrl(), "log in again", true));
    service = Backends.create(site, CloudRoutes.OAUTH, api);
    wm.stubFor(
        any(urlPathMatching(PREFIX + "/wiki/rest/api/(content|space).*"))
            .atPriority(10)
            .willReturn(
                aResponse()
                    .withStatus(410)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"message\":\"GoneException: This deprecated endpoint has been"
                            + " removed.\"}")));
  }

  private void stubV2Page(String id, String spaceId, String parentId, int version) {
    wm.stubFor(
        get(urlPathEqualTo(PREFIX + "/wiki/api/v2/pages/" + id))
            .withQueryParam("body-format", equalTo("storage"))
            .willReturn(
                okJson(
                    "{\"id\":\""
                        + id
                        + "\",\"status\":\"current\",\"title\":\"Page "
                        + id
                        + "\",\"spaceId\":\""
                        + spaceId
                        + "\",\"parentId\":\""
                        + parentId
                        + "\",\"version\":{\"number\":"
                        + version
                        + "},\"body\":{\"storage\":{\"representation\":\"storage\","
                        + "\"value\":\"<p>body of "
                        + id
                        + "</p>\"}}}")));
  }

  private JsonNode onlyPut(String path) throws Exception {
    var puts = wm.findAll(putRequestedFor(urlPathEqualTo(path)));
    assertThat(puts).hasSize(1);
    return Json.mapper().readTree(puts.get(0).getBodyAsString());
  }

  @Test
  void aMoveUnderAPageOfTheSameSpaceIsAV2SaveWithTheNewParent() throws Exception {
    stubV2Page("5", "100", "1", 3);
    stubV2Page("9", "100", "1", 1);
    wm.stubFor(put(urlPathEqualTo(PREFIX + "/wiki/api/v2/pages/5")).willReturn(okJson("{}")));

    String note = service.pages().movePage("5", MovePosition.APPEND, "9");

    assertThat(note).isNull();
    JsonNode sent = onlyPut(PREFIX + "/wiki/api/v2/pages/5");
    assertThat(sent.path("parentId").asText()).isEqualTo("9");
    assertThat(sent.path("version").path("number").asInt()).isEqualTo(4);
    assertThat(sent.path("title").asText()).isEqualTo("Page 5");
    assertThat(sent.path("body").path("value").asText()).isEqualTo("<p>body of 5</p>");
    assertThat(wm.getAllServeEvents())
        .allSatisfy(e -> assertThat(e.getRequest().getUrl()).doesNotContain("/rest/api/"))
        .allSatisfy(
            e ->
                assertThat(e.getRequest().getHeader("Authorization"))
                    .isEqualTo("Bearer oauth-access-token"));
  }

  @Test
  void aMoveBesideASiblingGoesUnderItsParentAndSaysTheOrderIsTheServers() throws Exception {
    stubV2Page("5", "100", "1", 3);
    stubV2Page("9", "100", "7", 1);
    wm.stubFor(put(urlPathEqualTo(PREFIX + "/wiki/api/v2/pages/5")).willReturn(okJson("{}")));

    String note = service.pages().movePage("5", MovePosition.BEFORE, "9");

    assertThat(onlyPut(PREFIX + "/wiki/api/v2/pages/5").path("parentId").asText()).isEqualTo("7");
    assertThat(note).contains("cannot order pages among their siblings").contains("9");
  }

  @Test
  void aMoveToAnotherSpaceIsRefusedBeforeAnyWrite() {
    stubV2Page("5", "100", "1", 3);
    stubV2Page("9", "200", "1", 1);

    assertThatThrownBy(() -> service.pages().movePage("5", MovePosition.APPEND, "9"))
        .isInstanceOfSatisfying(
            ConfException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ERROR))
        .hasMessageContaining("different spaces")
        .hasMessageContaining("API token");
    assertThat(wm.findAll(putRequestedFor(urlPathMatching(".*")))).isEmpty();
    assertThat(service.capabilities().moveAcrossSpaces()).isFalse();
  }

  @Test
  void v1OnlyWritesAreRefusedByNameWithoutARequest(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path file = Files.writeString(dir.resolve("a.txt"), "a");
    List<Runnable> v1Only =
        List.of(
            () -> service.items().addLabels("5", List.of("x")),
            () -> service.items().removeLabel("5", "x"),
            () ->
                service
                    .items()
                    .uploadAttachment(
                        ContentType.PAGE,
                        "5",
                        file,
                        "a.txt",
                        null,
                        false,
                        dev.conf.service.Transfer.NONE),
            () -> service.pages().copyPage(new CopyRequest("5", "9", null, false, false, false)),
            () -> service.pages().copyTask("task-1"),
            () -> service.pages().restrictions("5"),
            () -> service.pages().setRestrictions("5", List.of()));
    for (Runnable call : v1Only) {
      assertThatThrownBy(call::run)
          .isInstanceOfSatisfying(
              ConfException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ERROR))
          .hasMessageStartingWith("Confluence Cloud no longer serves ")
          .hasMessageContaining("to OAuth apps")
          .hasMessageContaining("API token");
    }
    assertThat(wm.getAllServeEvents()).isEmpty();
    assertThat(service.capabilities().lacking())
        .containsExactlyInAnyOrder(
            Operation.LABEL_WRITES,
            Operation.ATTACHMENT_UPLOAD,
            Operation.PAGE_COPY,
            Operation.RESTRICTIONS);
  }

  @Test
  void readsGoThroughV2AndSearchThroughTheV1RouteTheGatewayKeeps() {
    wm.stubFor(
        get(urlPathEqualTo(PREFIX + "/wiki/api/v2/pages/5/labels"))
            .willReturn(
                okJson("{\"results\":[{\"id\":\"1\",\"name\":\"ops\",\"prefix\":\"global\"}]}")));
    wm.stubFor(
        get(urlPathEqualTo(PREFIX + "/wiki/rest/api/search"))
            .willReturn(okJson("{\"results\":[],\"totalSize\":0,\"_links\":{}}")));

    assertThat(service.items().labels(ContentType.PAGE, "5"))
        .extracting("name")
        .containsExactly("ops");
    assertThat(service.search(new SearchQuery("type = page", false), 10).results()).isEmpty();
  }

  @Test
  void apiTokenTypesGetTheApiTokenRoutesAndOAuthKindsTheOAuthOnes() {
    for (AuthType t : AuthType.values()) {
      assertThat(Backends.routes(t))
          .isEqualTo(t.oauth() ? CloudRoutes.OAUTH : CloudRoutes.API_TOKEN);
    }
    Capabilities token = CloudRoutes.API_TOKEN.capabilities();
    assertThat(token.lacking()).isEmpty();
    assertThat(token.moveAcrossSpaces()).isTrue();
    assertThat(token.minorEdits()).isFalse();
    assertThat(Backends.capabilities(null).codeLanguage().apply("Python")).contains("Python");
    assertThat(
            Backends.capabilities(dev.conf.auth.Deployment.DATA_CENTER)
                .codeLanguage()
                .apply("Python"))
        .contains("py");
  }
}
