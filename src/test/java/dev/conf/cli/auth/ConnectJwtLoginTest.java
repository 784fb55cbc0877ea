package dev.conf.cli.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conf.testing.ConfRunner;
import dev.conf.testing.ConfRunner.Result;
import dev.conf.testing.ConnectHost;
import dev.conf.testing.TestSite;
import dev.conf.testing.WireMockSuite;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code conf auth login --type connect-jwt}: the shared secret from stdin goes to the keychain,
 * the app key to the profile, and every request afterwards, {@code conf api} included, carries a
 * fresh JWT that a host holding Connect's rules ({@link ConnectHost}) accepts.
 */
class ConnectJwtLoginTest extends WireMockSuite {
  private static final String APP_KEY = "com.example.conf-app";
  private static final String SECRET = "s3cr3t-shared-by-the-install-callback";
  private static final String APP_USER =
      "{\"type\":\"app\",\"accountId\":\"557058:app\",\"accountType\":\"app\","
          + "\"publicName\":\"conf-app\",\"displayName\":\"Conf App\"}";
  private static final String SPACES =
      "{\"results\":[{\"id\":\"777\",\"key\":\"DOCS\",\"name\":\"Documentation\",\"type\":\"global\","
          + "\"status\":\"current\",\"_links\":{\"webui\":\"/spaces/DOCS\"}}],\"_links\":{}}";

  private ConnectHost host;

  @Override
  protected TestSite site() {
    return TestSite.cloud(url());
  }

  @BeforeEach
  void aHostThatVerifiesTokens() {
    host = new ConnectHost(APP_KEY, SECRET, ConfRunner.NOW.getEpochSecond());
    // Anything not signed properly: the host's answer to a bad token.
    wm.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(401)));
    wm.stubFor(
        get(urlPathEqualTo("/wiki/rest/api/user/current"))
            .andMatching(host)
            .willReturn(okJson(APP_USER)));
    wm.stubFor(
        get(urlPathEqualTo("/wiki/api/v2/spaces")).andMatching(host).willReturn(okJson(SPACES)));
  }

  private ConfRunner fresh() {
    return new ConfRunner(configDir);
  }

  private Result login(ConfRunner c, String secret) {
    return c.pipe()
        .stdin(secret)
        .run(
            "auth",
            "login",
            "--type",
            "connect-jwt",
            "--url",
            url(),
            "--deployment",
            "cloud",
            "--app-key",
            APP_KEY,
            "--with-token");
  }

  @Test
  void anAppLogsInAndItsSignedRequestsListSpacesAndPassThroughConfApi() throws IOException {
    ConfRunner c = fresh();
    Result r = login(c, SECRET + "\n");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("Logged in to").contains("Conf App").contains("keychain");
    assertThat(c.keychain.secrets).containsEntry("default", SECRET);
    String config = Files.readString(configDir.resolve("config.json"));
    assertThat(config).contains("connect-jwt").contains(APP_KEY).doesNotContain(SECRET);

    Result spaces = c.pipe().run("space", "list");
    assertThat(spaces.exitCode()).as(spaces.toString()).isZero();
    assertThat(spaces.out()).contains("DOCS");

    Result api = c.pipe().run("api", "/wiki/api/v2/spaces?limit=5&keys=DOCS");
    assertThat(api.exitCode()).as(api.toString()).isZero();
    assertThat(api.out()).contains("\"key\":\"DOCS\"");

    Result status = c.pipe().run("auth", "status");
    assertThat(status.exitCode()).as(status.toString()).isZero();
    assertThat(status.out()).contains("Atlassian Connect app JWT").contains("keychain");

    assertThat(host.refusals).isEmpty();
    assertThat(wm.getAllServeEvents())
        .allSatisfy(e -> assertThat(e.getRequest().getHeader("Authorization")).startsWith("JWT "));
  }

  @Test
  void aWrongSharedSecretIsRefusedAndNothingIsSaved() {
    ConfRunner c = fresh();
    Result r = login(c, "not-the-secret");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.err()).contains("Connect app").doesNotContain("not-the-secret");
    assertThat(host.refusals).singleElement().asString().endsWith("signature");
    assertThat(c.keychain.secrets).isEmpty();
    assertThat(configDir.resolve("config.json")).doesNotExist();
  }

  @Test
  void connectJwtIsForCloudOnly() {
    Result r =
        fresh()
            .pipe()
            .stdin(SECRET)
            .run(
                "auth",
                "login",
                "--type",
                "connect-jwt",
                "--url",
                url(),
                "--deployment",
                "dc",
                "--app-key",
                APP_KEY,
                "--with-token");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("connect-jwt is for Confluence Cloud");
  }
}
