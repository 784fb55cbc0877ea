package dev.conf.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class IoTest {
  @Test
  void colourOnlyOnATerminalWithoutNoColor() {
    assertThat(Io.colorAllowed(Map.of("TERM", "xterm-256color"), true)).isTrue();
    assertThat(Io.colorAllowed(Map.of(), false)).isFalse();
    assertThat(Io.colorAllowed(Map.of("NO_COLOR", "1"), true)).isFalse();
    // https://no-color.org: an empty NO_COLOR does not count
    assertThat(Io.colorAllowed(Map.of("NO_COLOR", ""), true)).isTrue();
    assertThat(Io.colorAllowed(Map.of("TERM", "dumb"), true)).isFalse();
  }
}
