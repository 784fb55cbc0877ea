package dev.conf.convert;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Storage format to Markdown, the inverse of {@link MarkdownToStorage} for everything it writes,
 * and a faithful reading of what Confluence's editor writes: {@code <p>}-wrapped list items and
 * table cells, mentions, emoticons and layouts (kept as storage), task lists.
 *
 * <p>What has no Markdown form is kept verbatim, sliced from the input text: at block level in a
 * {@code confluence-storage} fenced block, inline as a {@code conf:storage} link. Converting back
 * gives the same bytes.
 */
public final class StorageToMarkdown {
  private static final Set<String> PANEL_MACROS = Set.of("info", "tip", "note", "warning");
  private static final Map<String, String> PANEL_ALERTS =
      Map.of("info", "NOTE", "tip", "TIP", "note", "WARNING", "warning", "CAUTION");
  private static final Set<String> HTML_INLINE_KEPT = Set.of("u", "sub", "sup", "ins", "kbd");
  private static final Set<String> FLATTENED =
      Set.of("ac:rich-text-body", "div", "section", "article", "body", "thead", "tbody");

  /** Inline elements written as their content alone. */
  private static final Set<String> TRANSPARENT = Set.of("span", "font", "small", "big");

  private static final Pattern EDGES = Pattern.compile("(?s)([\\s\u0000]*)(.*?)([\\s\u0000]*)");
  private static final Pattern ENTITY_LIKE = Pattern.compile("&(#?[A-Za-z0-9]+;)");
  private static final Pattern ORDERED_START = Pattern.compile("^(\\d{1,9})([.)])");
  private static final Map<String, String> EMOTICONS =
      Map.ofEntries(
          Map.entry("smile", "🙂"),
          Map.entry("sad", "🙁"),
          Map.entry("cheeky", "😛"),
          Map.entry("laugh", "😃"),
          Map.entry("wink", "😉"),
          Map.entry("thumbs-up", "👍"),
          Map.entry("thumbs-down", "👎"),
          Map.entry("information", "ℹ️"),
          Map.entry("tick", "✅"),
          Map.entry("cross", "❌"),
          Map.entry("warning", "⚠️"),
          Map.entry("plus", "➕"),
          Map.entry("minus", "➖"),
          Map.entry("question", "❓"),
          Map.entry("light-on", "💡"),
          Map.entry("light-off", "💡"),
          Map.entry("yellow-star", "⭐"),
          Map.entry("red-star", "⭐"),
          Map.entry("green-star", "⭐"),
          Map.entry("blue-star", "⭐"),
          Map.entry("heart", "❤️"),
          Map.entry("broken-heart", "💔"));

  private StorageToMarkdown() {}

  /** Converts with {@link ConvertOptions#defaults()}. */
  public static String convert(String storage) {
    return convert(storage, ConvertOptions.defaults());
  }

  /** The Markdown for a page body; ends with one newline unless empty. */
  public static String convert(String storage, ConvertOptions options) {
    return convert(storage, options, Mentions.NONE);
  }

  /**
   * As {@link #convert(String, ConvertOptions)}, mentions written {@code [@Display
   * Name](conf:user?account-id=...)} where {@code names} knows them: the text is for reading, the
   * target alone makes the mention again.
   */
  public static String convert(String storage, ConvertOptions options, Mentions names) {
    String source = storage.replace("\r\n", "\n").replace('\r', '\n');
    Document doc = Parser.xmlParser().setTrackPosition(true).parseInput(source, "");
    String md = new Reader(source, options, names).blocks(doc, false);
    if (md.equals("---") || md.startsWith("---\n")) {
      md = "***" + md.substring(3); // a leading "---" would open YAML front matter
    }
    return md.isEmpty() ? "" : md + "\n";
  }

  private static final class Reader {
    final String source;
    final ConvertOptions options;
    final Mentions names;

    Reader(String source, ConvertOptions options, Mentions names) {
      this.source = source;
      this.options = options;
      this.names = names;
    }

    // ---------------------------------------------------------------- blocks

    /** The Markdown blocks of a container, separated by blank lines (by newlines when tight). */
    String blocks(Element container, boolean tight) {
      List<String> out = new ArrayList<>();
      collectBlocks(container, out);
      return String.join(tight ? "\n" : "\n\n", out);
    }

    void collectBlocks(Element container, List<String> out) {
      List<Node> run = new ArrayList<>();
      String previousList = null; // the kind of list the last block written was, if one
      for (Node n : container.childNodes()) {
        if (n instanceof Element e && !isInline(e)) {
          int before = out.size();
          flushParagraph(run, out);
          if (out.size() > before) {
            previousList = null;
          }
          String list =
              name(e).equals("ol") ? "ol" : name(e).matches("ul|ac:task-list") ? "ul" : null;
          int separator = out.size();
          if (list != null && list.equals(previousList)) {
            // Two lists in a row would read back as one: an empty comment keeps them apart.
            out.add("<!-- -->");
          }
          int written = out.size();
          block(e, out);
          if (out.size() > written) {
            previousList = list;
          } else if (written > separator) {
            out.remove(separator); // the list was empty after all
          }
        } else {
          run.add(n);
        }
      }
      flushParagraph(run, out);
    }

    void flushParagraph(List<Node> run, List<String> out) {
      if (!run.isEmpty()) {
        String text = paragraphText(run);
        if (!text.isEmpty()) {
          out.add(text);
        }
        run.clear();
      }
    }

    static boolean isInline(Element e) {
      String name = name(e);
      return switch (name) {
        case "a",
            "strong",
            "b",
            "em",
            "i",
            "code",
            "s",
            "del",
            "strike",
            "u",
            "sub",
            "sup",
            "ins",
            "kbd",
            "br",
            "span",
            "font",
            "small",
            "big",
            "ac:link",
            "ac:image",
            "ac:emoticon",
            "ac:inline-comment-marker",
            "ac:placeholder",
            "time" ->
            true;
        case "ac:structured-macro" -> isInlineMacro(e);
        default -> false;
      };
    }

    /** Macros Confluence renders inside a line of text: carried inline, not as a block. */
    static boolean isInlineMacro(Element e) {
      String macro = e.attr("ac:name");
      return macro.equals("status") || macro.equals("jira") || macro.equals("anchor");
    }

    void block(Element e, List<String> out) {
      String name = name(e);
      switch (name) {
        case "p" -> {
          String text = paragraphText(e.childNodes());
          if (!text.isEmpty()) {
            add(out, text);
          }
        }
        case "h1", "h2", "h3", "h4", "h5", "h6" -> {
          // A heading is one line: breaks in it are written as <br>, as in a table cell.
          Inline w = new Inline(true);
          w.nodes(e.childNodes());
          String text = w.finish().replace('\n', ' ');
          add(out, "#".repeat(name.charAt(1) - '0') + (text.isEmpty() ? "" : " " + text));
        }
        case "hr" -> add(out, "---");
        case "ul", "ol" -> add(out, list(e));
        case "blockquote" -> add(out, quote(blocks(e, false), null));
        case "pre" -> add(out, fence("", e.wholeText()));
        case "table" -> add(out, table(e));
        case "ac:task-list" -> add(out, taskList(e));
        case "ac:structured-macro" -> add(out, macro(e));
        case "ac:layout" -> layout(e, out);
        default -> {
          if (FLATTENED.contains(name)) {
            collectBlocks(e, out);
          } else {
            add(out, rawBlock(e));
          }
        }
      }
    }

    static void add(List<String> out, String block) {
      if (!block.isEmpty()) {
        out.add(block);
      }
    }

    String list(Element list) {
      boolean ordered = name(list).equals("ol");
      int number = 1;
      if (ordered && !list.attr("start").isEmpty()) {
        try {
          number = Integer.parseInt(list.attr("start").strip());
        } catch (NumberFormatException e) {
          number = 1;
        }
      }
      List<Element> items = new ArrayList<>();
      boolean loose = false;
      for (Element c : list.children()) {
        if (name(c).equals("li")) {
          items.add(c);
          for (Element gc : c.children()) {
            loose |= name(gc).equals("p");
          }
        }
      }
      StringBuilder sb = new StringBuilder();
      for (Element item : items) {
        String marker = ordered ? (number++) + ". " : "- ";
        String body = blocks(item, !loose);
        if (sb.length() > 0) {
          sb.append(loose ? "\n\n" : "\n");
        }
        sb.append(indentItem(marker, body));
      }
      return sb.toString();
    }

    String taskList(Element list) {
      StringBuilder sb = new StringBuilder();
      for (Element c : list.children()) {
        String item;
        if (name(c).equals("ac:task")) {
          Element status = child(c, "ac:task-status");
          boolean done = status != null && status.text().strip().equals("complete");
          Element body = child(c, "ac:task-body");
          String text = body == null ? "" : blocks(body, true);
          // An empty task needs something after its box to stay a task: an empty comment.
          // What follows the first line belongs to the item, indented past "- " only.
          item =
              (done ? "- [x] " : "- [ ] ")
                  + indent(text.isEmpty() ? "<!---->" : text, "  ").stripLeading();
        } else if (name(c).equals("ac:task-list")) {
          // A nested task list follows the task it belongs to.
          item = indent(taskList(c), "  ");
        } else {
          continue;
        }
        if (sb.length() > 0) {
          sb.append('\n');
        }
        sb.append(item);
      }
      return sb.toString();
    }

    static String indentItem(String marker, String body) {
      String pad = " ".repeat(marker.length());
      if (body.isEmpty()) {
        return marker.stripTrailing();
      }
      return marker + indent(body, pad).substring(pad.length());
    }

    static String indent(String text, String pad) {
      StringBuilder sb = new StringBuilder();
      for (String line : text.split("\n", -1)) {
        if (sb.length() > 0) {
          sb.append('\n');
        }
        if (!line.isEmpty()) {
          sb.append(pad).append(line);
        }
      }
      return sb.toString();
    }

    static String quote(String body, String alert) {
      StringBuilder sb = new StringBuilder();
      if (alert != null) {
        sb.append("> [!").append(alert).append(']');
      }
      if (body.isEmpty()) {
        return alert == null ? ">" : sb.toString();
      }
      for (String line : body.split("\n", -1)) {
        if (sb.length() > 0) {
          sb.append('\n');
        }
        sb.append(line.isEmpty() ? ">" : "> " + line);
      }
      return sb.toString();
    }

    String macro(Element e) {
      String macro = e.attr("ac:name");
      Map<String, String> params = new LinkedHashMap<>();
      for (Element c : e.children()) {
        if (name(c).equals("ac:parameter")) {
          params.put(c.attr("ac:name"), c.wholeText());
        }
      }
      if (macro.equals("code")) {
        Optional<String> code = codeBlock(e, params);
        if (code.isPresent()) {
          return code.get();
        }
      } else if (PANEL_MACROS.contains(macro)) {
        Optional<String> alert = panel(e, macro, params);
        if (alert.isPresent()) {
          return alert.get();
        }
      } else if (macro.equals("toc") && params.isEmpty() && child(e, "ac:rich-text-body") == null) {
        return "[TOC]";
      }
      return rawBlock(e);
    }

    Optional<String> codeBlock(Element e, Map<String, String> params) {
      String language = params.getOrDefault("language", "").strip();
      StringBuilder info = new StringBuilder(language);
      for (Map.Entry<String, String> p : params.entrySet()) {
        if (p.getKey().equals("language")) {
          continue;
        }
        String value = p.getValue();
        if (language.isEmpty()
            || !p.getKey().matches("[A-Za-z][\\w-]*")
            || value.contains("\"")
            || value.contains("`")
            || value.contains("\n")) {
          return Optional.empty(); // no faithful info string for it
        }
        info.append(' ').append(p.getKey()).append('=');
        info.append(value.matches("\\S+") ? value : "\"" + value + "\"");
      }
      if (!language.isEmpty() && !language.matches("[\\w.+#-]+")) {
        return Optional.empty();
      }
      for (Element c : e.children()) {
        String n = name(c);
        if (!n.equals("ac:parameter") && !n.equals("ac:plain-text-body")) {
          return Optional.empty();
        }
      }
      Element body = child(e, "ac:plain-text-body");
      return Optional.of(fence(info.toString(), body == null ? "" : body.wholeText()));
    }

    Optional<String> panel(Element e, String macro, Map<String, String> params) {
      String alert = PANEL_ALERTS.get(macro);
      for (Map.Entry<String, String> p : params.entrySet()) {
        boolean harmless = p.getKey().equals("icon") && p.getValue().strip().equals("true");
        boolean important =
            macro.equals("info")
                && p.getKey().equals("title")
                && p.getValue().equals(MarkdownToStorage.IMPORTANT_TITLE);
        if (important) {
          alert = "IMPORTANT";
        } else if (!harmless) {
          return Optional.empty(); // a title or option an alert cannot carry
        }
      }
      Element body = child(e, "ac:rich-text-body");
      return Optional.of(quote(body == null ? "" : blocks(body, false), alert));
    }

    static String fence(String info, String code) {
      int longest = 0;
      Matcher m = Pattern.compile("`+").matcher(code);
      while (m.find()) {
        longest = Math.max(longest, m.group().length());
      }
      String fence = "`".repeat(Math.max(3, longest + 1));
      return fence + info + "\n" + code + "\n" + fence;
    }

    /**
     * A page layout: its structure (the {@code ac:layout}, {@code ac:layout-section} and {@code
     * ac:layout-cell} tags with their attributes) in {@code confluence-storage} blocks, each cell's
     * content as Markdown between them. Converting back gives the same layout around the cells.
     */
    void layout(Element layout, List<String> out) {
      StringBuilder tags = new StringBuilder();
      layoutPart(layout, tags, out);
      add(out, fence(MarkdownToStorage.STORAGE_FENCE_INFO, tags.toString()));
    }

    private void layoutPart(Element e, StringBuilder tags, List<String> out) {
      tags.append(startTag(e));
      for (Node n : e.childNodes()) {
        if (n instanceof Element c && name(c).equals("ac:layout-cell")) {
          tags.append(startTag(c));
          add(out, fence(MarkdownToStorage.STORAGE_FENCE_INFO, tags.toString()));
          tags.setLength(0);
          collectBlocks(c, out);
          tags.append(endTag(c));
        } else if (n instanceof Element c && name(c).equals("ac:layout-section")) {
          layoutPart(c, tags, out);
        } else if (n instanceof Element c) {
          tags.append(sourceOf(c));
        } else if (n instanceof TextNode t && t.isBlank()) {
          tags.append(t.getWholeText());
        } else {
          tags.append(n.outerHtml());
        }
      }
      tags.append(endTag(e));
    }

    private String startTag(Element e) {
      Range start = e.sourceRange();
      if (start.isTracked() && start.startPos() >= 0 && start.endPos() <= source.length()) {
        String tag = source.substring(start.startPos(), start.endPos());
        // A self-closed cell has no end tag to put its content before.
        return tag.endsWith("/>") ? tag.substring(0, tag.length() - 2).stripTrailing() + ">" : tag;
      }
      StringBuilder sb = new StringBuilder("<").append(e.tagName());
      e.attributes().forEach(a -> sb.append(' ').append(a.html()));
      return sb.append('>').toString();
    }

    private static String endTag(Element e) {
      return "</" + e.tagName() + ">";
    }

    String rawBlock(Element e) {
      return fence(MarkdownToStorage.STORAGE_FENCE_INFO, sourceOf(e));
    }

    /** The element exactly as it was written in the input. */
    String sourceOf(Element e) {
      Range start = e.sourceRange();
      Range end = e.endSourceRange();
      if (start.isTracked()) {
        int from = start.startPos();
        int to = Math.max(start.endPos(), end.isTracked() ? end.endPos() : -1);
        if (from >= 0 && to <= source.length() && from < to) {
          return source.substring(from, to);
        }
      }
      e.ownerDocument().outputSettings().prettyPrint(false);
      return e.outerHtml();
    }

    // ---------------------------------------------------------------- tables

    String table(Element table) {
      List<Element> rows = new ArrayList<>();
      collectRows(table, rows);
      if (rows.isEmpty() || !isSimpleTable(rows)) {
        return rawBlock(table);
      }
      List<Element> header = rows.get(0).children();
      StringBuilder sb = new StringBuilder();
      row(sb, header);
      sb.append('\n').append('|');
      for (Element th : header) {
        String align = alignment(th);
        sb.append(
            switch (align) {
              case "center" -> " :---: |";
              case "right" -> " ---: |";
              case "left" -> " :--- |";
              default -> " --- |";
            });
      }
      for (Element row : rows.subList(1, rows.size())) {
        sb.append('\n');
        row(sb, row.children());
      }
      return sb.toString();
    }

    void row(StringBuilder sb, List<Element> cells) {
      sb.append('|');
      for (Element cell : cells) {
        String text = cellText(cell);
        sb.append(' ').append(text).append(text.isEmpty() ? "|" : " |");
      }
    }

    static void collectRows(Element e, List<Element> rows) {
      for (Element c : e.children()) {
        switch (name(c)) {
          case "tr" -> rows.add(c);
          case "thead", "tbody", "tfoot" -> collectRows(c, rows);
          default -> {}
        }
      }
    }

    /** A header row of th, then rows of td, the same width, no spans, inline content only. */
    static boolean isSimpleTable(List<Element> rows) {
      int width = rows.get(0).children().size();
      for (int r = 0; r < rows.size(); r++) {
        List<Element> cells = rows.get(r).children();
        if (cells.size() != width || width == 0) {
          return false;
        }
        for (Element cell : cells) {
          if (!name(cell).equals(r == 0 ? "th" : "td")
              || !cell.attr("colspan").matches("|1")
              || !cell.attr("rowspan").matches("|1")
              || !isInlineCell(cell)) {
            return false;
          }
        }
      }
      return true;
    }

    static boolean isInlineCell(Element cell) {
      int paragraphs = 0;
      for (Element c : cell.children()) {
        if (name(c).equals("p")) {
          paragraphs++;
          for (Element gc : c.getAllElements()) {
            if (gc != c && !isInline(gc) && !isInsideInline(gc, c)) {
              return false;
            }
          }
        } else if (!isInline(c)) {
          return false;
        }
      }
      return paragraphs <= 1;
    }

    /** Elements nested in an inline element (a link body, a macro) are that element's business. */
    static boolean isInsideInline(Element e, Element stop) {
      for (Element p = e.parent(); p != null && p != stop; p = p.parent()) {
        if (isInline(p)) {
          return true;
        }
      }
      return false;
    }

    static String alignment(Element cell) {
      Matcher m = Pattern.compile("text-align:\\s*(left|center|right)").matcher(cell.attr("style"));
      return m.find() ? m.group(1) : cell.attr("align").toLowerCase(Locale.ROOT);
    }

    String cellText(Element cell) {
      Inline w = new Inline(true);
      Element p = child(cell, "p");
      w.nodes(p != null && cell.children().size() == 1 ? p.childNodes() : cell.childNodes());
      return w.finish().replace("\n", " ");
    }

    // ---------------------------------------------------------------- inline

    String paragraphText(List<Node> nodes) {
      Inline w = new Inline(false);
      w.nodes(nodes);
      return w.finish();
    }

    /** Writes inline Markdown, escaping text so that it reads back as the same text. */
    final class Inline {
      /** Stands for a hard break until {@link #finish()}, which drops those ending a paragraph. */
      static final char BR = '\u0000';

      final boolean inTable;
      final StringBuilder sb = new StringBuilder();

      /** The HTML names of the formatting this text is already inside. */
      final Set<String> active;

      Inline(boolean inTable) {
        this(inTable, Set.of());
      }

      Inline(boolean inTable, Set<String> active) {
        this.inTable = inTable;
        this.active = active;
      }

      String finish() {
        String s = sb.toString();
        // Whitespace at the ends of a paragraph or line means nothing in either format.
        s = s.replaceAll("[ \\t]+\n", "\n").replaceAll("\n[ \\t]+", "\n");
        // Nor do line breaks: Markdown has no hard break at the end of a paragraph.
        s = s.replaceAll("^[\\s\u0000]+|[\\s\u0000]+$", "");
        return s.replace(String.valueOf(BR), "\\");
      }

      void nodes(List<Node> nodes) {
        StringBuilder text = new StringBuilder();
        for (Node n : nodes) {
          if (n instanceof TextNode t) {
            text.append(t.getWholeText()); // adjacent texts escape as one ("a_" "a" is "a_a")
            continue;
          }
          if (text.length() > 0) {
            text(text.toString());
            text.setLength(0);
          }
          node(n);
        }
        if (text.length() > 0) {
          text(text.toString());
        }
      }

      void node(Node n) {
        if (n instanceof TextNode t) {
          text(t.getWholeText());
        } else if (n instanceof Element e) {
          element(e);
        }
      }

      void text(String raw) {
        String collapsed = collapse(raw);
        if (sb.length() > 0) {
          // Drop whitespace that would double up with what is already there.
          char last = sb.charAt(sb.length() - 1);
          if ((last == ' ' || last == '\n')
              && (collapsed.startsWith(" ") || collapsed.startsWith("\n"))) {
            collapsed = collapsed.substring(1);
          }
        }
        sb.append(escape(collapsed));
      }

      /** Runs of whitespace become one space, or one newline (a soft break) when they had one. */
      String collapse(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
          char c = s.charAt(i);
          if (c == ' ' || c == '\t' || c == '\n') {
            boolean newline = false;
            while (i < s.length()
                && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n')) {
              newline |= s.charAt(i) == '\n';
              i++;
            }
            out.append(newline && !inTable ? '\n' : ' ');
          } else {
            out.append(c);
            i++;
          }
        }
        return out.toString();
      }

      String escape(String s) {
        StringBuilder out = new StringBuilder();
        int back = sb.length();
        while (back > 0 && sb.charAt(back - 1) == ' ') {
          back--;
        }
        boolean lineStart = back == 0 || sb.charAt(back - 1) == '\n';
        for (int i = 0; i < s.length(); i++) {
          char c = s.charAt(i);
          if (lineStart && c == ' ') {
            out.append(c); // dropped at the end; what follows is still at the start of a line
            continue;
          }
          if (lineStart && c != '\n') {
            String rest = s.substring(i);
            Matcher m = ORDERED_START.matcher(rest);
            if (m.find()) {
              out.append(m.group(1)).append('\\').append(m.group(2));
              i += m.end() - 1;
              lineStart = false;
              continue;
            }
            // '|' and ':' could start a table's delimiter row.
            if (c == '#' || c == '>' || c == '=' || c == '+' || c == '-' || c == ':') {
              out.append('\\');
            } else if (c == '|' && !inTable) {
              out.append('\\');
            }
            lineStart = false;
          }
          switch (c) {
            case '\\', '`', '*', '[', ']', '<', '~' -> out.append('\\').append(c);
            case '_' -> {
              char before = i > 0 ? s.charAt(i - 1) : prevChar();
              char after = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
              if (!(Character.isLetterOrDigit(before) && Character.isLetterOrDigit(after))) {
                out.append('\\');
              }
              out.append(c);
            }
            case '|' -> out.append(inTable ? "\\|" : "|");
            case '&' -> {
              if (ENTITY_LIKE.matcher(s).region(i, s.length()).lookingAt()) {
                out.append('\\');
              }
              out.append(c);
            }
            case '\n' -> {
              out.append(c);
              lineStart = true;
            }
            default -> out.append(c);
          }
        }
        return out.toString();
      }

      static boolean isPunctuation(char c) {
        return !Character.isLetterOrDigit(c) && !Character.isWhitespace(c);
      }

      /** The first character written after an element, or a space when that is unclear. */
      static char nextChar(Element e) {
        for (Node at = e; at != null; at = at.parent()) {
          for (Node n = at.nextSibling(); n != null; n = n.nextSibling()) {
            char c = firstChar(n);
            if (c != 0) {
              return c;
            }
          }
          if (!(at.parent() instanceof Element p) || !TRANSPARENT.contains(name(p))) {
            break;
          }
        }
        return ' ';
      }

      /** The first character a node writes, or 0 when it writes nothing. */
      static char firstChar(Node n) {
        if (n instanceof TextNode t) {
          String text = t.getWholeText();
          return text.isEmpty() ? 0 : text.charAt(0);
        }
        if (!(n instanceof Element e)) {
          return 0;
        }
        String name = name(e);
        if (TRANSPARENT.contains(name)) {
          for (Node c : e.childNodes()) {
            char first = firstChar(c);
            if (first != 0) {
              return first;
            }
          }
          return 0;
        }
        return switch (name) {
          case "a", "ac:link", "ac:structured-macro" -> '[';
          case "ac:image", "ac:emoticon" -> '!';
          case "br", "u", "sub", "sup", "ins", "kbd" -> '<';
          case "p", "div" -> ' ';
          default -> {
            if (e.text().isEmpty()) {
              yield 0;
            }
            yield switch (name) {
              case "code" -> '`';
              case "strong", "b", "em", "i" -> '*';
              case "s", "del", "strike" -> '~';
              default -> e.text().charAt(0);
            };
          }
        };
      }

      char prevChar() {
        return sb.length() == 0 ? ' ' : sb.charAt(sb.length() - 1);
      }

      /** Formatting around {@code inner}, with edge spaces moved outside so it still parses. */
      void wrap(String open, String close, List<Node> children) {
        wrap(open, close, children, null, null);
      }

      /**
       * Like {@link #wrap(String, String, List)}, but where CommonMark's flanking rules would not
       * read the delimiters as formatting (punctuation inside, a letter outside, as in {@code
       * x<em>"y"</em>z}) the element is written as the HTML tag {@code html} instead.
       */
      void wrap(String open, String close, List<Node> children, Element e, String html) {
        if (html != null && active.contains(html)) {
          nodes(children); // strong inside strong is just strong
          return;
        }
        Set<String> nested = new HashSet<>(active);
        if (html != null) {
          nested.add(html);
        }
        Inline inner = new Inline(inTable, nested);
        inner.nodes(children);
        String s = inner.sb.toString();
        // Spaces and line breaks at the edges go outside: "** a**" and "*a\\\n*" do not parse.
        Matcher edges = EDGES.matcher(s);
        edges.matches();
        String lead = edges.group(1);
        String content = edges.group(2);
        String trail = edges.group(3);
        if (lead.indexOf(BR) >= 0) {
          sb.append(BR).append('\n');
        } else if (!lead.isEmpty()) {
          text(" ");
        }
        if (!content.isEmpty()) {
          boolean opens =
              !isPunctuation(content.charAt(0)) || !Character.isLetterOrDigit(prevChar());
          boolean closes =
              !isPunctuation(content.charAt(content.length() - 1))
                  || !trail.isEmpty()
                  || e == null
                  || !Character.isLetterOrDigit(nextChar(e));
          boolean touches =
              prevChar() == open.charAt(0)
                  || (trail.isEmpty() && e != null && nextChar(e) == close.charAt(0));
          if (html != null && (!(opens && closes) || touches || clashes(open, content))) {
            sb.append('<').append(html).append('>').append(content);
            sb.append("</").append(html).append('>');
          } else {
            sb.append(open).append(content).append(close);
          }
        }
        if (trail.indexOf(BR) >= 0) {
          sb.append(BR).append('\n');
        } else if (!trail.isEmpty()) {
          sb.append(' ');
        }
      }

      /**
       * Whether content that starts or ends with the delimiter's own character would run into it:
       * {@code ~~~~x~~~~} opens a code fence and {@code ****x****} is not strong inside strong.
       * Emphasis around strong ({@code ***x***}) is the one combination CommonMark reads right.
       */
      static boolean clashes(String delimiter, String content) {
        char d = delimiter.charAt(0);
        boolean starts = content.charAt(0) == d;
        boolean ends = content.charAt(content.length() - 1) == d;
        if (!starts && !ends) {
          return false;
        }
        if (delimiter.equals("*")) {
          return !(content.matches("(?s)\\*\\*[^*].*[^*]\\*\\*|\\*\\*[^*]\\*\\*"));
        }
        return true;
      }

      void element(Element e) {
        String name = name(e);
        switch (name) {
          case "strong", "b" -> wrap("**", "**", e.childNodes(), e, "strong");
          case "em", "i" -> wrap("*", "*", e.childNodes(), e, "em");
          case "s", "del", "strike" -> wrap("~~", "~~", e.childNodes(), e, "s");
          case "code" -> code(e.wholeText());
          case "br" -> sb.append(inTable ? "<br>" : BR + "\n");
          case "a" -> anchor(e);
          case "ac:link" -> confluenceLink(e);
          case "ac:image" -> image(e);
          case "ac:emoticon" -> emoticon(e);
          case "p", "div" -> {
            // A paragraph inside inline content (a cell, a task): keep the text apart.
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
              sb.append(inTable ? "<br>" : BR + "\n");
            }
            nodes(e.childNodes());
          }
          default -> {
            if (HTML_INLINE_KEPT.contains(name)) {
              wrap("<" + name + ">", "</" + name + ">", e.childNodes());
            } else if (TRANSPARENT.contains(name) && !lineThrough(e)) {
              nodes(e.childNodes()); // colours and fonts have no Markdown: the text stays
            } else if (name.equals("span")) {
              wrap("~~", "~~", e.childNodes());
            } else {
              carrier(e);
            }
          }
        }
      }

      boolean lineThrough(Element e) {
        return e.attr("style").contains("line-through");
      }

      int lastCodeStart = -1;
      int lastCodeEnd = -1;
      String lastCode;

      void code(String text) {
        if (text.isEmpty()) {
          return;
        }
        if (sb.length() == lastCodeEnd) {
          // `a``b` would read as one span "a``b": adjacent code elements become one span.
          sb.setLength(lastCodeStart);
          text = lastCode + text;
        }
        lastCodeStart = sb.length();
        lastCode = text;
        int longest = 0;
        Matcher m = Pattern.compile("`+").matcher(text);
        while (m.find()) {
          longest = Math.max(longest, m.group().length());
        }
        String ticks = "`".repeat(longest + 1);
        String body = text.replace('\n', ' ');
        boolean pad =
            body.startsWith("`")
                || body.endsWith("`")
                || (body.startsWith(" ") && body.endsWith(" ") && !body.isBlank());
        if (inTable) {
          body = body.replace("|", "\\|");
        }
        sb.append(ticks).append(pad ? " " : "").append(body).append(pad ? " " : "").append(ticks);
        lastCodeEnd = sb.length();
      }

      void anchor(Element a) {
        if (!a.hasAttr("href")) {
          nodes(a.childNodes());
          return;
        }
        String href = a.attr("href");
        String text = a.text();
        if (text.equals(href)
            && href.matches("(?i)(https?|ftp|mailto):[^\\s<>]*")
            && !a.hasAttr("title")
            && a.children().isEmpty()) {
          sb.append('<').append(href).append('>');
          return;
        }
        link(a.childNodes(), null, href, a.attr("title"));
      }

      void link(List<Node> body, String plainBody, String href, String title) {
        Inline inner = new Inline(inTable);
        if (plainBody != null) {
          inner.text(plainBody);
        } else {
          inner.nodes(body);
        }
        int last = sb.length() - 1;
        if (last >= 0 && sb.charAt(last) == '!' && (last == 0 || sb.charAt(last - 1) != '\\')) {
          sb.insert(last, '\\'); // or "![" would start an image
        }
        sb.append('[').append(inner.finish().replace("\n", " ")).append("](").append(dest(href));
        if (title != null && !title.isEmpty()) {
          sb.append(" \"").append(title.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        sb.append(')');
      }

      String dest(String href) {
        if (href.isEmpty() || href.matches(".*[\\s()<>\\\\].*")) {
          return "<" + href.replace("\\", "\\\\").replace("<", "\\<").replace(">", "\\>") + ">";
        }
        return href;
      }

      void confluenceLink(Element link) {
        Element page = child(link, "ri:page");
        Element user = child(link, "ri:user");
        Element attachment = child(link, "ri:attachment");
        Element plainBody = child(link, "ac:plain-text-link-body");
        Element richBody = child(link, "ac:link-body");
        String anchor = link.attr("ac:anchor");
        int resources = link.children().size() - (plainBody != null ? 1 : 0);
        resources -= richBody != null ? 1 : 0;
        if (resources > 1) {
          carrier(link);
        } else if (page != null && page.children().isEmpty()) {
          String space = page.attr("ri:space-key");
          PageRef ref = new PageRef(space.isEmpty() ? null : space, page.attr("ri:content-title"));
          String href =
              options
                  .linkForPage()
                  .apply(ref)
                  .map(h -> anchor.isEmpty() ? h : h + "#" + ConfLinks.encode(anchor))
                  .orElseGet(
                      () ->
                          ConfLinks.of(
                              "page",
                              "space",
                              ref.spaceKey(),
                              "title",
                              ref.title(),
                              "anchor",
                              anchor.isEmpty() ? null : anchor));
          linkWithBody(plainBody, richBody, ref.title(), href);
        } else if (user != null && user.children().isEmpty()) {
          String[] keys = {"account-id", "userkey", "username"};
          for (String key : keys) {
            if (user.hasAttr("ri:" + key)) {
              String id = user.attr("ri:" + key);
              String shown = key.equals("username") ? id : names.label(id);
              link(List.of(), "@" + shown, ConfLinks.of("user", key, id), null);
              return;
            }
          }
          carrier(link);
        } else if (attachment != null && attachment.children().isEmpty()) {
          String filename = attachment.attr("ri:filename");
          linkWithBody(
              plainBody, richBody, filename, ConfLinks.of("attachment", "filename", filename));
        } else if (resources == 0 && !anchor.isEmpty()) {
          linkWithBody(plainBody, richBody, anchor, "#" + anchor);
        } else {
          carrier(link);
        }
      }

      void linkWithBody(Element plainBody, Element richBody, String fallback, String href) {
        if (richBody != null) {
          link(richBody.childNodes(), null, href, null);
        } else {
          link(List.of(), plainBody != null ? plainBody.wholeText() : fallback, href, null);
        }
      }

      void image(Element image) {
        Element attachment = child(image, "ri:attachment");
        Element url = child(image, "ri:url");
        String alt = image.attr("ac:alt");
        String src;
        boolean onlyAltAndTitle =
            image.attributes().asList().stream()
                .allMatch(a -> a.getKey().equals("ac:alt") || a.getKey().equals("ac:title"));
        if (!onlyAltAndTitle) {
          // Width, height, alignment, border…: Markdown has no syntax, so the element is kept.
          carrier(image);
          return;
        } else if (attachment != null
            && attachment.children().isEmpty()
            && image.children().size() == 1) {
          src = options.pathForAttachment().apply(attachment.attr("ri:filename"));
        } else if (url != null && image.children().size() == 1) {
          src = url.attr("ri:value");
        } else {
          carrier(image);
          return;
        }
        sb.append("![");
        Inline inner = new Inline(inTable);
        inner.text(alt);
        sb.append(inner.finish()).append("](").append(dest(src));
        String title = image.attr("ac:title");
        if (!title.isEmpty()) {
          sb.append(" \"").append(title.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        sb.append(')');
      }

      /** Kept as the ac:emoticon it is, in a link that shows its emoji. */
      void emoticon(Element e) {
        String fallback = e.attr("ac:emoji-fallback");
        if (fallback.isEmpty()) {
          fallback = EMOTICONS.get(e.attr("ac:name"));
        }
        if (fallback == null || fallback.isEmpty()) {
          String shortName = e.attr("ac:emoji-shortname");
          fallback = shortName.isEmpty() ? ":" + e.attr("ac:name") + ":" : shortName;
        }
        link(List.of(), fallback, ConfLinks.of("storage", "xml", sourceOf(e)), null);
      }

      /** Storage with no Markdown form, kept verbatim in a link that shows its text. */
      void carrier(Element e) {
        String label = e.text().strip();
        if (name(e).equals("ac:structured-macro")) {
          Element title = null;
          for (Element c : e.children()) {
            if (name(c).equals("ac:parameter") && c.attr("ac:name").equals("title")) {
              title = c;
            }
          }
          label = title != null ? title.text().strip() : "";
        }
        if (label.isEmpty() && name(e).equals("ac:image")) {
          Element target = e.children().isEmpty() ? null : e.child(0);
          label =
              !e.attr("ac:alt").isEmpty()
                  ? e.attr("ac:alt")
                  : target == null
                      ? ""
                      : target.hasAttr("ri:filename")
                          ? target.attr("ri:filename")
                          : target.attr("ri:value");
        }
        if (label.isEmpty()) {
          label = e.hasAttr("ac:name") ? e.attr("ac:name") : name(e);
        }
        link(List.of(), label, ConfLinks.of("storage", "xml", sourceOf(e)), null);
      }
    }

    // ---------------------------------------------------------------- helpers

    static String name(Element e) {
      return e.tagName().toLowerCase(Locale.ROOT);
    }

    static Element child(Element e, String name) {
      for (Element c : e.children()) {
        if (name(c).equals(name)) {
          return c;
        }
      }
      return null;
    }
  }
}
