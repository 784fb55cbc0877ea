package dev.conf.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DebugInterceptorTest {
  @Test
  void redactsSecretsButKeepsTheScheme() {
    assertThat(DebugInterceptor.redact("Authorization", "Basic amFuZTp0b2s="))
        .isEqualTo("Basic [redacted]");
    assertThat(DebugInterceptor.redact("authorization", "Bearer abc"))
        .isEqualTo("Bearer [redacted]");
    assertThat(DebugInterceptor.redact("Cookie", "JSESSIONID=1")).isEqualTo("[redacted]");
    assertThat(DebugInterceptor.redact("Set-Cookie", "a=b; Path=/")).isEqualTo("[redacted]");
    assertThat(DebugInterceptor.redact("Proxy-Authorization", "x")).isEqualTo("[redacted]");
    assertThat(DebugInterceptor.redact("Accept", "application/json")).isEqualTo("application/json");
  }

  @Test
  void redactsTheMediaHostsShortLivedTokenInUrlsAndRedirects() {
    String url =
        "https://api.media.atlassian.com/file/abc/binary?client=x&token=eyJhbGciOi.sig&dl=1";
    assertThat(DebugInterceptor.redactUrl(url))
        .isEqualTo(
            "https://api.media.atlassian.com/file/abc/binary?client=x&token=[redacted]&dl=1");
    assertThat(DebugInterceptor.redact("Location", url)).doesNotContain("eyJ");
    assertThat(DebugInterceptor.redactUrl("https://h/x?limit=5&cursor=abc")).endsWith("cursor=abc");
  }
}
