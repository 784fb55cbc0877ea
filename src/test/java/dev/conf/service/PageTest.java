package dev.conf.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PageTest {
  @Test
  void namesReplaceIdsAndMissingAuthorsStayMissing() {
    Page p =
        new Page(
            "1", "page", "T", "current", null, null, null, 1, null, null, null, "acc-1", null, null,
            null, null, null);
    // Map.of() refuses null keys: an answer without an author must not fail the command.
    Page named = p.withNames(Map.of("acc-1", "Ann"));
    assertThat(named.author()).isNull();
    assertThat(named.lastUpdatedBy()).isEqualTo("Ann");
    assertThat(p.withNames(Map.of()).lastUpdatedBy()).isEqualTo("acc-1");
  }
}
