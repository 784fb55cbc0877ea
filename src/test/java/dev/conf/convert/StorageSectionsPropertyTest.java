package dev.conf.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conf.convert.StorageSections.Heading;
import dev.conf.convert.StorageSections.SectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated storage documents (macros with CDATA, headings where they are not sections, layouts,
 * tables, comments, entities, inline-comment markers) against a model of where each section is.
 */
class StorageSectionsPropertyTest {
  private static final String[] NAMES = {"Plan", "Install", "Notes", "Rollback & recovery", "FAQ"};

  /** A document being generated, with the model of its section headings. */
  private static final class Gen {
    final Random r;
    final StringBuilder out = new StringBuilder();
    final List<Heading> headings = new ArrayList<>();

    Gen(long seed) {
      this.r = new Random(seed);
    }

    void blocks(int count, boolean top) {
      List<Integer> mine = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        if (r.nextInt(3) == 0) {
          out.append(r.nextBoolean() ? "\n" : "\n  ");
        }
        switch (r.nextInt(top ? 9 : 8)) {
          case 0, 1, 2 -> heading(mine);
          case 3 -> paragraph();
          case 4 ->
              out.append("<ac:structured-macro ac:name=\"code\" ac:macro-id=\"m")
                  .append(r.nextInt(100))
                  .append("\"><ac:plain-text-body><![CDATA[<h1>")
                  .append(name())
                  .append(
                      "</h1> ]] > ]]]]><![CDATA[>]]></ac:plain-text-body></ac:structured-macro>");
          case 5 ->
              out.append("<ac:structured-macro ac:name=\"expand\"><ac:rich-text-body><h2>")
                  .append(escaped(name()))
                  .append("</h2><p>inside</p></ac:rich-text-body></ac:structured-macro>");
          case 6 ->
              out.append("<table><tbody><tr><th><h3>")
                  .append(escaped(name()))
                  .append("</h3></th><td><p>c&nbsp;d</p></td></tr></tbody></table>");
          case 7 -> out.append("<!-- <h1>").append(name()).append("</h1> -->");
          default -> layout();
        }
      }
      int end = out.length();
      for (int k = 0; k < mine.size(); k++) {
        Heading h = headings.get(mine.get(k));
        int contentEnd = end;
        for (int j = k + 1; j < mine.size(); j++) {
          Heading next = headings.get(mine.get(j));
          if (next.level() <= h.level()) {
            contentEnd = next.start();
            break;
          }
        }
        headings.set(
            mine.get(k), new Heading(h.level(), h.text(), h.start(), h.contentStart(), contentEnd));
      }
    }

    void heading(List<Integer> mine) {
      int level = 1 + r.nextInt(4);
      String text = name();
      int start = out.length();
      out.append("<h").append(level);
      if (r.nextBoolean()) {
        out.append(" id=\"x-").append(r.nextInt(9)).append("\" title=\"a>b\"");
      }
      out.append('>');
      switch (r.nextInt(3)) {
        case 0 -> out.append(escaped(text));
        case 1 -> out.append("<strong>").append(escaped(text)).append("</strong>");
        default -> out.append(" ").append(escaped(text).replace(" ", "&nbsp;")).append(" ");
      }
      out.append("</h").append(level).append('>');
      mine.add(headings.size());
      headings.add(new Heading(level, text, start, out.length(), -1));
    }

    void paragraph() {
      out.append("<p>Text &amp; more&nbsp;")
          .append(
              r.nextBoolean()
                  ? "<ac:inline-comment-marker ac:ref=\"c"
                      + r.nextInt(50)
                      + "\">marked</ac:inline-comment-marker>"
                  : "<ac:emoticon ac:name=\"smile\" />")
          .append(" <br/>end</p>");
    }

    void layout() {
      out.append("<ac:layout>");
      int sections = 1 + r.nextInt(2);
      for (int s = 0; s < sections; s++) {
        out.append("<ac:layout-section ac:type=\"two_equal\">");
        for (int c = 0; c < 2; c++) {
          out.append("<ac:layout-cell>");
          blocks(r.nextInt(4), false);
          out.append("</ac:layout-cell>");
        }
        out.append("</ac:layout-section>");
      }
      out.append("</ac:layout>");
    }

    String name() {
      return NAMES[r.nextInt(NAMES.length)];
    }

    static String escaped(String text) {
      return text.replace("&", "&amp;");
    }
  }

  @Test
  void sectionsAreWhereTheModelSaysAndEditsTouchNothingElse() {
    int edits = 0;
    for (long seed = 0; seed < 2000; seed++) {
      Gen g = new Gen(seed);
      g.blocks(1 + g.r.nextInt(10), true);
      String doc = g.out.toString();
      List<Heading> model = new ArrayList<>(g.headings);
      model.sort((a, b) -> Integer.compare(a.start(), b.start()));
      assertThat(StorageSections.headings(doc)).as("seed %d: %s", seed, doc).isEqualTo(model);

      for (String name : NAMES) {
        List<Heading> matches = model.stream().filter(h -> h.text().equals(name)).toList();
        if (matches.size() != 1) {
          assertThatThrownBy(() -> StorageSections.replace(doc, name, "<p>new</p>"))
              .isInstanceOfSatisfying(
                  SectionException.class,
                  e ->
                      assertThat(e.kind())
                          .isEqualTo(
                              matches.isEmpty()
                                  ? SectionException.Kind.MISSING
                                  : SectionException.Kind.AMBIGUOUS));
          continue;
        }
        Heading h = matches.get(0);
        String section = doc.substring(h.contentStart(), h.contentEnd());
        String lead = section.substring(0, section.length() - section.stripLeading().length());
        String trail = section.isBlank() ? "" : section.substring(section.stripTrailing().length());
        String edited = StorageSections.replace(doc, name, "<p>new</p>");
        assertThat(edited)
            .as("seed %d, section %s", seed, name)
            .isEqualTo(
                doc.substring(0, h.contentStart())
                    + lead
                    + "<p>new</p>"
                    + trail
                    + doc.substring(h.contentEnd()));
        assertThat(StorageSections.replace(edited, name, section.strip())).isEqualTo(doc);
        edits++;
      }
      assertThat(StorageSections.append(doc, "<p>z</p>"))
          .contains("<p>z</p>")
          .hasSize(doc.length() + 8);
    }
    assertThat(edits).as("enough documents had a unique section to edit").isGreaterThan(1000);
  }
}
