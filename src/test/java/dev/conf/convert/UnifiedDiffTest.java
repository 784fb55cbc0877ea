package dev.conf.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
  @Test
  void equalTextsGiveNothing() {
    assertThat(UnifiedDiff.diff("a", "b", List.of("x", "y"), List.of("x", "y"))).isEmpty();
  }

  @Test
  void distantChangesGetTheirOwnHunksWithThreeLinesOfContext() {
    List<String> a = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      a.add("line " + i);
    }
    List<String> b = new ArrayList<>(a);
    b.set(1, "LINE 2");
    b.remove(17);
    b.add("line 21");
    assertThat(UnifiedDiff.diff("old", "new", a, b))
        .isEqualTo(
            "--- old\n+++ new\n"
                + "@@ -1,5 +1,5 @@\n line 1\n-line 2\n+LINE 2\n line 3\n line 4\n line 5\n"
                + "@@ -15,6 +15,6 @@\n line 15\n line 16\n line 17\n-line 18\n line 19\n line 20\n"
                + "+line 21\n");
  }

  @Test
  void changesSixLinesApartShareAHunkAndSevenApartDoNot() {
    List<String> a = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      a.add("l" + i);
    }
    List<String> six = new ArrayList<>(a);
    six.set(2, "X3");
    six.set(9, "X10");
    assertThat(UnifiedDiff.diff("a", "b", a, six))
        .isEqualTo(
            "--- a\n+++ b\n@@ -1,12 +1,12 @@\n l1\n l2\n-l3\n+X3\n l4\n l5\n l6\n l7\n l8\n"
                + " l9\n-l10\n+X10\n l11\n l12\n");
    List<String> seven = new ArrayList<>(a);
    seven.set(1, "X2");
    seven.set(9, "X10");
    assertThat(UnifiedDiff.diff("a", "b", a, seven))
        .isEqualTo(
            "--- a\n+++ b\n@@ -1,5 +1,5 @@\n l1\n-l2\n+X2\n l3\n l4\n l5\n"
                + "@@ -7,6 +7,6 @@\n l7\n l8\n l9\n-l10\n+X10\n l11\n l12\n");
  }

  @Test
  void aReplacedRunPrintsItsDeletionsBeforeItsInsertions() {
    assertThat(
            UnifiedDiff.diff(
                "a", "b", List.of("keep", "old 1", "old 2", "end"), List.of("keep", "new", "end")))
        .isEqualTo("--- a\n+++ b\n@@ -1,4 +1,3 @@\n keep\n-old 1\n-old 2\n+new\n end\n");
  }

  @Test
  void insertedLinesInTheMiddleKeepTheirNeighboursAsContext() {
    assertThat(
            UnifiedDiff.diff(
                "a",
                "b",
                List.of("a", "b", "c", "d"),
                List.of("a", "b", "new 1", "new 2", "c", "d")))
        .isEqualTo("--- a\n+++ b\n@@ -1,4 +1,6 @@\n a\n b\n+new 1\n+new 2\n c\n d\n");
  }

  @Test
  void fromAndToEmpty() {
    assertThat(UnifiedDiff.diff("a", "b", List.of(), List.of("new")))
        .isEqualTo("--- a\n+++ b\n@@ -0,0 +1 @@\n+new\n");
    assertThat(UnifiedDiff.diff("a", "b", List.of("old"), List.of()))
        .isEqualTo("--- a\n+++ b\n@@ -1 +0,0 @@\n-old\n");
  }

  @Test
  void storageIsSplitAtBlockElements() {
    assertThat(
            UnifiedDiff.storageLines(
                "<h1>T</h1><p>a <b>b</b></p><ul><li>x</li></ul><ac:structured-macro ac:name=\"toc\"/>"))
        .containsExactly(
            "<h1>T</h1>",
            "<p>a <b>b</b></p>",
            "<ul>",
            "<li>x</li></ul>",
            "<ac:structured-macro ac:name=\"toc\"/>");
  }
}
