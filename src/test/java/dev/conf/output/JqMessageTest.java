package dev.conf.output;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conf.util.Json;
import org.junit.jupiter.api.Test;

/** A --jq filter that fails at run time says why, never jackson-jq's bare "N/A". */
class JqMessageTest {
  @Test
  void aFailedConversionSaysWhatFailed() throws Exception {
    assertThatThrownBy(() -> Jq.apply(".a | tonumber", Json.parse("{\"a\":\"x\"}")))
        .hasMessage("--jq: a value cannot be converted to a number (For input string: \"x\")");
  }

  @Test
  void aTypeErrorKeepsJqsOwnWords() throws Exception {
    assertThatThrownBy(() -> Jq.apply(".a + 1", Json.parse("{\"a\":\"x\"}")))
        .hasMessage("--jq: string (\"x\") and number (1) cannot be added");
  }
}
