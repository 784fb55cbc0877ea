package dev.conf.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimesShowTest {
  static final Clock NOW = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void relativeOnATerminal() {
    assertThat(Times.show("2026-11-29T11:59:30.000Z", true, NOW)).isEqualTo("just now");
    assertThat(Times.show("2026-11-29T11:01:00Z", true, NOW)).isEqualTo("59 minutes ago");
    assertThat(Times.show("2026-11-29T11:00:00Z", true, NOW)).isEqualTo("1 hour ago");
    // Data Center writes offsets.
    assertThat(Times.show("2026-11-27T13:00:00.000+01:00", true, NOW)).isEqualTo("2 days ago");
    assertThat(Times.show("2026-08-01T12:00:00Z", true, NOW)).isEqualTo("4 months ago");
    assertThat(Times.show("2024-11-01T12:00:00Z", true, NOW)).isEqualTo("2 years ago");
  }

  @Test
  void unchangedInAPipeOrWhenNotATime() {
    assertThat(Times.show("2026-11-29T11:00:00Z", false, NOW)).isEqualTo("2026-11-29T11:00:00Z");
    assertThat(Times.show("yesterday", true, NOW)).isEqualTo("yesterday");
    assertThat(Times.show(null, true, NOW)).isNull();
  }
}
