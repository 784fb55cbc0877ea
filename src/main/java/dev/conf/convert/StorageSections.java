package dev.conf.convert;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.parser.Parser;

/**
 * Edits one part of a storage XHTML document and leaves every other byte as it was: macros,
 * layouts, inline-comment markers, entities and whitespace outside the edit are never parsed into a
 * tree and written again. The document is scanned once for its element structure (CDATA, comments
 * and quoted attribute values skipped) and the edit is a splice at two offsets.
 *
 * <p>Which headings are sections: an {@code <h1>}…{@code <h6>} at the top level of the page or
 * directly inside a layout cell ({@code ac:layout-cell}). A heading inside a macro body, a table, a
 * list or any other element belongs to that element's content and is not a section. A section is
 * the content after its heading up to the next section heading of the same or a higher level (a
 * smaller number) in the same container, or the end of that container: a section in a layout cell
 * ends with the cell. A heading is named by its text: tags dropped, entities decoded, runs of white
 * space (and {@code &nbsp;}) as one space, trimmed; case counts.
 *
 * <p>The white space at the start and at the end of a section is kept, so an indented or
 * line-broken document stays so around the new content.
 */
public final class StorageSections {
  private StorageSections() {}

  /** Why an edit could not be made; the command turns it into a usage error (exit 2). */
  public static final class SectionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
      /** No section heading has the text. */
      MISSING,
      /** More than one section heading has the text. */
      AMBIGUOUS,
      /** The document's tags do not nest, so its sections cannot be told. */
      MALFORMED
    }

    private final Kind kind;
    private final List<String> candidates;

    SectionException(Kind kind, String message, List<String> candidates) {
      super(message);
      this.kind = kind;
      this.candidates = List.copyOf(candidates);
    }

    public Kind kind() {
      return kind;
    }

    /**
     * For MISSING the text of every section heading, in document order; for AMBIGUOUS each match as
     * {@code "hN TEXT (n of m)"}; for MALFORMED nothing.
     */
    public List<String> candidates() {
      return candidates;
    }
  }

  /**
   * A section heading found in a document.
   *
   * @param level 1 to 6
   * @param text the heading's text as it is matched
   * @param start offset of {@code <hN}
   * @param contentStart offset just after {@code </hN>}
   * @param contentEnd offset where the section's content ends (exclusive)
   */
  public record Heading(int level, String text, int start, int contentStart, int contentEnd) {}

  /** The section headings of a document, in order. */
  public static List<Heading> headings(String storage) {
    return new Scan(storage).run().headings;
  }

  /** The document with {@code fragment} appended at the end of the page as a reader sees it. */
  public static String append(String storage, String fragment) {
    int at = new Scan(storage).run().appendAt;
    return storage.substring(0, at) + fragment + storage.substring(at);
  }

  /** The current content of the section under {@code heading}, white space at its ends included. */
  public static String content(String storage, String heading) {
    Heading h = find(storage, heading);
    return storage.substring(h.contentStart(), h.contentEnd());
  }

  /**
   * The document with the content under {@code heading} replaced by {@code fragment}; the heading
   * itself, the white space at the section's two ends and everything else are kept byte for byte.
   */
  public static String replace(String storage, String heading, String fragment) {
    Heading h = find(storage, heading);
    int from = h.contentStart();
    int to = h.contentEnd();
    while (from < to && isSpace(storage.charAt(from))) {
      from++;
    }
    while (to > from && isSpace(storage.charAt(to - 1))) {
      to--;
    }
    return storage.substring(0, from) + fragment + storage.substring(to);
  }

  /** The one section heading with this text, or a SectionException naming the candidates. */
  public static Heading find(String storage, String heading) {
    String wanted = normalise(heading);
    List<Heading> all = headings(storage);
    List<Heading> matches = all.stream().filter(h -> h.text().equals(wanted)).toList();
    if (matches.size() == 1) {
      return matches.get(0);
    }
    if (matches.isEmpty()) {
      List<String> texts = all.stream().map(Heading::text).toList();
      throw new SectionException(
          SectionException.Kind.MISSING,
          "no section heading \""
              + wanted
              + "\""
              + (texts.isEmpty()
                  ? "; the page has none"
                  : "; headings: " + String.join(", ", texts)),
          texts);
    }
    List<String> described = new ArrayList<>();
    for (int i = 0; i < matches.size(); i++) {
      Heading h = matches.get(i);
      described.add(
          "h" + h.level() + " " + h.text() + " (" + (i + 1) + " of " + matches.size() + ")");
    }
    throw new SectionException(
        SectionException.Kind.AMBIGUOUS,
        "the section heading \"" + wanted + "\" appears " + matches.size() + " times",
        described);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  /** Heading text as matched: entities decoded, white space collapsed, trimmed. */
  static String normalise(String text) {
    return Parser.unescapeEntities(text, false)
        .replace('\u00a0', ' ')
        .replaceAll("\\s+", " ")
        .strip();
  }

  /** One pass over the document: the element stack, the section headings, where to append. */
  private static final class Scan {
    private final String s;
    private final List<Heading> headings = new ArrayList<>();
    private int appendAt;

    /** An open element: its name, and the section headings opened directly in it. */
    private record Open(String name, List<int[]> sections) {}

    private final List<Open> stack = new ArrayList<>();
    private final List<int[]> topSections = new ArrayList<>();
    private int lastTopLayoutCellEnd = -1;
    private boolean lastTopIsLayout;

    Scan(String s) {
      this.s = s;
    }

    Scan run() {
      int i = 0;
      int headingOpen = -1;
      int headingLevel = 0;
      StringBuilder headingText = null;
      int textFrom = 0;
      while (i < s.length()) {
        int lt = s.indexOf('<', i);
        if (lt < 0) {
          break;
        }
        if (headingText != null) {
          headingText.append(s, textFrom, lt);
        }
        if (s.startsWith("<![CDATA[", lt)) {
          int end = s.indexOf("]]>", lt);
          if (end < 0) {
            throw malformed("a CDATA section is not closed", lt);
          }
          if (headingText != null) {
            headingText.append(s, lt + 9, end);
          }
          i = textFrom = end + 3;
          continue;
        }
        if (s.startsWith("<!--", lt)) {
          int end = s.indexOf("-->", lt);
          if (end < 0) {
            throw malformed("a comment is not closed", lt);
          }
          i = textFrom = end + 3;
          continue;
        }
        if (s.startsWith("<?", lt) || s.startsWith("<!", lt)) {
          int end = s.indexOf('>', lt);
          i = textFrom = end < 0 ? s.length() : end + 1;
          continue;
        }
        int gt = tagEnd(lt);
        boolean closing = s.charAt(lt + 1) == '/';
        boolean empty = s.charAt(gt - 1) == '/';
        String name = name(lt + (closing ? 2 : 1), gt);
        i = textFrom = gt + 1;
        if (closing) {
          close(name, lt, gt + 1);
          if (headingText != null && stack.size() == headingDepth) {
            int level = headingLevel;
            Open container = stack.isEmpty() ? null : stack.get(stack.size() - 1);
            addSection(container, level, normalise(headingText.toString()), headingOpen, gt + 1);
            headingText = null;
          }
        } else if (!empty) {
          int level = headingLevel(name);
          if (headingText == null && level > 0 && isSectionContainer()) {
            headingOpen = lt;
            headingLevel = level;
            headingDepth = stack.size();
            headingText = new StringBuilder();
          }
          stack.add(new Open(name, new ArrayList<>()));
        }
      }
      if (!stack.isEmpty()) {
        throw malformed("<" + stack.get(stack.size() - 1).name() + "> is not closed", s.length());
      }
      endSections(topSections, s.length());
      appendAt = lastTopIsLayout && lastTopLayoutCellEnd >= 0 ? lastTopLayoutCellEnd : s.length();
      headings.sort((a, b) -> Integer.compare(a.start(), b.start()));
      return this;
    }

    private int headingDepth = -1;

    private boolean isSectionContainer() {
      return stack.isEmpty() || stack.get(stack.size() - 1).name().equals("ac:layout-cell");
    }

    /** A new section heading ends the open sections of its level or lower ones. */
    private void addSection(Open container, int level, String text, int start, int contentStart) {
      List<int[]> open = container == null ? topSections : container.sections();
      for (int k = open.size() - 1; k >= 0; k--) {
        int[] sec = open.get(k);
        if (sec[0] >= level) {
          finish(sec, start);
          open.remove(k);
        }
      }
      open.add(new int[] {level, start, contentStart, headings.size()});
      headings.add(new Heading(level, text, start, contentStart, -1));
    }

    private void endSections(List<int[]> open, int end) {
      for (int[] sec : open) {
        finish(sec, end);
      }
      open.clear();
    }

    private void finish(int[] sec, int end) {
      Heading h = headings.get(sec[3]);
      headings.set(sec[3], new Heading(h.level(), h.text(), h.start(), h.contentStart(), end));
    }

    private void close(String name, int lt, int after) {
      if (stack.isEmpty() || !stack.get(stack.size() - 1).name().equals(name)) {
        throw malformed("</" + name + "> closes nothing open", lt);
      }
      Open closed = stack.remove(stack.size() - 1);
      endSections(closed.sections(), lt);
      if (name.equals("ac:layout-cell")
          && stack.size() == 2
          && stack.get(0).name().equals("ac:layout")) {
        lastTopLayoutCellEnd = lt;
      }
      if (stack.isEmpty()) {
        lastTopIsLayout = name.equals("ac:layout");
      }
    }

    /** The offset of the {@code >} that ends the tag opened at {@code lt}, quotes respected. */
    private int tagEnd(int lt) {
      char quote = 0;
      for (int k = lt + 1; k < s.length(); k++) {
        char c = s.charAt(k);
        if (quote != 0) {
          if (c == quote) {
            quote = 0;
          }
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '>') {
          return k;
        }
      }
      throw malformed("a tag is not closed", lt);
    }

    private String name(int from, int gt) {
      int k = from;
      while (k < gt && !isSpace(s.charAt(k)) && s.charAt(k) != '/' && s.charAt(k) != '>') {
        k++;
      }
      if (k == from) {
        throw malformed("a tag has no name", from);
      }
      return s.substring(from, k);
    }

    private static int headingLevel(String name) {
      return name.length() == 2
              && name.charAt(0) == 'h'
              && name.charAt(1) >= '1'
              && name.charAt(1) <= '6'
          ? name.charAt(1) - '0'
          : 0;
    }

    private SectionException malformed(String what, int at) {
      return new SectionException(
          SectionException.Kind.MALFORMED,
          "the page's storage is not well-formed: " + what + " (at character " + at + ")",
          List.of());
    }
  }
}
