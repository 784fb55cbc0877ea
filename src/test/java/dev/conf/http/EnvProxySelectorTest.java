package dev.conf.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvProxySelectorTest {
  @Test
  void noProxyVariablesMeansNoSelector() {
    assertThat(EnvProxySelector.fromEnv(Map.of())).isNull();
  }

  @Test
  void httpsUsesHttpsProxyAndNoProxyBypassesDomainsAndSuffixes() {
    EnvProxySelector s =
        EnvProxySelector.fromEnv(
            Map.of(
                "HTTPS_PROXY", "http://proxy.corp:3128",
                "http_proxy", "plain.corp:8080",
                "NO_PROXY", "localhost,.internal.example, wiki.corp.example"));
    Proxy p = s.select(URI.create("https://acme.atlassian.net/wiki")).get(0);
    assertThat(p.type()).isEqualTo(Proxy.Type.HTTP);
    assertThat(((InetSocketAddress) p.address()).getHostString()).isEqualTo("proxy.corp");
    assertThat(((InetSocketAddress) p.address()).getPort()).isEqualTo(3128);
    Proxy plain = s.select(URI.create("http://wiki.other.example")).get(0);
    assertThat(((InetSocketAddress) plain.address()).getPort()).isEqualTo(8080);
    assertThat(s.select(URI.create("https://localhost:8443"))).containsExactly(Proxy.NO_PROXY);
    assertThat(s.select(URI.create("https://a.internal.example"))).containsExactly(Proxy.NO_PROXY);
    assertThat(s.select(URI.create("https://internal.example"))).containsExactly(Proxy.NO_PROXY);
    assertThat(s.select(URI.create("https://wiki.corp.example/confluence")))
        .containsExactly(Proxy.NO_PROXY);
    assertThat(s.select(URI.create("https://notwiki.corp.example.evil")))
        .doesNotContain(Proxy.NO_PROXY);
  }

  @Test
  void starBypassesEverything() {
    EnvProxySelector s =
        EnvProxySelector.fromEnv(Map.of("HTTPS_PROXY", "proxy:1", "NO_PROXY", "*"));
    assertThat(s.select(URI.create("https://acme.atlassian.net"))).containsExactly(Proxy.NO_PROXY);
  }
}
