package dev.conf.convert;

/**
 * How many times a selection occurs in a page's text, as Confluence counts it when an inline
 * comment is anchored to "the N-th occurrence of TEXT" ({@code textSelectionMatchCount}): in the
 * text a reader sees (tags dropped, entities decoded, macro parameters left out, as {@link
 * StorageText} gives it), block by block, since a highlight never spans two blocks, case sensitive,
 * and without overlaps (the search goes on after the end of each match).
 */
public final class TextMatches {
  private TextMatches() {}

  /** The number of occurrences of {@code selection} in the page's text. */
  public static int count(String storage, String selection) {
    if (selection == null || selection.isEmpty() || storage == null) {
      return 0;
    }
    int n = 0;
    for (String block : StorageText.toText(storage).split("\n", -1)) {
      for (int at = block.indexOf(selection);
          at >= 0;
          at = block.indexOf(selection, at + selection.length())) {
        n++;
      }
    }
    return n;
  }
}
