package dev.conf.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProgressTest {
  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-11-29T12:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static Io io(StringWriter err, boolean tty) {
    return Io.builder().err(err).stderrTty(tty).build();
  }

  @Test
  void drawsBytesRateAndTimeLeftFromTheClock() {
    StringWriter err = new StringWriter();
    ManualClock clock = new ManualClock();
    Progress p = Progress.of(io(err, true), clock, "big.bin", 100L << 20);
    p.update(0);
    clock.now = clock.now.plusSeconds(2);
    p.update(20L << 20);
    assertThat(err.toString())
        .endsWith(
            "\rbig.bin  [====                ]  20% 20.0 MiB / 100.0 MiB  10.0 MiB/s  ETA 0:08");
    clock.now = clock.now.plusMillis(50);
    p.update(21L << 20);
    assertThat(err.toString()).as("redrawn at most every 200 ms").doesNotContain("21.0 MiB");
    clock.now = clock.now.plusSeconds(8);
    p.update(100L << 20);
    p.finish();
    assertThat(err.toString()).contains("100% 100.0 MiB / 100.0 MiB").endsWith("\n");
  }

  @Test
  void printsNothingWhenStderrIsNotATerminal() {
    StringWriter err = new StringWriter();
    Progress p = Progress.of(io(err, false), new ManualClock(), "big.bin", 100);
    p.update(50);
    p.finish();
    p.abandon();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void humanSizes() {
    assertThat(Progress.human(1023)).isEqualTo("1023 B");
    assertThat(Progress.human(1024)).isEqualTo("1.0 KiB");
    assertThat(Progress.human(1L << 30)).isEqualTo("1.0 GiB");
    assertThat(Progress.duration(3725)).isEqualTo("1:02:05");
    assertThat(Progress.duration(65)).isEqualTo("1:05");
  }
}
