package dev.conf.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thousands of small documents made of the pieces that trouble converters (delimiters, escapes,
 * line starts, adjacent formatting, stray tags), from a fixed seed so a failure always reproduces:
 * whatever the input, storage output is well-formed and a second round trip changes nothing.
 */
class RoundTripPropertyTest {
  static final String[] MARKDOWN = {
    "a",
    "*",
    "_",
    "**",
    "`",
    "[",
    "]",
    "(x)",
    "!",
    "<",
    ">",
    "&amp;",
    "#",
    "1.",
    "-",
    "+",
    "|",
    "\\",
    " ",
    "\n",
    "~~",
    "<u>",
    "</u>",
    "![i](a.png)",
    "> ",
    "    ",
    "=",
    ":",
    "\"",
    "x_y",
    "<br>",
    "[TOC]",
    "[!NOTE]",
    "```",
    "]]>",
    "<em>",
    "</em>",
    "- [ ] ",
    "[p](page.md)"
  };
  static final String[] STORAGE = {
    "<p>",
    "</p>",
    "<strong>",
    "</strong>",
    "<em>",
    "</em>",
    "a",
    " ",
    "\n",
    "*",
    "_",
    "#",
    "1.",
    "-",
    "&lt;",
    "&amp;",
    "<br/>",
    "<code>x</code>",
    "<a href=\"u\">t</a>",
    "`",
    "!",
    "[",
    "|",
    "<s>",
    "</s>",
    "<u>",
    "</u>",
    "\\",
    ".",
    "(",
    "<span>",
    "</span>",
    "~",
    "=",
    "+",
    "]]&gt;",
    "<ul><li>i</li></ul>",
    "<ac:emoticon ac:name=\"smile\"/>"
  };

  static String randomDocument(Random random, String[] pieces) {
    StringBuilder sb = new StringBuilder();
    int n = 1 + random.nextInt(8);
    for (int i = 0; i < n; i++) {
      sb.append(pieces[random.nextInt(pieces.length)]);
    }
    return sb.toString();
  }

  @Test
  void markdownInputsConvergeAfterOneRoundTrip() {
    Random random = new Random(20261129);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < 1500 && failures.size() < 5; i++) {
      String md = randomDocument(random, MARKDOWN);
      String storage = MarkdownToStorage.convert(md).storage();
      StorageXml.parse(storage);
      check(md, StorageToMarkdown.convert(storage), failures);
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void storageInputsConvergeAfterOneRoundTrip() {
    Random random = new Random(1129);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < 1500 && failures.size() < 5; i++) {
      String storage = "<p>" + randomDocument(random, STORAGE) + "</p>";
      check(storage, StorageToMarkdown.convert(storage), failures);
    }
    assertThat(failures).isEmpty();
  }

  static void check(String input, String md, List<String> failures) {
    String storage = MarkdownToStorage.convert(md).storage();
    StorageXml.parse(storage);
    String again = StorageToMarkdown.convert(storage);
    if (!again.equals(md)) {
      failures.add("input " + input + "\nmd    " + md + "\nagain " + again);
    }
  }
}
