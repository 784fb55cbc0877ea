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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Logins that protect what is saved, against a Cloud site that WireMock serves on {@code
 * localhost}, a host that does not say which deployment it is (as a custom domain does not): a
 * second login never silently replaces a profile, {@code --email} or the site's {@code
 * /_edge/tenant_info} settle the deployment, a missing keychain is said before the secret is asked
 * for, and a {@code ~/.netrc} entry is the last fallback.
 */
class ProfileLoginTest extends WireMockSuite {
  private static final String ME =
      "{\"type\":\"known\",\"accountId\":\"5b10ac8d82e05b22cc7d4ef5\",\"accountType\":\"atlassian\","
          + "\"email\":\"jane@acme.com\",\"publicName\":\"Jane\",\"displayName\":\"Jane Doe\"}";
  private static final String ME_PATH = "/wiki/rest/api/user/current";

  private ConfRunner fresh;

  @Override
  protected TestSite site() {
    return TestSite.cloud(url());
  }

  @Override
  protected SpecContract contract() {
    return super.contract().exempt("^/_edge/tenant_info$");
  }

  @BeforeEach
  void aRunnerWithoutCredentials() {
    wm.stubFor(get(urlPathEqualTo(ME_PATH)).willReturn(okJson(ME)));
    fresh = new ConfRunner(configDir);
  }

  /** The same server under another name: another site as far as profiles go. */
  private String otherUrl() {
    return url().replace("localhost", "127.0.0.1");
  }

  private Result pipeLogin(String siteUrl, String email, String... more) {
    String[] base = {"auth", "login", "--url", siteUrl, "--email", email, "--with-token"};
    String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return fresh.pipe().stdin(TestSite.CLOUD_TOKEN).run(args);
  }

  @Test
  void aCustomDomainWithAnEmailIsCloudInAScriptAndSaysSo() throws Exception {
    Result r = pipeLogin(url(), TestSite.CLOUD_EMAIL);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err())
        .contains(url() + " is taken for Confluence Cloud because --email was given")
        .contains("Logged in to " + url() + " (Cloud) as Jane Doe");
    assertThat(ConfigFile.load(configDir).profile("default").deployment()).isEqualTo("cloud");
    // Not a word of a personal access token: the site was never taken for Data Center.
    assertThat(r.err()).doesNotContain("personal access token");
  }

  @Test
  void aDataCenterSiteTakenForCloudByItsEmailSaysHowToLogInToDataCenter() {
    wm.stubFor(get(urlPathEqualTo(ME_PATH)).willReturn(aResponse().withStatus(404)));
    Result r = pipeLogin(url(), TestSite.CLOUD_EMAIL);
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.err())
        .contains(
            url()
                + " was taken for Confluence Cloud because --email was given: if it is Data"
                + " Center, log in with --deployment dc");
    assertThat(configDir.resolve("config.json")).doesNotExist();
  }

  @Test
  void onATerminalTheSitesTenantInfoSettlesItWithoutAQuestion() {
    wm.stubFor(
        get(urlPathEqualTo("/_edge/tenant_info")).willReturn(okJson("{\"cloudId\":\"abc-123\"}")));
    Result r =
        fresh
            .terminal()
            .secrets(TestSite.CLOUD_TOKEN)
            .run("auth", "login", "--url", url(), "--email", TestSite.CLOUD_EMAIL);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err())
        .contains(url() + " is Confluence Cloud (its cloud id is abc-123)")
        .doesNotContain("Cloud or Data Center?");
    // The probe carried no credentials.
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/_edge/tenant_info"))))
        .singleElement()
        .satisfies(req -> assertThat(req.containsHeader("Authorization")).isFalse());
  }

  @Test
  void whenTheSiteDoesNotTellTheTerminalAsksWithTheEmailAsTheHint() {
    wm.stubFor(get(urlPathEqualTo("/_edge/tenant_info")).willReturn(aResponse().withStatus(404)));
    Result r =
        fresh
            .terminal()
            .stdin("maybe\n\n")
            .secrets(TestSite.CLOUD_TOKEN)
            .run("auth", "login", "--url", url(), "--email", TestSite.CLOUD_EMAIL);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err())
        .contains("Is " + url() + " Confluence Cloud or Data Center? [cloud/dc] (cloud): ")
        .contains("Answer cloud or dc.")
        .contains("(Cloud) as Jane Doe");
    assertThat(r.secretPrompts()).singleElement().asString().startsWith("API token");
  }

  @Test
  void aSecondLoginToAnotherSiteIsRefusedInAScriptBeforeAnyRequest() throws Exception {
    assertThat(pipeLogin(url(), TestSite.CLOUD_EMAIL).exitCode()).isZero();
    String saved = Files.readString(configDir.resolve("config.json"));
    int requests = wm.getAllServeEvents().size();

    Result r = pipeLogin(otherUrl(), TestSite.CLOUD_EMAIL);
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "conf: profile 'default' already holds "
                + url()
                + " as jane@acme.com: pass --profile NAME to save this login beside it, or"
                + " --force to replace it");
    assertThat(Files.readString(configDir.resolve("config.json"))).isEqualTo(saved);
    assertThat(wm.getAllServeEvents()).hasSize(requests);

    // Another user on the same site is another login too.
    assertThat(pipeLogin(url(), "bob@acme.com").exitCode()).isEqualTo(2);

    Result forced = pipeLogin(otherUrl(), TestSite.CLOUD_EMAIL, "--force");
    assertThat(forced.exitCode()).as(forced.toString()).isZero();
    assertThat(ConfigFile.load(configDir).profile("default").url()).isEqualTo(otherUrl());
  }

  @Test
  void aRenewedTokenForTheSameSiteAndUserJustReplaces() {
    assertThat(pipeLogin(url(), TestSite.CLOUD_EMAIL).exitCode()).isZero();
    Result again =
        fresh
            .pipe()
            .stdin("ATATT-renewed")
            .run("auth", "login", "--url", url() + "/", "--email", "Jane@acme.com", "--with-token");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(fresh.keychain.secrets).containsEntry("default", "ATATT-renewed");
  }

  @Test
  void aNamedProfileIsSavedBesideTheCurrentOne() {
    assertThat(pipeLogin(url(), TestSite.CLOUD_EMAIL).exitCode()).isZero();
    Result r =
        fresh
            .pipe()
            .stdin(TestSite.CLOUD_TOKEN)
            .run(
                "--profile",
                "second",
                "auth",
                "login",
                "--url",
                otherUrl(),
                "--email",
                TestSite.CLOUD_EMAIL,
                "--with-token");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    ConfigFile config = ConfigFile.load(configDir);
    assertThat(config.profiles()).containsOnlyKeys("default", "second");
    assertThat(config.current()).isEqualTo("second");
  }

  @Test
  void onATerminalConfAsksBeforeReplacingAndNoMeansUnchanged() {
    assertThat(pipeLogin(url(), TestSite.CLOUD_EMAIL).exitCode()).isZero();
    Result no =
        fresh
            .terminal()
            .stdin("cloud\nn\n")
            .secrets("ATATT-other")
            .run("auth", "login", "--url", otherUrl(), "--email", TestSite.CLOUD_EMAIL);
    assertThat(no.exitCode()).as(no.toString()).isEqualTo(1);
    assertThat(no.err())
        .contains("Replace profile 'default' (" + url() + " as jane@acme.com)? [y/N] ")
        .contains("cancelled: profile 'default' is unchanged")
        .doesNotContain("Answer cloud or dc.");
    assertThat(no.secretPrompts()).isEmpty();
    assertThat(fresh.keychain.secrets).containsEntry("default", TestSite.CLOUD_TOKEN);

    Result yes =
        fresh
            .terminal()
            .stdin("y\n")
            .secrets("ATATT-other")
            .run(
                "auth",
                "login",
                "--deployment",
                "cloud",
                "--url",
                otherUrl(),
                "--email",
                TestSite.CLOUD_EMAIL);
    assertThat(yes.exitCode()).as(yes.toString()).isZero();
    assertThat(fresh.keychain.secrets).containsEntry("default", "ATATT-other");
    assertThat(ConfigFile.load(configDir).profile("default").url()).isEqualTo(otherUrl());
  }

  @Test
  void noKeychainIsSaidBeforeTheSecretIsAskedForAndNothingIsSent() {
    fresh.keychain.unreachable = "Secret Service not running";
    Result r =
        fresh
            .terminal()
            .secrets(TestSite.CLOUD_TOKEN)
            .run(
                "auth",
                "login",
                "--deployment",
                "cloud",
                "--url",
                url(),
                "--email",
                TestSite.CLOUD_EMAIL);
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "conf: no keychain could be reached (Secret Service not running): the secret would be"
                + " stored in plain text in "
                + configDir.resolve("secrets.json")
                + "; use --insecure-storage to allow that, or set CONFLUENCE_EMAIL and"
                + " CONFLUENCE_API_TOKEN in the environment\n");
    assertThat(r.secretPrompts()).isEmpty();
    assertThat(wm.getAllServeEvents()).isEmpty();
    assertThat(configDir.resolve("secrets.json")).doesNotExist();

    Result insecure = pipeLogin(url(), TestSite.CLOUD_EMAIL, "--insecure-storage");
    assertThat(insecure.exitCode()).as(insecure.toString()).isZero();
    assertThat(insecure.err()).contains("warning: the secret is stored in plain text in");
    assertThat(configDir.resolve("secrets.json")).content().contains(TestSite.CLOUD_TOKEN);
  }

  @Test
  void aNetrcEntryForTheSiteIsTheLastFallbackAndStatusSaysSo() throws Exception {
    Path netrc = tmp.resolve("netrc");
    Files.writeString(
        netrc,
        "machine elsewhere.example login x password nope\n"
            + "machine localhost login jane@acme.com password \"netrc token\"\n");
    fresh.env("NETRC", netrc.toString()).env("CONFLUENCE_URL", url());
    fresh.env("CONFLUENCE_DEPLOYMENT", "cloud");
    Result r = fresh.pipe().run("auth", "status");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("secret from\tnetrc (" + netrc + ", machine localhost)");
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("jane@acme.com:netrc token".getBytes(StandardCharsets.UTF_8));
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo(ME_PATH))))
        .singleElement()
        .satisfies(req -> assertThat(req.getHeader("Authorization")).isEqualTo(basic));

    // The environment's token comes first.
    Result env =
        fresh
            .env("CONFLUENCE_EMAIL", "ci@acme.com")
            .env("CONFLUENCE_API_TOKEN", "t")
            .pipe()
            .run("auth", "status", "--offline");
    assertThat(env.out()).contains("secret from\tenvironment (CONFLUENCE_API_TOKEN)");
  }
}
