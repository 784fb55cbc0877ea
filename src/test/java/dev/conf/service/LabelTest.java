package dev.conf.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabelTest {
  @Test
  void namesAreLowerCasedAsConfluenceStoresThem() {
    assertThat(Label.normalize("Release-2026_Q4")).isEqualTo("release-2026_q4");
  }

  @ParameterizedTest
  @ValueSource(strings = {"two words", "tab\there", "", " "})
  void spacesAndEmptyNamesAreRefused(String name) {
    assertThatThrownBy(() -> Label.normalize(name)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a:b", "a,b", "a/b", "a#b", "a&b", "a!b"})
  void charactersConfluenceRefusesAreRefused(String name) {
    assertThatThrownBy(() -> Label.normalize(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not allow");
  }

  @Test
  void overlongNamesAreRefused() {
    assertThatThrownBy(() -> Label.normalize("x".repeat(256)))
        .hasMessageContaining("longer than 255");
  }
}
