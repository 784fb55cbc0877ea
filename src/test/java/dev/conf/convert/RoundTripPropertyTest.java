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

  static final String[] MARKDOWN_BLOCKS = {
    "a\n",
    "\n",
    "- x\n",
    "1. y\n",
    "  - n\n",
    "> q\n",
    "> [!TIP]\n",
    "> > z\n",
    "```\nc\n```\n",
    "```js t=1\nd\n```\n",
    "| h | i |\n| --- | :-: |\n| 1 | 2 |\n",
    "# H\n",
    "---\n",
    "[TOC]\n",
    "- [ ] t\n",
    "- [x] u\n",
    "    ind\n",
    "![i](a b.png)\n",
    "<u>x</u>\n",
    "> - [ ] w\n",
    "1) p\n",
    "* s\n",
    "```confluence-storage\n<ac:x/>\n```\n",
    "Setext\n===\n",
    "<div>\n"
  };
  static final String[] STORAGE_BLOCKS = {
    "<p>a</p>",
    "<ul><li>x</li></ul>",
    "<ol><li><p>y</p></li></ol>",
    "<blockquote><p>q</p></blockquote>",
    "<ac:structured-macro ac:name=\"info\"><ac:rich-text-body><p>i</p></ac:rich-text-body>"
        + "</ac:structured-macro>",
    "<ac:structured-macro ac:name=\"code\"><ac:plain-text-body><![CDATA[c]]>"
        + "</ac:plain-text-body></ac:structured-macro>",
    "<table><tbody><tr><th>h</th></tr><tr><td><p>d</p></td></tr></tbody></table>",
    "<h2>H</h2>",
    "<hr/>",
    "<ac:task-list><ac:task><ac:task-status>complete</ac:task-status><ac:task-body>t"
        + "</ac:task-body></ac:task></ac:task-list>",
    "<ac:layout><ac:layout-section><ac:layout-cell><p>l</p></ac:layout-cell>"
        + "</ac:layout-section></ac:layout>",
    "<ac:structured-macro ac:name=\"x\"/>",
    "text",
    "<pre>p</pre>",
    "<ul><li><ul><li>n</li></ul></li></ul>",
    "<p><br/></p>",
    " "
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
    for (int i = 0; i < 800 && failures.size() < 5; i++) {
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
    for (int i = 0; i < 800 && failures.size() < 5; i++) {
      String storage = "<p>" + randomDocument(random, STORAGE) + "</p>";
      check(storage, StorageToMarkdown.convert(storage), failures);
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void documentsOfMixedBlocksConvergeAfterOneRoundTrip() {
    Random random = new Random(7);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < 800 && failures.size() < 5; i++) {
      String md = randomDocument(random, MARKDOWN_BLOCKS);
      String storage = MarkdownToStorage.convert(md).storage();
      StorageXml.parse(storage);
      check(md, StorageToMarkdown.convert(storage), failures);
      String page = randomDocument(random, STORAGE_BLOCKS);
      check(page, StorageToMarkdown.convert(page), failures);
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
