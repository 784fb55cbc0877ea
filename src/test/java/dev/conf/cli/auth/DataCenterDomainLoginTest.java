package dev.conf.cli.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conf.config.ConfigFile;
import dev.conf.testing.ConfRunner;
import dev.conf.testing.ConfRunner.Result;
import dev.conf.testing.SpecContract;
import dev.conf.testing.TestSite;
import dev.conf.testing.WireMockSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Data Center side of a host that does not say what it is: a terminal asks (Data Center the
 * default without an email), a refused PAT says how to try Cloud instead of pointing at the command
 * that just ran, and a netrc entry with an empty login is a PAT.
 */
class DataCenterDomainLoginTest extends WireMockSuite {
  private static final String CONTEXT = "/confluence";
  private static final String ME_PATH = CONTEXT + "/rest/api/user/current";
  private static final String ME =
      "{\"type\":\"known\",\"username\":\"jdoe\",\"userKey\":\"8a7f808a7c5d\",\"displayName\":\"Jane Doe\"}";

  @Override
  protected TestSite site() {
    return TestSite.dataCenter(url(), CONTEXT);
  }

  @Override
  protected SpecContract contract() {
    return super.contract().exempt("^/_edge/tenant_info$");
  }

  @Test
  void aTerminalAsksAndDataCenterIsTheDefaultWithoutAnEmail() {
    wm.stubFor(get(urlPathEqualTo(ME_PATH)).willReturn(okJson(ME)));
    ConfRunner fresh = new ConfRunner(configDir);
    Result r =
        fresh
            .terminal()
            .stdin("\n")
            .secrets(TestSite.DC_PAT)
            .run("auth", "login", "--url", siteUrl());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err())
        .contains("Is " + siteUrl() + " Confluence Cloud or Data Center? [cloud/dc] (dc): ")
        .contains("(Data Center) as Jane Doe");
    assertThat(r.secretPrompts()).containsExactly("Personal access token: ");
    assertThat(ConfigFile.load(configDir).profile("default").deployment()).isEqualTo("dc");
  }

  @Test
  void aProbeThatFailsIsNoFailureOnlyNoAnswer() {
    wm.stubFor(get(urlPathEqualTo("/_edge/tenant_info")).willReturn(aResponse().withStatus(502)));
    wm.stubFor(get(urlPathEqualTo(ME_PATH)).willReturn(okJson(ME)));
    ConfRunner fresh = new ConfRunner(configDir);
    Result r =
        fresh
            .terminal()
            .stdin("dc\n")
            .secrets(TestSite.DC_PAT)
            .run("auth", "login", "--url", siteUrl());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("Confluence Cloud or Data Center?").contains("(Data Center)");
    assertThat(ConfigFile.load(configDir).profile("default").deployment()).isEqualTo("dc");
  }

  @Test
  void aRefusedPatOnAGuessedDeploymentSaysHowToTryCloud() {
    wm.stubFor(get(urlPathEqualTo(ME_PATH)).willReturn(aResponse().withStatus(401)));
    ConfRunner fresh = new ConfRunner(configDir);
    Result r = fresh.pipe().stdin("wrong").run("auth", "login", "--url", siteUrl(), "--with-token");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.err())
        .startsWith(
            "conf: authentication failed for "
                + siteUrl()
                + ": the site refused the personal access token; check that it is right and has"
                + " not expired; if the site is Confluence Cloud, log in with --deployment cloud"
                + " --email EMAIL and an API token")
        .doesNotContain("run `conf auth login`");
    // Said with --deployment dc, the deployment was no guess: no word of Cloud.
    Result sure =
        fresh
            .pipe()
            .stdin("wrong")
            .run("auth", "login", "--deployment", "dc", "--url", siteUrl(), "--with-token");
    assertThat(sure.err()).contains("refused the personal access token").doesNotContain("Cloud");
  }

  @Test
  void aNetrcEntryWithoutALoginIsAPersonalAccessToken() throws Exception {
    wm.stubFor(get(urlPathEqualTo(ME_PATH)).willReturn(okJson(ME)));
    Path netrc = tmp.resolve("netrc");
    Files.writeString(netrc, "machine localhost\n  password netrc-pat\n");
    ConfRunner c =
        new ConfRunner(configDir).env("CONFLUENCE_URL", siteUrl()).env("NETRC", netrc.toString());
    Result r = c.pipe().run("auth", "status");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("auth\tpersonal access token")
        .contains("secret from\tnetrc (" + netrc + ", machine localhost)");
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo(ME_PATH))))
        .singleElement()
        .satisfies(req -> assertThat(req.getHeader("Authorization")).isEqualTo("Bearer netrc-pat"));
  }
}
