package dev.conf.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrontMatterTest {
  private static FrontMatter meta(String text) {
    return FrontMatter.split(text).meta();
  }

  @Test
  void theBodyIsWhatFollowsTheClosingLine() {
    FrontMatter.Split s = FrontMatter.split("---\ntitle: T\n...\n# Body\n\ntext\n");
    assertThat(s.meta().title()).isEqualTo("T");
    assertThat(s.body()).isEqualTo("# Body\n\ntext\n");
    assertThat(FrontMatter.split("---\ntitle: T\n---").body()).isEmpty();
    assertThat(FrontMatter.split("# No front matter\n").body()).isEqualTo("# No front matter\n");
    assertThat(FrontMatter.split("---\ntitle: T\n").meta().isEmpty()).isTrue();
  }

  @Test
  void blockListsMayStartInTheFirstColumnAndAOneItemListStaysAList() {
    FrontMatter m = meta("---\nlabels:\n- a\n- b\ntags:\n  - only\n---\n");
    assertThat(m.labels()).containsExactly("a", "b");
    assertThat(m.raw()).containsEntry("tags", List.of("only"));
  }

  @Test
  void commentsEndUnquotedValuesOnly() {
    FrontMatter m =
        meta("---\n# a whole-line comment\ntitle: \"Issue #5\"\nowner: jane # the owner\n---\n");
    assertThat(m.title()).isEqualTo("Issue #5");
    assertThat(m.raw()).containsExactly(Map.entry("title", "Issue #5"), Map.entry("owner", "jane"));
  }

  @Test
  void quotedScalarsAreUnquoted() {
    FrontMatter m = meta("---\ntitle: 'It''s'\nparent: \"a \\\"b\\\" c\\\\d\"\n---\n");
    assertThat(m.title()).isEqualTo("It's");
    assertThat(m.parent()).isEqualTo("a \"b\" c\\d");
  }

  @Test
  void indentedKeysOfNestedMapsAreNotTopLevelKeys() {
    FrontMatter m = meta("---\ntitle: T\nextra:\n  nested: x\n---\n");
    assertThat(m.raw()).doesNotContainKey("nested");
    assertThat(m.title()).isEqualTo("T");
  }

  @Test
  void keysKeepFileOrderAndToMarkdownReadsBackTheSame() {
    FrontMatter m = meta("---\nzeta: 1\ntitle: \"A: b\"\nlabels: [x, y]\nalpha: a\n---\n");
    assertThat(m.raw().keySet()).containsExactly("zeta", "title", "labels", "alpha");
    assertThat(meta(m.toMarkdown()).raw()).isEqualTo(m.raw());
  }

  @Test
  void emptyValuesAreEmptyListsAndNoTitle() {
    FrontMatter m = meta("---\ntitle:\nlabels: []\n---\n");
    assertThat(m.title()).isNull();
    assertThat(m.labels()).isEmpty();
    assertThat(m.raw()).containsEntry("title", List.of());
  }

  @Test
  void aLiteralBlockIsOneValue() {
    assertThat(meta("---\ntitle: T\nsummary: |\n  line one\n  line two\nowner: x\n---\n").raw())
        .containsEntry("summary", "line one\nline two")
        .containsEntry("owner", "x");
    FrontMatter m = meta("---\nsummary: |\n  line one\n  line two\n---\n");
    assertThat(meta(m.toMarkdown()).raw()).isEqualTo(m.raw());
  }
}
