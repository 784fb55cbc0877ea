package dev.conf.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Confluence storage format as text to read in a terminal ({@code conf page view}, {@code --format
 * text}): numbered and bulleted lists indented by depth ({@code <ol start>} kept), headings and
 * every other block set off by a blank line, tables as aligned columns where they fit the width
 * (else one "header: value" record per row), code indented and never wrapped, panels and notes
 * labelled and ruled with "│", quotes with "> ", links as "text (url)" where the two differ, task
 * lists as [x] / [ ], images and mentions named. With a width, text is wrapped to it; the styles
 * (bold headings on a terminal) are functions the caller passes, so this stays free of terminals.
 *
 * <p>{@link StorageText} stays the flat, one-block-a-line form that inline-comment matching reads.
 */
public final class ReadableText {
  private ReadableText() {}

  /**
   * How to render: {@code width} columns to wrap to (0: never wrap, as in a pipe); {@code title} a
   * level-1 heading's style, {@code heading} the other headings', {@code label} a panel's, an
   * expand's and a table header's. {@link #PLAIN} styles nothing.
   */
  public record Options(
      int width,
      UnaryOperator<String> title,
      UnaryOperator<String> heading,
      UnaryOperator<String> label) {
    public static final Options PLAIN = plain(0);

    /** No styles, wrapped to {@code width} (0: not wrapped). */
    public static Options plain(int width) {
      return new Options(width, s -> s, s -> s, s -> s);
    }
  }

  private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0]+");
  private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");
  private static final int HR = 40;
  private static final int CODE_INDENT = 4;
  private static final String[] BULLETS = {"• ", "◦ ", "▪ "};

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "ul",
          "ol",
          "table",
          "pre",
          "blockquote",
          "hr",
          "ac:layout",
          "ac:layout-section",
          "ac:layout-cell",
          "ac:task-list",
          "ac:rich-text-body",
          "ac:adf-extension",
          "section");

  /** Macros that sit inside a line of text rather than forming a block. */
  private static final Set<String> INLINE_MACROS = Set.of("status", "anchor", "jira", "mention");

  private static final Map<String, String> PANELS =
      Map.of(
          "info", "Info",
          "note", "Note",
          "warning", "Warning",
          "tip", "Tip",
          "success", "Success",
          "error", "Error",
          "panel", "Panel");

  /** The body as text, ending with one newline (empty for an empty body); mentions show ids. */
  public static String render(String storage, Options options) {
    return render(storage, options, Mentions.NONE);
  }

  /**
   * The body as text, ending with one newline (empty for an empty body); a mention shows the name
   * {@code names} knows for its account id or user key, else the id.
   */
  public static String render(String storage, Options options, Mentions names) {
    if (storage == null || storage.isBlank()) {
      return "";
    }
    String source = storage.replace("\r\n", "\n").replace('\r', '\n');
    Document doc = Parser.xmlParser().parseInput(source, "");
    List<String> lines = new Renderer(options, names).blocks(doc, width(options.width()), false);
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      out.append(line.stripTrailing()).append('\n');
    }
    String text = BLANK_LINES.matcher(out).replaceAll("\n\n").strip();
    return text.isEmpty() ? "" : text + "\n";
  }

  private static int width(int w) {
    return w <= 0 ? 0 : Math.max(w, 20);
  }

  private static final class Renderer {
    final Options o;
    final Mentions names;

    Renderer(Options o, Mentions names) {
      this.o = o;
      this.names = names;
    }

    // ---------------------------------------------------------------- blocks

    /**
     * The lines of a container's blocks, each separated from the next by a blank line ({@code
     * tight}: not, as inside a list item); runs of inline content form a paragraph.
     */
    List<String> blocks(Element container, int width, boolean tight) {
      List<List<String>> blocks = new ArrayList<>();
      List<Node> inline = new ArrayList<>();
      for (Node n : container.childNodes()) {
        if (n instanceof Element e && isBlock(e)) {
          paragraph(inline, width, blocks);
          List<String> b = block(e, width);
          if (!b.isEmpty()) {
            blocks.add(b);
          }
        } else {
          inline.add(n);
        }
      }
      paragraph(inline, width, blocks);
      List<String> lines = new ArrayList<>();
      for (List<String> b : blocks) {
        if (!lines.isEmpty() && !tight) {
          lines.add("");
        }
        lines.addAll(b);
      }
      return lines;
    }

    private void paragraph(List<Node> inline, int width, List<List<String>> blocks) {
      if (inline.isEmpty()) {
        return;
      }
      StringBuilder text = new StringBuilder();
      for (Node n : inline) {
        inline(n, text);
      }
      inline.clear();
      List<String> lines = wrapText(text.toString(), width);
      if (!lines.isEmpty()) {
        blocks.add(lines);
      }
    }

    static boolean isBlock(Element e) {
      String name = name(e);
      if (name.equals("ac:structured-macro") || name.equals("ac:macro")) {
        return !INLINE_MACROS.contains(macroName(e));
      }
      return BLOCKS.contains(name) || name.equals("ac:task");
    }

    List<String> block(Element e, int width) {
      String name = name(e);
      return switch (name) {
        case "p", "div", "section" -> blocks(e, width, false);
        case "h1", "h2", "h3", "h4", "h5", "h6" -> heading(e, width, name.equals("h1"));
        case "ul", "ol", "ac:task-list" -> list(e, width, 0);
        case "table" -> table(e, width);
        case "pre" -> code(text(e), null);
        case "blockquote" -> prefixed(blocks(e, inner(width, 2), false), "> ");
        case "hr" -> List.of("─".repeat(width == 0 ? HR : Math.min(HR, width)));
        case "ac:structured-macro", "ac:macro" -> macro(e, width);
        default -> blocks(e, width, false);
      };
    }

    List<String> heading(Element e, int width, boolean title) {
      List<String> lines = new ArrayList<>();
      for (String line : wrapText(inlineText(e), width)) {
        lines.add(title ? o.title().apply(line) : o.heading().apply(line));
      }
      return lines;
    }

    /** A list, numbered from its {@code start}, nested lists one level deeper. */
    List<String> list(Element list, int width, int depth) {
      boolean ordered = name(list).equals("ol");
      boolean tasks = name(list).equals("ac:task-list");
      int number = 1;
      if (ordered) {
        try {
          number = Integer.parseInt(list.attr("start").strip());
        } catch (NumberFormatException e) {
          number = 1;
        }
      }
      List<String> lines = new ArrayList<>();
      for (Element item : list.children()) {
        String itemName = name(item);
        if (itemName.equals("ul") || itemName.equals("ol") || itemName.equals("ac:task-list")) {
          // A list right inside a list (not inside an item): one level deeper.
          lines.addAll(prefixed(list(item, inner(width, 2), depth + 1), "  "));
          continue;
        }
        if (!itemName.equals("li") && !itemName.equals("ac:task")) {
          continue;
        }
        String marker;
        Element body = item;
        if (tasks || itemName.equals("ac:task")) {
          Element status = child(item, "ac:task-status");
          marker = status != null && status.text().strip().equals("complete") ? "[x] " : "[ ] ";
          Element taskBody = child(item, "ac:task-body");
          body = taskBody != null ? taskBody : item;
        } else if (ordered) {
          marker = number++ + ". ";
        } else {
          marker = BULLETS[Math.min(depth, BULLETS.length - 1)];
        }
        List<String> content = itemBlocks(body, inner(width, marker.length()), depth);
        if (content.isEmpty()) {
          content = List.of("");
        }
        lines.add(marker + content.get(0));
        String hang = " ".repeat(marker.length());
        for (String line : content.subList(1, content.size())) {
          lines.add(line.isEmpty() ? "" : hang + line);
        }
      }
      return lines;
    }

    /** An item's content: its text, then its nested lists, without blank lines between. */
    private List<String> itemBlocks(Element item, int width, int depth) {
      List<String> lines = new ArrayList<>();
      List<Node> inline = new ArrayList<>();
      List<List<String>> parts = new ArrayList<>();
      for (Node n : item.childNodes()) {
        if (n instanceof Element e && isList(e)) {
          paragraph(inline, width, parts);
          parts.add(list(e, width, depth + 1));
        } else if (n instanceof Element e
            && (name(e).equals("ac:task-id")
                || name(e).equals("ac:task-uuid")
                || name(e).equals("ac:task-status"))) {
          continue;
        } else if (n instanceof Element e && isBlock(e)) {
          paragraph(inline, width, parts);
          List<String> b = block(e, width);
          if (!b.isEmpty()) {
            parts.add(b);
          }
        } else {
          inline.add(n);
        }
      }
      paragraph(inline, width, parts);
      parts.forEach(lines::addAll);
      return lines;
    }

    private static boolean isList(Element e) {
      String n = name(e);
      return n.equals("ul") || n.equals("ol") || n.equals("ac:task-list");
    }

    /** Code as it is, indented, never wrapped; with its title above when it has one. */
    List<String> code(String code, String title) {
      List<String> lines = new ArrayList<>();
      if (title != null && !title.isBlank()) {
        lines.add(o.label().apply(title.strip()));
      }
      String body = code.replaceAll("^\n+", "").stripTrailing();
      for (String line : body.split("\n", -1)) {
        lines.add(line.isEmpty() ? "" : " ".repeat(CODE_INDENT) + line.replace("\t", "    "));
      }
      return lines;
    }

    List<String> macro(Element e, int width) {
      String macro = macroName(e);
      Element rich = child(e, "ac:rich-text-body");
      Element plain = child(e, "ac:plain-text-body");
      String title = parameter(e, "title");
      switch (macro) {
        case "code", "noformat" -> {
          return code(plain == null ? "" : text(plain), title);
        }
        case "toc", "children", "pagetree", "recently-updated", "contentbylabel" -> {
          return List.of("[" + macro + "]");
        }
        case "expand" -> {
          List<String> lines = new ArrayList<>();
          lines.add(o.label().apply("▸ " + (title == null || title.isBlank() ? "Expand" : title)));
          if (rich != null) {
            lines.addAll(prefixed(blocks(rich, inner(width, 2), false), "  "));
          }
          return lines;
        }
        default -> {
          String label = PANELS.get(macro);
          if (label != null) {
            List<String> lines = new ArrayList<>();
            lines.add(
                o.label().apply(label + (title == null || title.isBlank() ? "" : ": " + title)));
            if (rich != null) {
              lines.addAll(blocks(rich, inner(width, 2), false));
            }
            return prefixed(lines, "│ ");
          }
          if (rich != null) {
            return blocks(rich, width, false);
          }
          if (plain != null) {
            return code(text(plain), title);
          }
          return List.of("[" + macro + "]");
        }
      }
    }

    // ---------------------------------------------------------------- tables

    List<String> table(Element table, int width) {
      List<List<String>> rows = new ArrayList<>();
      boolean header = false;
      for (Element tr : table.select("tr")) {
        if (tr.closest("table") != table) {
          continue; // a row of a table inside a cell
        }
        List<String> row = new ArrayList<>();
        boolean allTh = true;
        for (Element cell : tr.children()) {
          String n = name(cell);
          if (!n.equals("td") && !n.equals("th")) {
            continue;
          }
          allTh &= n.equals("th");
          row.add(cellText(cell));
          int span = span(cell);
          for (int i = 1; i < span; i++) {
            row.add("");
          }
        }
        if (!row.isEmpty()) {
          if (rows.isEmpty()) {
            header = allTh;
          }
          rows.add(row);
        }
      }
      if (rows.isEmpty()) {
        return List.of();
      }
      int columns = rows.stream().mapToInt(List::size).max().orElse(0);
      int[] widths = new int[columns];
      for (List<String> row : rows) {
        for (int i = 0; i < row.size(); i++) {
          widths[i] = Math.max(widths[i], length(row.get(i)));
        }
      }
      int total = 2 * (columns - 1);
      for (int w : widths) {
        total += w;
      }
      if (width == 0 || total <= width) {
        return aligned(rows, widths, header);
      }
      return records(rows, header, width);
    }

    private List<String> aligned(List<List<String>> rows, int[] widths, boolean header) {
      List<String> lines = new ArrayList<>();
      for (int r = 0; r < rows.size(); r++) {
        List<String> row = rows.get(r);
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
          String cell = i < row.size() ? row.get(i) : "";
          line.append(i == 0 ? "" : "  ").append(cell);
          if (i < widths.length - 1) {
            line.append(" ".repeat(widths[i] - length(cell)));
          }
        }
        String text = line.toString().stripTrailing();
        lines.add(r == 0 && header ? o.label().apply(text) : text);
        if (r == 0 && header) {
          StringBuilder rule = new StringBuilder();
          for (int i = 0; i < widths.length; i++) {
            rule.append(i == 0 ? "" : "  ").append("─".repeat(Math.max(1, widths[i])));
          }
          lines.add(rule.toString());
        }
      }
      return lines;
    }

    /** A table too wide for the terminal: each row a block of "header: value" lines. */
    private List<String> records(List<List<String>> rows, boolean header, int width) {
      List<String> names = header ? rows.get(0) : List.of();
      List<String> lines = new ArrayList<>();
      for (List<String> row : rows.subList(header ? 1 : 0, rows.size())) {
        if (!lines.isEmpty()) {
          lines.add("");
        }
        for (int i = 0; i < row.size(); i++) {
          String name = i < names.size() && !names.get(i).isBlank() ? names.get(i) : null;
          if (row.get(i).isBlank() && name == null) {
            continue;
          }
          if (name == null) {
            lines.addAll(wrap(row.get(i).strip(), width, inner(width, 2), "  "));
            continue;
          }
          List<String> wrapped =
              new ArrayList<>(wrap(name + ": " + row.get(i).strip(), width, inner(width, 2), "  "));
          // The label styled on the first line only; the wrap measured it plain.
          String first = wrapped.get(0);
          int colon = name.length() + 1;
          wrapped.set(
              0,
              first.length() >= colon
                  ? o.label().apply(first.substring(0, colon)) + first.substring(colon)
                  : first);
          lines.addAll(wrapped);
        }
      }
      return lines;
    }

    /** A cell on one line: its blocks joined by spaces. */
    private String cellText(Element cell) {
      List<String> lines = blocks(cell, 0, true);
      StringBuilder s = new StringBuilder();
      for (String line : lines) {
        if (!line.isBlank()) {
          s.append(s.length() == 0 ? "" : " ").append(line.strip());
        }
      }
      return s.toString();
    }

    private static int span(Element cell) {
      try {
        return Math.max(1, Math.min(64, Integer.parseInt(cell.attr("colspan").strip())));
      } catch (NumberFormatException e) {
        return 1;
      }
    }

    // ---------------------------------------------------------------- inline

    String inlineText(Element e) {
      StringBuilder s = new StringBuilder();
      for (Node n : e.childNodes()) {
        inline(n, s);
      }
      return s.toString();
    }

    /** Appends a node's text; a line break is '\n', other whitespace is collapsed later. */
    void inline(Node n, StringBuilder out) {
      if (n instanceof TextNode t) {
        out.append(t.getWholeText().replace('\n', ' '));
        return;
      }
      if (!(n instanceof Element e)) {
        return;
      }
      switch (name(e)) {
        case "br" -> out.append('\n');
        case "a" -> link(inlineText(e), e.attr("href"), out);
        case "ac:link" -> acLink(e, out);
        case "ac:image" -> out.append(image(e));
        case "ac:emoticon" -> {
          String fallback = e.attr("ac:emoji-fallback");
          out.append(fallback.isEmpty() ? ":" + e.attr("ac:name") + ":" : fallback);
        }
        case "time" -> out.append(e.attr("datetime"));
        case "ac:parameter", "ac:placeholder", "style", "script", "colgroup" -> {}
        case "ac:structured-macro", "ac:macro" -> inlineMacro(e, out);
        case "ac:task-id", "ac:task-uuid", "ac:task-status" -> {}
        default -> {
          if (isBlock(e)) {
            // A block where only text can stand (a list inside a heading): its text on new lines.
            for (String line : blocks(e, 0, true)) {
              out.append('\n').append(line);
            }
            out.append('\n');
          } else {
            for (Node c : e.childNodes()) {
              inline(c, out);
            }
          }
        }
      }
    }

    private void inlineMacro(Element e, StringBuilder out) {
      switch (macroName(e)) {
        case "status" -> {
          String title = parameter(e, "title");
          out.append("[").append(title == null || title.isBlank() ? "status" : title).append("]");
        }
        case "jira" -> {
          String key = parameter(e, "key");
          out.append(key == null ? "[jira]" : key);
        }
        case "anchor" -> {}
        default -> out.append(inlineText(e));
      }
    }

    private static void link(String text, String href, StringBuilder out) {
      String t = text.strip();
      String url = href == null ? "" : href.strip();
      if (url.isEmpty() || url.startsWith("#")) {
        out.append(text);
      } else if (t.isEmpty()) {
        out.append(url);
      } else if (same(t, url)) {
        out.append(text);
      } else {
        out.append(text).append(" (").append(url).append(")");
      }
    }

    private static boolean same(String text, String url) {
      String u = url.replaceFirst("^mailto:", "").replaceFirst("/$", "");
      String t = text.replaceFirst("/$", "");
      return t.equals(u) || t.equals(u.replaceFirst("^https?://", ""));
    }

    private void acLink(Element link, StringBuilder out) {
      Element body = child(link, "ac:plain-text-link-body");
      if (body == null) {
        body = child(link, "ac:link-body");
      }
      String shown = body == null ? "" : inlineText(body).strip();
      Element page = child(link, "ri:page");
      Element blog = child(link, "ri:blog-post");
      Element user = child(link, "ri:user");
      Element attachment = child(link, "ri:attachment");
      Element url = child(link, "ri:url");
      String target;
      if (page != null || blog != null) {
        Element p = page != null ? page : blog;
        target = p.attr("ri:content-title");
        String space = p.attr("ri:space-key");
        if (!space.isEmpty() && shown.isEmpty()) {
          target = space + ":" + target;
        }
      } else if (user != null) {
        String name = user.attr("ri:username");
        if (name.isEmpty()) {
          String id =
              user.hasAttr("ri:account-id") ? user.attr("ri:account-id") : user.attr("ri:userkey");
          name = id.isBlank() ? "user" : names.label(id.strip());
        }
        target = "@" + name;
      } else if (attachment != null) {
        target = attachment.attr("ri:filename");
      } else if (url != null) {
        link(shown, url.attr("ri:value"), out);
        return;
      } else {
        target = "";
      }
      String anchor = link.attr("ac:anchor");
      if (target.isEmpty() && !anchor.isEmpty()) {
        target = "#" + anchor;
      }
      if (shown.isEmpty() || shown.equals(target)) {
        out.append(target);
      } else if (user != null || target.isEmpty()) {
        out.append(shown);
      } else {
        out.append(shown).append(" (").append(target).append(")");
      }
    }

    private static String image(Element e) {
      String alt = e.attr("ac:alt").strip();
      Element attachment = child(e, "ri:attachment");
      Element url = child(e, "ri:url");
      String what =
          attachment != null
              ? attachment.attr("ri:filename")
              : url != null ? url.attr("ri:value") : "";
      if (!alt.isEmpty() && !what.isEmpty() && !alt.equals(what)) {
        return "[image: " + alt + " (" + what + ")]";
      }
      return "[image: " + (alt.isEmpty() ? what : alt) + "]";
    }

    // ---------------------------------------------------------------- wrapping

    /** Collapses whitespace (keeping line breaks) and wraps each line to {@code width}. */
    static List<String> wrapText(String text, int width) {
      List<String> lines = new ArrayList<>();
      String[] hard = text.split("\n", -1);
      for (String piece : hard) {
        String collapsed = SPACES.matcher(piece).replaceAll(" ").strip();
        if (collapsed.isEmpty()) {
          if (!lines.isEmpty()) {
            lines.add("");
          }
          continue;
        }
        lines.addAll(wrap(collapsed, width));
      }
      while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
        lines.remove(lines.size() - 1);
      }
      return lines;
    }

    /** Greedy word wrap; a word longer than the width (a URL) stays whole on its own line. */
    static List<String> wrap(String line, int width) {
      return wrap(line, width, width, "");
    }

    /**
     * As {@link #wrap(String, int)}, the first line {@code first} wide and the others {@code rest}
     * wide after {@code indent}.
     */
    static List<String> wrap(String line, int first, int rest, String indent) {
      if (first <= 0 || length(line) <= first) {
        return List.of(line);
      }
      List<String> lines = new ArrayList<>();
      StringBuilder cur = new StringBuilder();
      int curLen = 0;
      int width = first;
      for (String word : line.split(" ")) {
        int w = length(word);
        if (curLen > 0 && curLen + 1 + w > width) {
          lines.add((lines.isEmpty() ? "" : indent) + cur);
          cur.setLength(0);
          curLen = 0;
          width = rest;
        }
        if (curLen > 0) {
          cur.append(' ');
          curLen++;
        }
        cur.append(word);
        curLen += w;
      }
      if (curLen > 0) {
        lines.add((lines.isEmpty() ? "" : indent) + cur);
      }
      return lines;
    }

    // ---------------------------------------------------------------- helpers

    static List<String> prefixed(List<String> lines, String prefix) {
      List<String> out = new ArrayList<>(lines.size());
      String bare = prefix.stripTrailing();
      for (String line : lines) {
        out.add(line.isEmpty() ? bare : prefix + line);
      }
      return out;
    }

    static int inner(int width, int indent) {
      return width == 0 ? 0 : Math.max(10, width - indent);
    }

    static int length(String s) {
      return s.codePointCount(0, s.length());
    }

    static String name(Element e) {
      return e.tagName().toLowerCase(Locale.ROOT);
    }

    static String macroName(Element e) {
      return e.attr("ac:name").toLowerCase(Locale.ROOT);
    }

    static Element child(Element e, String name) {
      for (Element c : e.children()) {
        if (name(c).equals(name)) {
          return c;
        }
      }
      return null;
    }

    static String parameter(Element macro, String name) {
      for (Element c : macro.children()) {
        if (name(c).equals("ac:parameter") && c.attr("ac:name").equals(name)) {
          return c.text();
        }
      }
      return null;
    }

    /** All the text below an element, as written (code, preformatted text). */
    static String text(Element e) {
      StringBuilder s = new StringBuilder();
      for (Node n : e.childNodes()) {
        if (n instanceof TextNode t) {
          s.append(t.getWholeText());
        } else if (n instanceof Element c) {
          s.append(name(c).equals("br") ? "\n" : text(c));
        }
      }
      return s.toString();
    }
  }
}
