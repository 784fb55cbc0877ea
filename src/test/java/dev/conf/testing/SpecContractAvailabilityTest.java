package dev.conf.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract checks skip on a developer's machine without the documents, and fail in CI. */
class SpecContractAvailabilityTest {
  @TempDir Path empty;

  @Test
  void missingDocumentsSkipOutsideCi() {
    assertThat(SpecContract.available(empty, Map.of())).isFalse();
    assertThat(SpecContract.available(empty, Map.of("CI", "false"))).isFalse();
  }

  @Test
  void missingDocumentsFailInCi() {
    assertThatThrownBy(() -> SpecContract.available(empty, Map.of("CI", "true")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("CI=true")
        .hasMessageContaining("confluence-cloud-v2.openapi.json")
        .hasMessageContaining(empty.toString())
        .hasMessageContaining("CONF_SPECS_DIR");
  }

  @Test
  void oneMissingDocumentIsEnoughToFailInCi() throws Exception {
    for (SpecContract.Doc doc : SpecContract.Doc.values()) {
      if (doc != SpecContract.Doc.DC) {
        Files.writeString(empty.resolve(doc.file), "{}");
      }
    }
    assertThatThrownBy(() -> SpecContract.available(empty, Map.of("CI", "true")))
        .hasMessageContaining("confluence-dc-10.0.3.openapi.json")
        .hasMessageNotContaining("confluence-cloud-v2.openapi.json");
  }

  @Test
  void presentDocumentsAreAvailableEverywhere() throws Exception {
    for (SpecContract.Doc doc : SpecContract.Doc.values()) {
      Files.writeString(empty.resolve(doc.file), "{}");
    }
    assertThat(SpecContract.available(empty, Map.of("CI", "true"))).isTrue();
    assertThat(SpecContract.available(empty, Map.of())).isTrue();
  }
}
