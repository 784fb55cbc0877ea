package dev.conf.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AtlassianHostsTest {
  @Test
  void everyEndpointDerivesFromTheTwoHosts() {
    AtlassianHosts h =
        AtlassianHosts.resolve(
            Map.of(
                "CONF_ATLASSIAN_AUTH_URL", "https://auth.gov.example/",
                "CONF_ATLASSIAN_API_URL", "https://api.gov.example"),
            null,
            null);
    assertThat(h.authorize()).hasToString("https://auth.gov.example/authorize");
    assertThat(h.token()).hasToString("https://auth.gov.example/oauth/token");
    assertThat(h.accessibleResources())
        .hasToString("https://api.gov.example/oauth/token/accessible-resources");
    assertThat(h.gateway("c1")).hasToString("https://api.gov.example/ex/confluence/c1");
    assertThat(h.isDefault()).isFalse();
  }

  @Test
  void theEnvironmentWinsOverTheProfileWhichWinsOverAtlassiansHosts() {
    assertThat(AtlassianHosts.resolve(Map.of(), null, null).isDefault()).isTrue();
    AtlassianHosts fromProfile =
        AtlassianHosts.resolve(Map.of(), "https://auth.p.example", "https://api.p.example");
    assertThat(fromProfile.api()).hasToString("https://api.p.example");
    AtlassianHosts fromEnv =
        AtlassianHosts.resolve(
            Map.of("CONF_ATLASSIAN_API_URL", "http://127.0.0.1:9"),
            "https://auth.p.example",
            "https://api.p.example");
    assertThat(fromEnv.api()).hasToString("http://127.0.0.1:9");
    assertThat(fromEnv.auth()).hasToString("https://auth.p.example");
  }
}
