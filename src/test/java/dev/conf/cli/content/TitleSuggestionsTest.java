package dev.conf.cli.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean" for titles: a few edits away, ignoring case, closest first. */
class TitleSuggestionsTest {
  @Test
  void editsAndSwapsAreCountedAndCaseIsIgnored() {
    assertThat(TitleSuggestions.distance("runbook", "runbook")).isZero();
    assertThat(TitleSuggestions.distance("runbok", "runbook")).isEqualTo(1);
    assertThat(TitleSuggestions.distance("rnubook", "runbook")).as("a swap").isEqualTo(1);
    assertThat(TitleSuggestions.distance("", "abc")).isEqualTo(3);
  }

  @Test
  void closestFirstWithinAThirdOfTheLengthAtMostThree() {
    List<String> titles = List.of("Release notes", "Runbooks", "RUNBOOK", "Run", "Runbook v2", "X");
    assertThat(TitleSuggestions.closest("Runbok", titles)).containsExactly("RUNBOOK", "Runbooks");
    assertThat(TitleSuggestions.closest("Zzz", titles)).isEmpty();
    assertThat(
            TitleSuggestions.closest(
                "Runbook", List.of("a1", "Runbook1", "Runbook2", "Runbook3", "Runbook4")))
        .hasSize(TitleSuggestions.MAX);
  }

  @Test
  void quotedListsReadAsASentence() {
    assertThat(TitleSuggestions.quoted(List.of("A"))).isEqualTo("'A'");
    assertThat(TitleSuggestions.quoted(List.of("A", "B"))).isEqualTo("'A' or 'B'");
    assertThat(TitleSuggestions.quoted(List.of("A", "B", "C"))).isEqualTo("'A', 'B' or 'C'");
  }
}
