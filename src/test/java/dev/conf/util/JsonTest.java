package dev.conf.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {
  /** The streaming reader must give exactly the tree (and node types) ObjectMapper gives. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "[]",
        "\"text\"",
        "42",
        "null",
        "true",
        "{\"a\":1,\"b\":[1,2.5,-3e10,\"x\",null,false,{}],\"c\":{\"d\":{\"e\":[]}}}",
        "{\"int\":2147483647,\"long\":2147483648,\"big\":123456789012345678901234567890}",
        "{\"float\":1.0000000000000002,\"neg\":-0.0,\"exp\":1E-7}",
        "{\"dup\":1,\"dup\":2}",
        "{\"unicode\":\"caf\\u00e9 ✓ \\ud83d\\ude00\",\"esc\":\"a\\\"b\\\\c\\n\"}",
        "[[[[[[[[[[1]]]]]]]]]]",
        "  {\"results\":[{\"id\":\"1\",\"version\":{\"number\":7}}],\"_links\":{\"next\":null}}  \n"
      })
  void parsesLikeObjectMapper(String text) throws Exception {
    JsonNode expected = Json.mapper().readTree(text);
    assertThat(Json.parse(text)).isEqualTo(expected);
    assertThat(Json.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))))
        .isEqualTo(expected);
    assertThat(Json.parse(text).getNodeType()).isEqualTo(expected.getNodeType());
  }

  @Test
  void numberNodesKeepTheirWidth() throws Exception {
    JsonNode n = Json.parse("{\"i\":1,\"l\":2147483648,\"d\":1.5}");
    assertThat(n.get("i").isInt()).isTrue();
    assertThat(n.get("l").isLong()).isTrue();
    assertThat(n.get("d").isDouble()).isTrue();
  }

  @Test
  void emptyInputIsMissing() throws Exception {
    assertThat(Json.parse("").isMissingNode()).isTrue();
    assertThat(Json.parse("   \n").isMissingNode()).isTrue();
  }

  @Test
  void deepNestingDoesNotOverflowTheStack() throws Exception {
    String deep = "[".repeat(900) + "]".repeat(900);
    assertThat(Json.parse(deep).isArray()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"<html>", "{\"a\":", "{\"a\":1} {", "[1,2", "{\"a\" 1}"})
  void notJsonIsAProcessingException(String text) {
    assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonProcessingException.class);
  }
}
