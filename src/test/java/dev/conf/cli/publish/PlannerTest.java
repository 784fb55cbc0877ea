package dev.conf.cli.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conf.cli.publish.Planner.Action;
import dev.conf.cli.publish.Planner.Step;
import dev.conf.service.PublishRecord;
import dev.conf.service.PublishedPage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every rule of the planner, without HTTP. */
class PlannerTest {
  static LocalPage local(String title, String hash) {
    return new LocalPage(title + ".md", title, null, "<p/>", List.of(), Map.of(), Map.of(), hash);
  }

  static PublishedPage remote(String title, int version, PublishRecord record) {
    return remote(title, version, null, record);
  }

  static PublishedPage remote(String title, int version, String message, PublishRecord record) {
    return new PublishedPage(
        "9",
        title,
        "DOCS",
        version,
        message,
        "100",
        List.of(),
        record,
        record == null ? null : "70",
        1);
  }

  static PublishRecord record(String hash, int version) {
    return new PublishRecord(hash, version, "x.md", Map.of());
  }

  static Step only(LocalPage page, PublishedPage under, PublishedPage elsewhere, boolean force) {
    List<Step> plan =
        Planner.plan(
            List.of(page),
            under == null ? Map.of() : Map.of(page.title(), under),
            elsewhere == null ? Map.of() : Map.of(page.title(), elsewhere),
            force);
    assertThat(plan).hasSize(1);
    return plan.get(0);
  }

  @Test
  void noPageIsACreate() {
    Step s = only(local("A", "h1"), null, null, false);
    assertThat(s.action()).isEqualTo(Action.CREATE);
    assertThat(s.remote()).isNull();
  }

  @Test
  void aSameTitledPageOutsideTheRootIsSkippedEvenWithForce() {
    Step s = only(local("A", "h1"), null, remote("A", 2, null), true);
    assertThat(s.action()).isEqualTo(Action.SKIPPED);
    assertThat(s.elsewhere()).isTrue();
    assertThat(s.reason()).contains("elsewhere in the space (9)");
  }

  @Test
  void aPageWithoutRecordIsSkippedUnlessForced() {
    assertThat(only(local("A", "h1"), remote("A", 2, null), null, false))
        .extracting(Step::action, Step::reason)
        .containsExactly(Action.SKIPPED, "not published by conf");
    assertThat(only(local("A", "h1"), remote("A", 2, null), null, true).action())
        .isEqualTo(Action.UPDATE);
  }

  @Test
  void aPageEditedSinceConfWroteItIsSkippedUnlessForced() {
    Step s = only(local("A", "h1"), remote("A", 4, record("h1", 3)), null, false);
    assertThat(s.action()).isEqualTo(Action.SKIPPED);
    assertThat(s.reason()).isEqualTo("edited in Confluence since v3 (now v4)");
    Step forced = only(local("A", "h1"), remote("A", 4, record("h1", 3)), null, true);
    assertThat(forced.action()).isEqualTo(Action.UPDATE);
    assertThat(forced.reason()).endsWith("(--force)");
  }

  @Test
  void theSameHashIsUnchangedAndAnotherIsAnUpdate() {
    assertThat(only(local("A", "h1"), remote("A", 3, record("h1", 3)), null, false).action())
        .isEqualTo(Action.UNCHANGED);
    Step update = only(local("A", "h2"), remote("A", 3, record("h1", 3)), null, false);
    assertThat(update.action()).isEqualTo(Action.UPDATE);
    assertThat(update.reason()).isNull();
  }

  @Test
  void theOrderOfThePagesIsKept() {
    List<Step> plan =
        Planner.plan(
            List.of(local("B", "x"), local("A", "y")),
            Map.of("A", remote("A", 1, record("y", 1))),
            Map.of(),
            false);
    assertThat(plan).extracting(s -> s.page().title()).containsExactly("B", "A");
    assertThat(plan).extracting(Step::action).containsExactly(Action.CREATE, Action.UNCHANGED);
  }

  @Test
  void aVersionConfWroteWithoutItsRecordIsFinishedNotSkipped() {
    // The run that saved v4 died before writing its record (still at v3).
    Step s =
        only(local("A", "h2"), remote("A", 4, "conf publish A.md", record("h1", 3)), null, false);
    assertThat(s.action()).isEqualTo(Action.UPDATE);
    assertThat(s.reason()).isEqualTo("v4 by conf, its record was not written");
    // ... or before the page had any record at all.
    assertThat(
            only(local("A", "h2"), remote("A", 2, "conf publish A.md", null), null, false).action())
        .isEqualTo(Action.UPDATE);
    // A human's version after conf's is still an edit in Confluence.
    assertThat(
            only(local("A", "h2"), remote("A", 4, "Fixed a typo", record("h1", 3)), null, false)
                .action())
        .isEqualTo(Action.SKIPPED);
  }

  @Test
  void aPendingRecordFromAnInterruptedCreateIsAnUpdate() {
    Step s =
        only(local("A", "h1"), remote("A", 1, null, record(PublishRecord.PENDING, 1)), null, false);
    assertThat(s.action()).isEqualTo(Action.UPDATE);
  }
}
