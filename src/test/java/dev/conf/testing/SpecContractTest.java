package dev.conf.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proves {@link SpecContract} accepts valid and rejects invalid real WireMock traffic. */
class SpecContractTest {

  private static final String BASIC = "Basic dXNlckBleGFtcGxlLmNvbTp0b2tlbg==";
  private static final String BEARER = "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig";

  private static final String VALID_PAGE_CREATE =
      "{\"spaceId\":\"123\",\"status\":\"current\",\"title\":\"T\","
          + "\"body\":{\"representation\":\"storage\",\"value\":\"<p>x</p>\"}}";
  private static final String VALID_PAGE_UPDATE =
      "{\"id\":\"1\",\"status\":\"current\",\"title\":\"T\",\"spaceId\":\"123\","
          + "\"body\":{\"representation\":\"storage\",\"value\":\"<p/>\"},"
          + "\"version\":{\"number\":2,\"message\":\"m\"}}";

  private static WireMockServer server;
  private static HttpClient http;

  @BeforeAll
  static void start() {
    Assumptions.assumeTrue(
        SpecContract.available(),
        "Confluence OpenAPI documents not found: set CONF_SPECS_DIR (Maven: -Dconf.specs.dir=...)"
            + " to the directory holding them; looked in "
            + SpecContract.specsDir().toAbsolutePath());
    server = new WireMockServer(options().dynamicPort());
    server.start();
    server.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @BeforeEach
  void reset() {
    server.resetRequests();
  }

  private static void send(String method, String pathAndQuery, String authorization, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery))
            .header("Authorization", authorization)
            .header("Accept", "application/json");
    if (json == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
  }

  private static void get(String pathAndQuery) throws IOException, InterruptedException {
    send("GET", pathAndQuery, BASIC, null);
  }

  // --- valid traffic --------------------------------------------------------------------------

  @Test
  void validCloudRequestsPass() throws Exception {
    get("/wiki/api/v2/spaces?limit=25&description-format=plain&type=global&status=current");
    get("/wiki/api/v2/spaces?keys=DOCS");
    get("/wiki/api/v2/spaces?cursor=abc&limit=250");
    get("/wiki/rest/api/user/current");
    get("/wiki/rest/api/user/current?expand=operations,personalSpace");
    send("GET", "/wiki/api/v2/spaces?keys=DOCS", BEARER, null);
    send("GET", "/wiki/rest/api/user/current", BEARER, null);

    assertThat(server.findAll(RequestPatternBuilder.allRequests())).hasSize(7);
    assertThatCode(() -> SpecContract.cloud().assertValid(server)).doesNotThrowAnyException();
    Map<String, Duration> loadTimes = SpecContract.loadTimes();
    System.out.println("OpenAPI document load times: " + loadTimes);
  }

  @Test
  void validCloudRequestsThroughScopedTokenPrefixPass() throws Exception {
    String prefix = "/ex/confluence/1234abcd-5678";
    get(
        prefix
            + "/wiki/api/v2/spaces?limit=25&description-format=plain&type=global&status=current");
    get(prefix + "/wiki/api/v2/spaces?keys=DOCS");
    get(prefix + "/wiki/api/v2/spaces?cursor=abc&limit=250");
    send("GET", prefix + "/wiki/rest/api/user/current", BEARER, null);

    assertThatCode(() -> SpecContract.cloud().assertValid(server)).doesNotThrowAnyException();
  }

  @Test
  void validDataCenterRequestsPass() throws Exception {
    get("/confluence/rest/api/space?limit=100&expand=description.plain,homepage&start=100");
    get("/confluence/rest/api/space/DOCS?expand=description.plain,homepage");
    get("/confluence/rest/api/user/current");

    assertThatCode(() -> SpecContract.dataCenter("/confluence").assertValid(server))
        .doesNotThrowAnyException();
  }

  @Test
  void dataCenterWithoutContextPath() throws Exception {
    get("/rest/api/space?limit=100&start=0");

    assertThatCode(() -> SpecContract.dataCenter("").assertValid(server))
        .doesNotThrowAnyException();
    // The same request is outside a /confluence context path.
    assertThatThrownBy(() -> SpecContract.dataCenter("/confluence").assertValid(server))
        .hasMessageContaining("GET /rest/api/space?limit=100&start=0")
        .hasMessageContaining("no known prefix");
  }

  @Test
  void validPageCreateBodyPassesDespiteF3() throws Exception {
    send("POST", "/wiki/api/v2/pages", BASIC, VALID_PAGE_CREATE);

    assertThatCode(() -> SpecContract.cloud().assertValid(server)).doesNotThrowAnyException();
  }

  @Test
  void validPageUpdateBodyPassesDespiteF1AndF3() throws Exception {
    send("PUT", "/wiki/api/v2/pages/1", BASIC, VALID_PAGE_UPDATE);

    assertThatCode(() -> SpecContract.cloud().assertValid(server)).doesNotThrowAnyException();
  }

  @Test
  void f3SuppressionKeepsBodiesMatchingNeitherBranch() throws Exception {
    send(
        "POST",
        "/wiki/api/v2/pages",
        BASIC,
        "{\"spaceId\":\"123\",\"body\":{\"representation\":\"bogus\",\"value\":\"x\"}}");

    assertThatThrownBy(() -> SpecContract.cloud().assertValid(server))
        .hasMessageContaining("POST /wiki/api/v2/pages")
        .hasMessageContaining("validation.request.body.schema.oneOf")
        .hasMessageContaining("matched 0 out of 2")
        .hasMessageContaining("bogus");
  }

  @Test
  void f3BodyMatchingBothOneOfBranchesIsNotRejected() throws Exception {
    // An empty body object is valid under both PageBodyWrite and PageNestedBodyWrite: the
    // validator says "matched 2 out of 2", which is the F3 defect itself.
    send("POST", "/wiki/api/v2/pages", BASIC, "{\"spaceId\":\"123\",\"body\":{}}");

    assertThatCode(() -> SpecContract.cloud().assertValid(server)).doesNotThrowAnyException();
  }

  @Test
  void dataCenterLinksDefectAcceptsUnderscoreLinksOnly() throws Exception {
    send(
        "PUT",
        "/confluence/rest/api/space/DOCS",
        BASIC,
        "{\"key\":\"DOCS\",\"name\":\"Docs\",\"_links\":{\"webui\":\"/display/DOCS\"}}");
    assertThatCode(() -> SpecContract.dataCenter("/confluence").assertValid(server))
        .doesNotThrowAnyException();

    server.resetRequests();
    send(
        "PUT",
        "/confluence/rest/api/space/DOCS",
        BASIC,
        "{\"key\":\"DOCS\",\"_links\":{},\"spaceKey\":\"DOCS\"}");
    assertThatThrownBy(() -> SpecContract.dataCenter("/confluence").assertValid(server))
        .hasMessageContaining("validation.request.body.schema.additionalProperties")
        .hasMessageContaining("spaceKey");
  }

  @Test
  void f2SortParameterAcceptsDocumentedValues() throws Exception {
    get("/wiki/api/v2/pages/1/children?sort=-modified-date&limit=50");

    assertThatCode(() -> SpecContract.cloud().assertValid(server)).doesNotThrowAnyException();
  }

  @Test
  void f5AttachmentIdWithAttPrefixPasses() throws Exception {
    get("/wiki/api/v2/attachments/att123/versions/2");
    get("/wiki/api/v2/attachments/att123/properties/55");
    get("/wiki/api/v2/attachments/att123/versions");

    assertThatCode(() -> SpecContract.cloud().assertValid(server)).doesNotThrowAnyException();
  }

  @Test
  void f5SuppressionStillRejectsMalformedAttachmentIds() throws Exception {
    get("/wiki/api/v2/attachments/xyz/versions/2");

    assertThatThrownBy(() -> SpecContract.cloud().assertValid(server))
        .hasMessageContaining("validation.request.parameter.schema.pattern")
        .hasMessageContaining("xyz");
  }

  @Test
  void exemptedPathPasses() throws Exception {
    get("/_edge/tenant_info");
    get("/wiki/api/v2/spaces?keys=DOCS");

    assertThatCode(() -> SpecContract.cloud().exempt("^/_edge/tenant_info$").assertValid(server))
        .doesNotThrowAnyException();
  }

  // --- invalid traffic ------------------------------------------------------------------------

  @Test
  void pathUnderNoDocumentFails() throws Exception {
    get("/_edge/tenant_info");

    assertThatThrownBy(() -> SpecContract.cloud().assertValid(server))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("GET /_edge/tenant_info")
        .hasMessageContaining("no known prefix");
  }

  @Test
  void unknownPathFails() throws Exception {
    get("/wiki/api/v2/nonsense");

    assertThatThrownBy(() -> SpecContract.cloud().assertValid(server))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("GET /wiki/api/v2/nonsense")
        .hasMessageContaining("validation.request.path.missing");
  }

  @Test
  void badEnumFails() throws Exception {
    get("/wiki/api/v2/spaces?status=bogus");

    assertThatThrownBy(() -> SpecContract.cloud().assertValid(server))
        .hasMessageContaining("GET /wiki/api/v2/spaces?status=bogus")
        .hasMessageContaining("validation.request.parameter.schema.enum")
        .hasMessageContaining("bogus");
  }

  @Test
  void wrongTypeFails() throws Exception {
    get("/wiki/api/v2/spaces?limit=abc");

    assertThatThrownBy(() -> SpecContract.cloud().assertValid(server))
        .hasMessageContaining("GET /wiki/api/v2/spaces?limit=abc")
        .hasMessageContaining("validation.request.parameter.schema.type")
        .hasMessageContaining("integer");
  }

  @Test
  void unknownQueryParameterFails() throws Exception {
    get("/wiki/api/v2/spaces?limit=25&space-key=DOCS");

    assertThatThrownBy(() -> SpecContract.cloud().assertValid(server))
        .hasMessageContaining("validation.request.parameter.query.unexpected")
        .hasMessageContaining("space-key");
  }

  @Test
  void limitAboveMaximumFails() throws Exception {
    get("/wiki/api/v2/spaces?limit=251");

    assertThatThrownBy(() -> SpecContract.cloud().assertValid(server))
        .hasMessageContaining("validation.request.parameter.schema.maximum")
        .hasMessageContaining("251");
  }

  @Test
  void dataCenterWrongTypeFailsDespiteF4DuplicateParameters() throws Exception {
    get("/confluence/rest/api/space?limit=abc");

    assertThatThrownBy(() -> SpecContract.dataCenter("/confluence").assertValid(server))
        .hasMessageContaining("GET /confluence/rest/api/space?limit=abc")
        .hasMessageContaining("validation.request.parameter.schema.type")
        .hasMessageContaining("integer");
  }

  @Test
  void dataCenterUnknownQueryParameterFails() throws Exception {
    get("/confluence/rest/api/space?cursor=abc");

    assertThatThrownBy(() -> SpecContract.dataCenter("/confluence").assertValid(server))
        .hasMessageContaining("validation.request.parameter.query.unexpected")
        .hasMessageContaining("cursor");
  }

  @Test
  void pageCreateBodyMissingRequiredFieldFails() throws Exception {
    send(
        "POST",
        "/wiki/api/v2/pages",
        BASIC,
        "{\"status\":\"current\",\"title\":\"T\","
            + "\"body\":{\"representation\":\"storage\",\"value\":\"<p>x</p>\"}}");

    assertThatThrownBy(() -> SpecContract.cloud().assertValid(server))
        .hasMessageContaining("POST /wiki/api/v2/pages")
        .hasMessageContaining("validation.request.body.schema.required")
        .hasMessageContaining("spaceId");
  }

  @Test
  void unknownBodyFieldFails() throws Exception {
    send(
        "POST",
        "/wiki/api/v2/pages",
        BASIC,
        "{\"spaceId\":\"123\",\"title\":\"T\",\"spaceKey\":\"DOCS\"}");

    assertThatThrownBy(() -> SpecContract.cloud().assertValid(server))
        .hasMessageContaining("validation.request.body.schema.additionalProperties")
        .hasMessageContaining("spaceKey");
  }

  @Test
  void wrongMethodFails() throws Exception {
    send("DELETE", "/wiki/api/v2/spaces", BASIC, null);

    assertThatThrownBy(() -> SpecContract.cloud().assertValid(server))
        .hasMessageContaining("DELETE /wiki/api/v2/spaces")
        .hasMessageContaining("validation.request.operation.notAllowed");
  }

  @Test
  void reportListsEveryInvalidRequestAndEveryMessage() throws Exception {
    get("/wiki/api/v2/spaces?status=bogus&limit=abc");
    get("/wiki/api/v2/spaces?keys=DOCS");
    get("/wiki/api/v2/nonsense");

    assertThatThrownBy(() -> SpecContract.cloud().assertValid(server))
        .hasMessageStartingWith("2 of 3 request(s)")
        .hasMessageContaining("validation.request.parameter.schema.enum")
        .hasMessageContaining("validation.request.parameter.schema.type")
        .hasMessageContaining("validation.request.path.missing")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("keys=DOCS"));
  }
}
