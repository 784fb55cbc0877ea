package dev.conf.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  @ParameterizedTest(name = "''{0}'' -> {1}s")
  @CsvSource(
      nullValues = "-",
      value = {
        "0,0",
        "7,7",
        "' 120 ',120",
        "'Sun, 29 Nov 2026 12:00:30 GMT',30",
        "'Sun, 29 Nov 2026 11:59:00 GMT',0",
        "-,-",
        "'',-",
        "soon,-",
        "-5,-",
        "1.5,-",
        "99999999999999999999999,-",
      })
  void parsesSecondsAndHttpDates(String header, Long seconds) {
    assertThat(RetryAfter.parse(header, NOW))
        .isEqualTo(
            seconds == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(Duration.ofSeconds(seconds)));
  }
}
