package dev.conf.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conf.config.Profile;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.testing.MemorySecretStore;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
