package dev.conf.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conf.config.Profile;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.testing.MemorySecretStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionResolverTest {
  private final Map<String, String> env = new HashMap<>();
  private final MemorySecretStore keychain = new MemorySecretStore();
  private int keychainReads;

  private ConnectionResolver resolver() {
    return new ConnectionResolver(
        env,
        URI.create(Site.GATEWAY),
        p -> {
          keychainReads++;
          return keychain;
        });
  }

  private static Profile cloudProfile() {
    return new Profile(
        "https://acme.atlassian.net",
        "cloud",
        "token",
        "jane@acme.com",
        null,
        null,
        null,
        null,
        "keychain");
  }

  @Test
  void environmentAloneIsEnoughForCi() {
    env.put("CONFLUENCE_URL", "https://acme.atlassian.net");
    env.put("CONFLUENCE_EMAIL", "ci@acme.com");
    env.put("CONFLUENCE_API_TOKEN", "t");
    Connection c = resolver().resolve("default", null, null);
    assertThat(c.site().deployment()).isEqualTo(Deployment.CLOUD);
    assertThat(c.credentials().user()).isEqualTo("ci@acme.com");
    assertThat(c.credentials().source()).isEqualTo("environment (CONFLUENCE_API_TOKEN)");
    assertThat(c.profile()).isNull();
    assertThat(keychainReads).isZero();
  }

  @Test
  void environmentTokenWinsOverTheKeychainAndTakesTheProfilesEmail() {
    keychain.put("default", "stored");
    env.put("CONFLUENCE_API_TOKEN", "from-env");
    Connection c = resolver().resolve("default", cloudProfile(), null);
    assertThat(c.credentials().secret()).isEqualTo("from-env");
    assertThat(c.credentials().user()).isEqualTo("jane@acme.com");
    assertThat(keychainReads).isZero();
  }

  @Test
  void tokenVariablesAreTriedMostSpecificFirst() {
    env.put("JIRA_API_TOKEN", "jira");
    assertThat(resolver().resolve("default", cloudProfile(), null).credentials().source())
        .isEqualTo("environment (JIRA_API_TOKEN)");
    env.put("ATLASSIAN_API_TOKEN", "atl");
    assertThat(resolver().resolve("default", cloudProfile(), null).credentials().secret())
        .isEqualTo("atl");
    env.put("CONFLUENCE_API_TOKEN", "conf");
    assertThat(resolver().resolve("default", cloudProfile(), null).credentials().secret())
        .isEqualTo("conf");
  }

  @Test
  void keychainIsUsedWhenTheEnvironmentHasNoSecret() {
    keychain.put("default", "stored");
    Connection c = resolver().resolve("default", cloudProfile(), null);
    assertThat(c.credentials().secret()).isEqualTo("stored");
    assertThat(c.credentials().source()).isEqualTo("keychain");
    assertThat(c.credentials().authorizationHeader()).startsWith("Basic ");
  }

  @Test
  void dataCenterPatAndPasswordFromTheEnvironment() {
    env.put("CONFLUENCE_URL", "https://wiki.corp.example/confluence");
    env.put("CONFLUENCE_PAT", "pat");
    assertThat(resolver().resolve("default", null, null).credentials().authorizationHeader())
        .isEqualTo("Bearer pat");
    env.remove("CONFLUENCE_PAT");
    env.put("CONFLUENCE_USERNAME", "jdoe");
    env.put("CONFLUENCE_PASSWORD", "pw");
    SiteCredentials c = resolver().resolve("default", null, null).credentials();
    assertThat(c.type()).isEqualTo(AuthType.PASSWORD);
    assertThat(c.user()).isEqualTo("jdoe");
  }

  @Test
  void aProfilesSecretIsNeverSentToTheSiteInConfluenceUrl() {
    keychain.put("default", "stored");
    env.put("CONFLUENCE_URL", "https://other.atlassian.net");
    assertThatThrownBy(() -> resolver().resolve("default", cloudProfile(), null))
        .isInstanceOfSatisfying(
            ConfException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.AUTH))
        .hasMessageContaining("CONFLUENCE_URL is set but no credentials are");
    assertThat(keychainReads).isZero();
  }

  @Test
  void notLoggedInIsExit4WithAHint() {
    assertThatThrownBy(() -> resolver().resolve("work", null, null))
        .isInstanceOfSatisfying(
            ConfException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.AUTH))
        .hasMessage(
            "not logged in (profile 'work'): run `conf auth login`, or set CONFLUENCE_URL and a token in the environment");
  }

  @Test
  void cloudTokenWithoutAnEmailSaysWhatIsMissing() {
    env.put("CONFLUENCE_URL", "https://acme.atlassian.net");
    env.put("CONFLUENCE_API_TOKEN", "t");
    assertThatThrownBy(() -> resolver().resolve("default", null, null))
        .hasMessageContaining("CONFLUENCE_EMAIL is not");
  }

  @Test
  void scopedProfileRoutesThroughTheGateway() {
    keychain.put("default", "stored");
    Profile scoped =
        new Profile(
            "https://acme.atlassian.net",
            "cloud",
            "token",
            "jane@acme.com",
            null,
            null,
            "abc-123",
            null,
            "keychain");
    Connection c = resolver().resolve("default", scoped, null);
    assertThat(c.site().apiBase())
        .hasToString("https://api.atlassian.com/ex/confluence/abc-123/wiki");
    assertThat(c.site().webBase()).hasToString("https://acme.atlassian.net/wiki");
  }

  // --- ~/.netrc, the last fallback

  @TempDir Path tmp;

  private final List<String> warnings = new ArrayList<>();

  private ConnectionResolver netrcResolver(String netrc) throws IOException {
    Path file = tmp.resolve("netrc");
    Files.writeString(file, netrc);
    env.put("NETRC", file.toString());
    return resolver().withWarnings(warnings::add);
  }

  @Test
  void netrcIsTheLastFallbackAfterTheEnvironmentAndTheKeychain() throws IOException {
    ConnectionResolver r =
        netrcResolver("machine acme.atlassian.net login jane@acme.com password from-netrc\n");
    keychain.put("default", "stored");
    env.put("CONFLUENCE_API_TOKEN", "from-env");
    assertThat(r.resolve("default", cloudProfile(), null).credentials().secret())
        .isEqualTo("from-env");
    env.remove("CONFLUENCE_API_TOKEN");
    assertThat(r.resolve("default", cloudProfile(), null).credentials().secret())
        .isEqualTo("stored");
    keychain.secrets.clear();
    Connection c = r.resolve("default", cloudProfile(), null);
    assertThat(c.credentials().secret()).isEqualTo("from-netrc");
    assertThat(c.credentials().type()).isEqualTo(AuthType.TOKEN);
    assertThat(c.credentials().user()).isEqualTo("jane@acme.com");
    assertThat(c.credentials().source())
        .isEqualTo("netrc (" + tmp.resolve("netrc") + ", machine acme.atlassian.net)");
    assertThat(c.profile()).isEqualTo("default");
  }

  @Test
  void netrcServesASiteNamedOnlyByTheEnvironment() throws IOException {
    ConnectionResolver r = netrcResolver("machine wiki.corp.example password the-pat\n");
    env.put("CONFLUENCE_URL", "https://wiki.corp.example/confluence");
    Connection c = r.resolve("default", null, null);
    assertThat(c.credentials().type()).isEqualTo(AuthType.PAT);
    assertThat(c.credentials().authorizationHeader()).isEqualTo("Bearer the-pat");
    assertThat(warnings).isEmpty();
  }

  @Test
  void onDataCenterALoginOfTokenIsAPatAndAnyOtherAWarnedPassword() throws IOException {
    env.put("CONFLUENCE_URL", "https://wiki.corp.example");
    ConnectionResolver token = netrcResolver("machine wiki.corp.example login token password p\n");
    assertThat(token.resolve("default", null, null).credentials().type()).isEqualTo(AuthType.PAT);
    ConnectionResolver pw = netrcResolver("machine wiki.corp.example login jdoe password pw\n");
    SiteCredentials c = pw.resolve("default", null, null).credentials();
    assertThat(c.type()).isEqualTo(AuthType.PASSWORD);
    assertThat(c.user()).isEqualTo("jdoe");
    assertThat(warnings).singleElement().asString().contains("legacy").doesNotContain("pw\n");
  }

  @Test
  void netrcIsNeverUsedForAnotherHost() throws IOException {
    ConnectionResolver r = netrcResolver("machine other.example login a@b.c password nope\n");
    env.put("CONFLUENCE_URL", "https://acme.atlassian.net");
    assertThatThrownBy(() -> r.resolve("default", null, null))
        .hasMessageContaining("CONFLUENCE_URL is set but no credentials are");
  }

  @Test
  void aCloudEntryWithoutALoginTakesTheEmailFromTheEnvironmentOrFails() throws IOException {
    ConnectionResolver r = netrcResolver("default password tok\n");
    env.put("CONFLUENCE_URL", "https://acme.atlassian.net");
    assertThatThrownBy(() -> r.resolve("default", null, null))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("has no login: on Cloud it is the Atlassian account's email")
        .hasMessageNotContaining("tok");
    env.put("CONFLUENCE_EMAIL", "ci@acme.com");
    assertThat(r.resolve("default", null, null).credentials().user()).isEqualTo("ci@acme.com");
  }

  @Test
  void scopedProfilesNeverSendANetrcPasswordToTheGateway() throws IOException {
    ConnectionResolver r = netrcResolver("default login jane@acme.com password tok\n");
    Profile scoped =
        new Profile(
            "https://acme.atlassian.net",
            "cloud",
            "token",
            "jane@acme.com",
            null,
            null,
            "abc-123",
            null,
            "keychain");
    assertThatThrownBy(() -> r.resolve("default", scoped, null))
        .hasMessageContaining("no secret for profile 'default'");
  }
}
