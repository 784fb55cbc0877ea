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
}
