package dev.conf.cli.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.conf.cli.publish.Planner.Action;
import dev.conf.cli.publish.Planner.Step;
import dev.conf.service.PublishRecord;
import dev.conf.service.PublishedPage;
import java.nio.file.Path;
import java.util.HashMap;
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

  // ---- pages whose file is gone

  /**
   * Page {@code id} under {@code parentId}, at {@code version}, with conf's record of {@code path}.
   */
  static PublishedPage mine(String id, String title, String parentId, String path, int version) {
    return new PublishedPage(
        id,
        title,
        "DOCS",
        version,
        null,
        parentId,
        List.of(),
        path == null ? null : new PublishRecord("h", 3, path, Map.of()),
        path == null ? null : "70" + id,
        1);
  }

  static List<Planner.Orphan> orphans(
      List<LocalPage> pages, List<PublishedPage> underRoot, boolean prune, boolean force) {
    Map<String, PublishedPage> byTitle = new HashMap<>();
    underRoot.forEach(p -> byTitle.put(p.title(), p));
    List<Step> plan = Planner.plan(pages, byTitle, Map.of(), force);
    return Planner.orphans(pages, underRoot, plan, "100", prune, force);
  }

  @Test
  void aPageOfConfWhoseFileIsGoneIsOrphanedOrWithPruneDeleted() {
    List<PublishedPage> server =
        List.of(mine("1", "A", "100", "A.md", 3), mine("2", "Old", "100", "old.md", 3));
    List<Planner.Orphan> listed = orphans(List.of(local("A", "h")), server, false, false);
    assertThat(listed)
        .extracting(o -> o.remote().id(), Planner.Orphan::action, Planner.Orphan::path)
        .containsExactly(tuple("2", Action.ORPHANED, "old.md"));
    assertThat(listed.get(0).reason()).isEqualTo("its file is gone; --prune moves it to the trash");
    List<Planner.Orphan> pruned = orphans(List.of(local("A", "h")), server, true, false);
    assertThat(pruned).extracting(Planner.Orphan::action).containsExactly(Action.DELETE);
    assertThat(pruned.get(0).reason()).isNull();
  }

  @Test
  void onlyPagesWithConfsRecordAndNeitherTheirPathNorTitleLocalAreOrphans() {
    List<PublishedPage> server =
        List.of(
            mine("1", "Theirs", "100", null, 3), // not conf's
            mine("2", "A", "100", "gone.md", 3), // its title is a local page's: the plan's
            mine("3", "Renamed", "100", "A.md", 3), // its path is a local page's
            mine("100", "Root", null, "root.md", 3)); // the root itself
    assertThat(orphans(List.of(local("A", "h")), server, true, true)).isEmpty();
  }

  @Test
  void anOrphanEditedInConfluenceIsSkippedUnlessForced() {
    List<PublishedPage> server = List.of(mine("2", "Old", "100", "old.md", 5));
    Planner.Orphan kept = orphans(List.of(local("A", "h")), server, true, false).get(0);
    assertThat(kept.action()).isEqualTo(Action.SKIPPED);
    assertThat(kept.reason()).isEqualTo("edited in Confluence since v3 (now v5)");
    Planner.Orphan forced = orphans(List.of(local("A", "h")), server, true, true).get(0);
    assertThat(forced.action()).isEqualTo(Action.DELETE);
    assertThat(forced.reason()).endsWith("(--force)");
    // A version conf saved before its record was lost is still conf's.
    PublishedPage byConf =
        new PublishedPage(
            "2",
            "Old",
            "DOCS",
            5,
            "conf publish old.md",
            "100",
            List.of(),
            new PublishRecord("h", 3, "old.md", Map.of()),
            "702",
            1);
    assertThat(orphans(List.of(local("A", "h")), List.of(byConf), true, false))
        .extracting(Planner.Orphan::action)
        .containsExactly(Action.DELETE);
  }

  @Test
  void anOrphanKeepingAChildConfDoesNotRemoveIsSkippedAndSoAreItsParents() {
    List<PublishedPage> server =
        List.of(
            mine("2", "Old", "100", "old/index.md", 3),
            mine("3", "Older", "2", "old/older/index.md", 3),
            mine("4", "Theirs", "3", null, 1));
    List<Planner.Orphan> out = orphans(List.of(local("A", "h")), server, true, false);
    assertThat(out)
        .extracting(o -> o.remote().id(), Planner.Orphan::action, Planner.Orphan::reason)
        .containsExactly(
            tuple("3", Action.SKIPPED, "has children conf does not remove"),
            tuple("2", Action.SKIPPED, "has children conf does not remove"));
  }

  @Test
  void childrenGoneOrMovedAwayDoNotKeepTheirParentAndAreDeletedFirst() {
    LocalPage moved =
        new LocalPage("new/b.md", "B", null, "<p/>", List.of(), Map.of(), Map.of(), "h2");
    List<PublishedPage> server =
        List.of(
            mine("2", "Old", "100", "old/index.md", 3),
            mine("5", "B", "2", "old/b.md", 3), // updated: moved under its new parent
            mine("6", "C", "2", "old/c.md", 3)); // gone too
    List<Planner.Orphan> out = orphans(List.of(moved), server, true, false);
    assertThat(out)
        .extracting(o -> o.remote().id(), Planner.Orphan::action)
        .containsExactly(tuple("6", Action.DELETE), tuple("2", Action.DELETE));
    // A child the plan skips stays where it is, and so does its parent.
    PublishedPage edited =
        new PublishedPage(
            "5",
            "B",
            "DOCS",
            7,
            null,
            "2",
            List.of(),
            new PublishRecord("h", 3, "old/b.md", Map.of()),
            "705",
            1);
    assertThat(orphans(List.of(moved), List.of(server.get(0), edited, server.get(2)), true, false))
        .extracting(o -> o.remote().id(), Planner.Orphan::action)
        .containsExactly(tuple("6", Action.DELETE), tuple("2", Action.SKIPPED));
  }

  @Test
  void anUpdateAddsTheFilesLabelsAndRemovesOnlyThoseConfSetBefore() {
    LocalPage page =
        new LocalPage("a.md", "A", null, "<p/>", List.of("keep", "new"), Map.of(), Map.of(), "h2");
    // "old" conf set and the file dropped; "by-hand" someone added; "gone" was removed already.
    PublishedPage remote =
        new PublishedPage(
            "9",
            "A",
            "DOCS",
            3,
            null,
            "100",
            List.of("keep", "old", "by-hand"),
            new PublishRecord("h1", 3, "a.md", Map.of(), List.of("keep", "old", "gone")),
            "70",
            1);
    Planner.Labels labels = Planner.labels(page, remote);
    assertThat(labels.add()).containsExactly("new");
    assertThat(labels.remove()).containsExactly("old");
  }

  @Test
  void onlyImagesWhoseHashDiffersFromTheRecordAreUploaded() {
    LocalPage page =
        new LocalPage(
            "a.md",
            "A",
            null,
            "<p/>",
            List.of(),
            Map.of("same.png", Path.of("same.png"), "changed.png", Path.of("changed.png")),
            Map.of("same.png", "sha256:1", "changed.png", "sha256:2"),
            "h");
    assertThat(Planner.imagesToUpload(page, Map.of("same.png", "sha256:1", "changed.png", "x")))
        .containsExactly("changed.png");
    assertThat(Planner.imagesToUpload(page, Map.of()))
        .containsExactlyInAnyOrder("same.png", "changed.png");
  }
}
