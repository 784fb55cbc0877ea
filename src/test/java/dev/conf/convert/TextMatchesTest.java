package dev.conf.convert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextMatchesTest {
  @Test
  void countsInTheTextAReaderSeesAcrossInlineMarksButNotMacroParameters() {
    String page =
        "<p>Deploy the worker. Then deploy <strong>the</strong> worker again.</p>"
            + "<ac:structured-macro ac:name=\"info\"><ac:parameter ac:name=\"title\">the worker"
            + "</ac:parameter><ac:rich-text-body><p>the worker rests</p></ac:rich-text-body>"
            + "</ac:structured-macro>";
    assertThat(TextMatches.count(page, "the worker")).isEqualTo(3);
  }

  @Test
  void aSelectionNeverSpansTwoBlocks() {
    assertThat(TextMatches.count("<p>the end.</p><p>Start here</p>", "end.Start")).isZero();
    assertThat(TextMatches.count("<p>the end.</p><p>Start here</p>", "end. Start")).isZero();
    assertThat(TextMatches.count("<p>the end.</p><p>Start here</p>", "Start")).isEqualTo(1);
  }

  @Test
  void entitiesAreDecodedCaseCountsAndMatchesDoNotOverlap() {
    assertThat(TextMatches.count("<p>R&amp;D and r&amp;d</p>", "R&D")).isEqualTo(1);
    assertThat(TextMatches.count("<p>aaaa</p>", "aa")).isEqualTo(2);
    assertThat(TextMatches.count("<p>aaa</p>", "aa")).isEqualTo(1);
    assertThat(TextMatches.count("<p>x</p>", "")).isZero();
  }
}
