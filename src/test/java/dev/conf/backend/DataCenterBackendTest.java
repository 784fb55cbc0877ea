package dev.conf.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.conf.testing.ConfRunner;
import dev.conf.testing.ConfRunner.Result;
import dev.conf.testing.TestSite;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** Data Center under a context path: v1 with start/limit links relative to the context. */
class DataCenterBackendTest extends BackendScenarios {
  static final String CONTEXT = "/confluence";
  static final String PAT = "NjQ0MzE5ODk1NTI4OqTlPAT";

  @Override
  protected TestSite site() {
    return TestSite.dataCenter(url(), CONTEXT, PAT);
  }

  @Override
  protected String spacesPath() {
    return CONTEXT + "/rest/api/space";
  }

  @Override
  protected MappingBuilder spaceRequest(String key) {
    return get(urlPathEqualTo(CONTEXT + "/rest/api/space/" + key));
  }

  @Override
  protected String singleSpaceBody(String key, String name) {
    return "{\"id\":777,\"key\":\""
        + key
        + "\",\"name\":\""
        + name
        + "\",\"type\":\"global\",\"status\":\"current\",\"homepage\":{\"id\":\"9001\",\"type\":\"page\"},"
        + "\"_links\":{\"webui\":\"/display/"
        + key
        + "\"}}";
  }

  @Override
  protected void stubMissingSpace(String key) {
    wm.stubFor(
        spaceRequest(key)
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"statusCode\":404,\"message\":\"No space with key : " + key + "\"}")));
  }

  @Override
  protected String currentUserPath() {
    return CONTEXT + "/rest/api/user/current";
  }

  @Override
  protected String currentUserBody() {
    return "{\"type\":\"known\",\"username\":\"jdoe\",\"userKey\":\"8a7f808a7c5d\",\"displayName\":\"Jane Doe\"}";
  }

  @Override
  protected String nextLink(int page) {
    return "/rest/api/space?expand=description.plain,homepage&limit=2&start=" + (page - 1) * 2;
  }

  @Override
  protected String spaceJson(int n) {
    return "{\"id\":"
        + (100 + n)
        + ",\"key\":\"K"
        + n
        + "\",\"name\":\"Space "
        + n
        + "\",\"type\":\""
        + (n == 5 ? "personal" : "global")
        + "\",\"status\":\""
        + (n == 6 ? "archived" : "current")
        + "\",\"description\":{\"plain\":{\"value\":\"About space "
        + n
        + "\",\"representation\":\"plain\"}},"
        + "\"homepage\":{\"id\":\"9001\",\"type\":\"page\",\"title\":\"Home\"},"
        + "\"_links\":{\"webui\":\"/display/K"
        + n
        + "\",\"self\":\"http://localhost/confluence/rest/api/space/K"
        + n
        + "\"},\"_expandable\":{\"metadata\":\"\"}}";
  }

  @Override
  protected String spaceUrl(int n) {
    return siteUrl() + "/display/K" + n;
  }

  @Override
  protected String[] loginArgs() {
    return new String[] {"auth", "login", "--url", siteUrl(), "--with-token"};
  }

  // ---- Data Center only

  @Test
  void passwordLoginWarnsThatPatsArePreferred() {
    wm.stubFor(get(urlPathEqualTo(currentUserPath())).willReturn(okJson(currentUserBody())));
    ConfRunner fresh = new ConfRunner(configDir);
    Result r =
        fresh
            .stdin("hunter2")
            .run("auth", "login", "--url", siteUrl(), "--username", "jdoe", "--with-token");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("warning: username and password authentication is legacy");
    assertThat(
            wm.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                    urlPathEqualTo(currentUserPath()))))
        .singleElement()
        .satisfies(
            req -> assertThat(req.getHeader("Authorization")).isEqualTo("Basic amRvZTpodW50ZXIy"));
  }

  @Test
  void insecureStorageWritesAnOwnerOnlyFileAndWarns() throws Exception {
    wm.stubFor(get(urlPathEqualTo(currentUserPath())).willReturn(okJson(currentUserBody())));
    ConfRunner fresh = new ConfRunner(configDir);
    Result r =
        fresh
            .stdin(PAT)
            .run("auth", "login", "--url", siteUrl(), "--with-token", "--insecure-storage");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("warning: the secret is stored in plain text in");
    assertThat(fresh.keychain.secrets).isEmpty();
    java.nio.file.Path secrets = configDir.resolve("secrets.json");
    assertThat(secrets).content().contains(PAT);
    if (Files.getFileStore(secrets).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)))
          .isEqualTo("rw-------");
    }
    // The next run finds the secret in the file without touching the keychain.
    wm.stubFor(
        get(urlPathEqualTo(spacesPath()))
            .willReturn(okJson("{\"results\":[" + spaceJson(1) + "],\"_links\":{}}")));
    Result list = fresh.run("space", "list");
    assertThat(list.exitCode()).as(list.toString()).isZero();
    Result status = fresh.run("auth", "status", "--offline");
    assertThat(status.out()).contains("secret from\tfile (" + secrets + ")");
  }

  @Test
  void anonymousCurrentUserIsAnAuthenticationFailure() {
    wm.stubFor(
        get(urlPathEqualTo(currentUserPath()))
            .willReturn(okJson("{\"type\":\"anonymous\",\"displayName\":\"Anonymous\"}")));
    Result r = conf.pipe().run("auth", "status");
    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.err()).contains("treated the request as anonymous");
  }
}
