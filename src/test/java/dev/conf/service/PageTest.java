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

  @Test
  void peopleNameByIdAndTheIdsStay() {
    Page p =
        Page.of(
            "1",
            "page",
            "T",
            "current",
            null,
            null,
            null,
            1,
            null,
            Person.ofId("acc-1"),
            null,
            Person.ofId("acc-2"),
            null,
            null,
            null,
            null,
            null);
    assertThat(p.unnamedIds()).containsExactly("acc-1", "acc-2");
    Page named =
        p.withPeople(
            Map.of("acc-1", new Person("acc-1", null, "Ann"), "acc-2", Person.ofId("acc-2")));
    assertThat(named.author()).isEqualTo("Ann");
    assertThat(named.authorId()).isEqualTo("acc-1");
    // Someone the site did not name keeps showing as the id.
    assertThat(named.lastUpdatedBy()).isEqualTo("acc-2");
    assertThat(named.lastUpdatedById()).isEqualTo("acc-2");
  }

  @Test
  void dataCenterPeopleComeNamedAndNeedNoLookup() {
    Page p =
        Page.of(
            "1",
            "page",
            "T",
            "trashed",
            null,
            null,
            null,
            1,
            null,
            new Person("k-ann", "ann", "Ann"),
            null,
            new Person("k-ed", "ed", null),
            null,
            null,
            null,
            null,
            null);
    assertThat(p.author()).isEqualTo("Ann");
    assertThat(p.lastUpdatedBy()).isEqualTo("ed");
    assertThat(p.unnamedIds()).isEmpty();
    assertThat(p.trashed()).isTrue();
  }
}
