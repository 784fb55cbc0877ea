package dev.conf.convert;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Markdown (CommonMark with GitHub's tables, task lists, strikethrough, autolinks and alerts) to
 * storage format. The output is well-formed XML once the {@code ac:}/{@code ri:} prefixes are
 * declared: every text is escaped, code goes into CDATA with {@code ]]>} split, and raw HTML is
 * either one of a few known tags or shown as text.
 */
public final class MarkdownToStorage {
  private static final List<Extension> EXTENSIONS =
      List.of(
          TablesExtension.create(),
          StrikethroughExtension.create(),
          TaskListItemsExtension.create(),
          AutolinkExtension.create());
  // Block source spans tell "[TOC]" from "\\[TOC\\]", which parse to the same text.
  private static final Parser PARSER =
      Parser.builder().extensions(EXTENSIONS).includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

  /** GitHub alert kind → the Confluence panel macro that looks most like it. */
  static final Map<String, String> ALERT_MACROS =
      Map.of(
          "NOTE", "info",
          "TIP", "tip",
          "IMPORTANT", "info",
          "WARNING", "note",
          "CAUTION", "warning");

  /** IMPORTANT shares the info panel with NOTE; GitHub titles it "Important", and so do we. */
  static final String IMPORTANT_TITLE = "Important";

  static final String STORAGE_FENCE_INFO = "confluence-storage";

  private static final Pattern ALERT = Pattern.compile("\\[!([A-Za-z]+)]\\s*");
  private static final Pattern SIMPLE_TAG =
      Pattern.compile("<(/?)(u|sub|sup|ins|kbd|em|strong|s|br)\\s*(/?)>", Pattern.CASE_INSENSITIVE);
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
  private static final Pattern INFO_PARAM =
      Pattern.compile("\\s*([A-Za-z][\\w-]*)=(?:\"([^\"]*)\"|(\\S+))");

  private MarkdownToStorage() {}

  /** Converts with {@link ConvertOptions#defaults()}. */
  public static StorageResult convert(String markdown) {
    return convert(markdown, ConvertOptions.defaults());
  }

  public static StorageResult convert(String markdown, ConvertOptions options) {
    String text = markdown.replace("\r\n", "\n").replace('\r', '\n');
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    FrontMatter.Split split = FrontMatter.split(text);
    Node document = PARSER.parse(split.body());
    Writer w = new Writer(options, split.body());
    w.document(document);
    return new StorageResult(
        w.out.toString(),
        split.meta(),
        new ArrayList<>(w.localImages),
        new ArrayList<>(w.pageLinks));
  }

  private static final class Writer {
    final ConvertOptions options;
    final StringBuilder out = new StringBuilder();
    final Set<String> localImages = new LinkedHashSet<>();
    final Set<String> pageLinks = new LinkedHashSet<>();
    int taskId;

    /** HTML tags from the Markdown that are open, so that the output stays balanced. */
    final ArrayDeque<String> openTags = new ArrayDeque<>();

    int scopeBase;

    final String source;

    Writer(ConvertOptions options, String source) {
      this.options = options;
      this.source = source;
    }

    /** The Markdown a block was parsed from, line by line; null when unknown. */
    List<String> sourceLines(Node block) {
      List<SourceSpan> spans = block.getSourceSpans();
      if (spans.isEmpty()) {
        return null;
      }
      List<String> lines = new ArrayList<>();
      for (SourceSpan span : spans) {
        int from = span.getInputIndex();
        lines.add(source.substring(from, Math.min(source.length(), from + span.getLength())));
      }
      return lines;
    }

    void document(Node document) {
      for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
        int before = out.length();
        block(n);
        if (out.length() > before) {
          out.append('\n');
        }
      }
    }

    void blocks(Node parent) {
      for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
        block(n);
      }
    }

    void block(Node n) {
      if (n instanceof Heading h) {
        out.append("<h").append(h.getLevel()).append('>');
        inlines(h);
        out.append("</h").append(h.getLevel()).append('>');
      } else if (n instanceof Paragraph p) {
        paragraph(p);
      } else if (n instanceof BlockQuote q) {
        blockQuote(q);
      } else if (n instanceof FencedCodeBlock f) {
        fencedCode(f);
      } else if (n instanceof IndentedCodeBlock c) {
        codeMacro(null, Map.of(), c.getLiteral());
      } else if (n instanceof HtmlBlock h) {
        htmlBlock(h.getLiteral());
      } else if (n instanceof ThematicBreak) {
        out.append("<hr/>");
      } else if (n instanceof BulletList b && isTaskList(b)) {
        taskList(b);
      } else if (n instanceof ListBlock l) {
        list(l);
      } else if (n instanceof TableBlock t) {
        table(t);
      } else if (n instanceof Document) {
        blocks(n);
      } else if (n instanceof TaskListItemMarker m && !(n.getNext() instanceof Paragraph)) {
        out.append(m.isChecked() ? "[x] " : "[ ] "); // in a list that is not all tasks
      }
      // Link reference definitions and other non-rendering nodes produce nothing.
    }

    void paragraph(Paragraph p) {
      if (isToc(p)) {
        out.append("<ac:structured-macro ac:name=\"toc\"/>");
        return;
      }
      boolean bare =
          p.getParent() instanceof ListItem item
              && item.getParent() instanceof ListBlock list
              && list.isTight();
      if (!bare) {
        out.append("<p>");
      }
      if (p.getPrevious() instanceof TaskListItemMarker m) {
        out.append(m.isChecked() ? "[x] " : "[ ] "); // in a list that is not all tasks
      }
      inlines(p);
      if (!bare) {
        out.append("</p>");
      }
    }

    boolean isToc(Paragraph p) {
      List<String> lines = sourceLines(p);
      if (lines == null || lines.size() != 1) {
        return false;
      }
      String raw = lines.get(0).strip();
      if (!raw.equalsIgnoreCase("[TOC]") && !raw.equals("[[_TOC_]]")) {
        return false;
      }
      StringBuilder sb = new StringBuilder();
      for (Node c = p.getFirstChild(); c != null; c = c.getNext()) {
        if (!(c instanceof Text t)) {
          return false;
        }
        sb.append(t.getLiteral());
      }
      String s = sb.toString().strip();
      return s.equalsIgnoreCase("[TOC]") || s.equals("[[_TOC_]]");
    }

    void blockQuote(BlockQuote q) {
      String kind = alertKind(q);
      if (kind == null) {
        out.append("<blockquote>");
        blocks(q);
        out.append("</blockquote>");
        return;
      }
      out.append("<ac:structured-macro ac:name=\"").append(ALERT_MACROS.get(kind)).append("\">");
      if (kind.equals("IMPORTANT")) {
        out.append("<ac:parameter ac:name=\"title\">")
            .append(IMPORTANT_TITLE)
            .append("</ac:parameter>");
      }
      out.append("<ac:rich-text-body>");
      Paragraph first = (Paragraph) q.getFirstChild();
      Node rest = first.getFirstChild();
      while (rest != null && !(rest instanceof SoftLineBreak || rest instanceof HardLineBreak)) {
        rest = rest.getNext();
      }
      if (rest != null && rest.getNext() != null) {
        out.append("<p>");
        for (Node c = rest.getNext(); c != null; c = c.getNext()) {
          inline(c);
        }
        out.append("</p>");
      }
      for (Node n = first.getNext(); n != null; n = n.getNext()) {
        block(n);
      }
      out.append("</ac:rich-text-body></ac:structured-macro>");
    }

    /** NOTE, TIP… when the quote starts with a line that is only {@code [!KIND]}, else null. */
    String alertKind(BlockQuote q) {
      if (!(q.getFirstChild() instanceof Paragraph p)) {
        return null;
      }
      List<String> lines = sourceLines(p);
      if (lines == null || !ALERT.matcher(lines.get(0).strip()).matches()) {
        return null; // e.g. an escaped "\\[!NOTE\\]"
      }
      StringBuilder sb = new StringBuilder();
      for (Node c = p.getFirstChild(); c != null; c = c.getNext()) {
        if (c instanceof SoftLineBreak || c instanceof HardLineBreak) {
          break;
        }
        if (!(c instanceof Text t)) {
          return null;
        }
        sb.append(t.getLiteral());
      }
      Matcher m = ALERT.matcher(sb.toString());
      if (!m.matches()) {
        return null;
      }
      String kind = m.group(1).toUpperCase(Locale.ROOT);
      return ALERT_MACROS.containsKey(kind) ? kind : null;
    }

    void fencedCode(FencedCodeBlock f) {
      String info = f.getInfo() == null ? "" : f.getInfo().strip();
      String literal = f.getLiteral();
      if (info.equals(STORAGE_FENCE_INFO)) {
        // Storage kept verbatim by StorageToMarkdown: give it back exactly.
        out.append(literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal);
        return;
      }
      String language = null;
      Map<String, String> params = new LinkedHashMap<>();
      if (!info.isEmpty()) {
        int space = indexOfWhitespace(info);
        language = space < 0 ? info : info.substring(0, space);
        String rest = space < 0 ? "" : info.substring(space);
        Matcher m = INFO_PARAM.matcher(rest);
        int end = 0;
        while (m.lookingAt()) {
          params.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
          end = m.end();
          m.region(end, rest.length());
        }
        if (!rest.substring(end).isBlank()) {
          // Not key=value pairs (e.g. "sh title A b"): GitHub reads only the first word too.
          params.clear();
        }
      }
      codeMacro(language, params, literal);
    }

    static int indexOfWhitespace(String s) {
      for (int i = 0; i < s.length(); i++) {
        if (Character.isWhitespace(s.charAt(i))) {
          return i;
        }
      }
      return -1;
    }

    void codeMacro(String language, Map<String, String> params, String literal) {
      String body = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
      out.append("<ac:structured-macro ac:name=\"code\">");
      if (language != null && !language.isEmpty()) {
        options.codeLanguage().apply(language).ifPresent(l -> parameter("language", l));
      }
      params.forEach(this::parameter);
      out.append("<ac:plain-text-body>").append(Xml.cdata(body)).append("</ac:plain-text-body>");
      out.append("</ac:structured-macro>");
    }

    void parameter(String name, String value) {
      out.append("<ac:parameter ac:name=\"")
          .append(Xml.attr(name))
          .append("\">")
          .append(Xml.text(value))
          .append("</ac:parameter>");
    }

    void htmlBlock(String html) {
      String s = html.strip();
      if (s.startsWith("<!--")) {
        return; // An author's comment: not page content.
      }
      if (s.matches("(?i)<br\\s*/?>")) {
        out.append("<br/>");
        return;
      }
      // Arbitrary HTML is not storage format; show it as text rather than risk ill-formed output.
      out.append("<p>").append(Xml.text(s).replace("\n", "<br/>")).append("</p>");
    }

    boolean isTaskList(BulletList list) {
      for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
        if (marker(item) == null) {
          return false;
        }
      }
      return list.getFirstChild() != null;
    }

    static TaskListItemMarker marker(Node item) {
      Node first = item.getFirstChild();
      if (first instanceof TaskListItemMarker m) {
        return m;
      }
      if (first instanceof Paragraph p && p.getFirstChild() instanceof TaskListItemMarker m) {
        return m;
      }
      return null;
    }

    void taskList(BulletList list) {
      out.append("<ac:task-list>");
      for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
        out.append("<ac:task><ac:task-id>").append(++taskId).append("</ac:task-id>");
        out.append("<ac:task-status>")
            .append(marker(item).isChecked() ? "complete" : "incomplete")
            .append("</ac:task-status><ac:task-body>");
        List<BulletList> subtasks = new ArrayList<>();
        for (Node n = item.getFirstChild(); n != null; n = n.getNext()) {
          if (n instanceof TaskListItemMarker) {
            continue; // it became the status
          }
          if (n instanceof Paragraph p && (n == item.getFirstChild() || isFirstAfterMarker(n))) {
            inlines(p); // the task's own text, inline as Confluence writes it
          } else if (n instanceof BulletList b && isTaskList(b)) {
            subtasks.add(b);
          } else {
            block(n);
          }
        }
        out.append("</ac:task-body></ac:task>");
        // Confluence nests a task list in the outer list, right after the task it belongs to.
        subtasks.forEach(this::taskList);
      }
      out.append("</ac:task-list>");
    }

    static boolean isFirstAfterMarker(Node n) {
      return n.getPrevious() instanceof TaskListItemMarker && n.getPrevious().getPrevious() == null;
    }

    void list(ListBlock l) {
      if (l instanceof OrderedList o) {
        Integer start = o.getMarkerStartNumber();
        out.append(start != null && start != 1 ? "<ol start=\"" + start + "\">" : "<ol>");
      } else {
        out.append("<ul>");
      }
      for (Node item = l.getFirstChild(); item != null; item = item.getNext()) {
        out.append("<li>");
        blocks(item);
        out.append("</li>");
      }
      out.append(l instanceof OrderedList ? "</ol>" : "</ul>");
    }

    void table(TableBlock t) {
      out.append("<table><tbody>");
      for (Node section = t.getFirstChild(); section != null; section = section.getNext()) {
        for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
          if (!(row instanceof TableRow)) {
            continue;
          }
          out.append("<tr>");
          for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
            TableCell cell = (TableCell) c;
            String tag = cell.isHeader() ? "th" : "td";
            out.append('<').append(tag);
            if (cell.getAlignment() != null) {
              out.append(" style=\"text-align: ")
                  .append(cell.getAlignment().name().toLowerCase(Locale.ROOT))
                  .append(";\"");
            }
            out.append('>');
            inlines(cell);
            out.append("</").append(tag).append('>');
          }
          out.append("</tr>");
        }
      }
      out.append("</tbody></table>");
    }

    /**
     * The inline content of a node. HTML tags opened in it are closed by its end, and closing tags
     * opened outside it are ignored: Markdown may nest {@code <u>} and {@code *} any way, XML may
     * not.
     */
    void inlines(Node parent) {
      int outerBase = scopeBase;
      scopeBase = openTags.size();
      for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
        inline(n);
      }
      while (openTags.size() > scopeBase) {
        out.append("</").append(openTags.pop()).append('>');
      }
      scopeBase = outerBase;
    }

    void inline(Node n) {
      if (n instanceof Text t) {
        out.append(Xml.text(t.getLiteral()));
      } else if (n instanceof Code c) {
        out.append("<code>").append(Xml.text(c.getLiteral())).append("</code>");
      } else if (n instanceof StrongEmphasis) {
        wrap("strong", n);
      } else if (n instanceof Emphasis) {
        wrap("em", n);
      } else if (n instanceof Strikethrough) {
        wrap("s", n);
      } else if (n instanceof SoftLineBreak) {
        out.append('\n');
      } else if (n instanceof HardLineBreak) {
        out.append("<br/>");
      } else if (n instanceof Link l) {
        link(l);
      } else if (n instanceof Image i) {
        image(i);
      } else if (n instanceof HtmlInline h) {
        htmlInline(h.getLiteral());
      } else if (n instanceof TaskListItemMarker m) {
        out.append(m.isChecked() ? "[x] " : "[ ] ");
      } else {
        inlines(n);
      }
    }

    void wrap(String tag, Node n) {
      out.append('<').append(tag).append('>');
      inlines(n);
      out.append("</").append(tag).append('>');
    }

    void htmlInline(String html) {
      Matcher m = SIMPLE_TAG.matcher(html);
      if (m.matches()) {
        simpleTag(m);
      } else if (!html.startsWith("<!--")) {
        out.append(Xml.text(html));
      }
    }

    void simpleTag(Matcher m) {
      String name = m.group(2).toLowerCase(Locale.ROOT);
      if (name.equals("br")) {
        out.append("<br/>");
      } else if (m.group(1).isEmpty()) {
        if (!m.group(3).isEmpty()) {
          return; // <u/>: an empty element, nothing to show
        }
        out.append('<').append(name).append('>');
        openTags.push(name);
      } else {
        int depth = 0;
        for (String open : openTags) {
          if (depth >= openTags.size() - scopeBase) {
            return; // not opened in this scope
          }
          depth++;
          if (open.equals(name)) {
            for (int i = 0; i < depth; i++) {
              out.append("</").append(openTags.pop()).append('>');
            }
            return;
          }
        }
      }
    }

    void link(Link l) {
      String dest = l.getDestination();
      Optional<ConfLinks.Target> conf = ConfLinks.parse(dest);
      if (conf.isPresent()) {
        confLink(l, conf.get());
        return;
      }
      if (!isExternal(dest) && !dest.startsWith("#") && !dest.isEmpty()) {
        int hash = dest.indexOf('#');
        String path = ConfLinks.decode(hash < 0 ? dest : dest.substring(0, hash));
        String anchor = hash < 0 ? null : ConfLinks.decode(dest.substring(hash + 1));
        Optional<String> title = options.pageForLink().apply(path);
        if (title.isPresent()) {
          pageLinks.add(path);
          pageLink(new PageRef(null, title.get()), anchor, l);
          return;
        }
      }
      out.append("<a href=\"").append(Xml.attr(dest)).append('"');
      if (l.getTitle() != null && !l.getTitle().isEmpty()) {
        out.append(" title=\"").append(Xml.attr(l.getTitle())).append('"');
      }
      out.append('>');
      inlines(l);
      out.append("</a>");
    }

    void confLink(Link l, ConfLinks.Target t) {
      switch (t.kind()) {
        case "storage" -> out.append(t.get("xml") == null ? "" : t.get("xml"));
        case "page" -> {
          if (t.get("title") == null) {
            inlines(l);
          } else {
            pageLink(new PageRef(t.get("space"), t.get("title")), t.get("anchor"), l);
          }
        }
        case "user" -> {
          out.append("<ac:link><ri:user");
          for (String key : List.of("account-id", "userkey", "username")) {
            if (t.get(key) != null) {
              out.append(" ri:").append(key).append("=\"").append(Xml.attr(t.get(key))).append('"');
            }
          }
          out.append("/></ac:link>");
        }
        case "attachment" -> {
          out.append("<ac:link><ri:attachment ri:filename=\"")
              .append(Xml.attr(t.get("filename") == null ? "" : t.get("filename")))
              .append("\"/>");
          linkBody(l);
          out.append("</ac:link>");
        }
        default -> inlines(l);
      }
    }

    void pageLink(PageRef page, String anchor, Link l) {
      out.append("<ac:link");
      if (anchor != null && !anchor.isEmpty()) {
        out.append(" ac:anchor=\"").append(Xml.attr(anchor)).append('"');
      }
      out.append("><ri:page");
      if (page.spaceKey() != null) {
        out.append(" ri:space-key=\"").append(Xml.attr(page.spaceKey())).append('"');
      }
      out.append(" ri:content-title=\"").append(Xml.attr(page.title())).append("\"/>");
      linkBody(l);
      out.append("</ac:link>");
    }

    /** Plain text goes in a CDATA link body, formatted text in a rich one; none when empty. */
    void linkBody(Link l) {
      if (l.getFirstChild() == null) {
        return;
      }
      boolean plain = true;
      for (Node c = l.getFirstChild(); c != null; c = c.getNext()) {
        plain &= c instanceof Text;
      }
      if (plain) {
        out.append("<ac:plain-text-link-body>")
            .append(Xml.cdata(plainText(l)))
            .append("</ac:plain-text-link-body>");
      } else {
        out.append("<ac:link-body>");
        inlines(l);
        out.append("</ac:link-body>");
      }
    }

    void image(Image i) {
      String dest = i.getDestination();
      String alt = plainText(i);
      out.append("<ac:image");
      if (!alt.isEmpty()) {
        out.append(" ac:alt=\"").append(Xml.attr(alt)).append('"');
      }
      if (i.getTitle() != null && !i.getTitle().isEmpty()) {
        out.append(" ac:title=\"").append(Xml.attr(i.getTitle())).append('"');
      }
      out.append('>');
      Optional<ConfLinks.Target> conf = ConfLinks.parse(dest);
      if (conf.isPresent() && conf.get().kind().equals("attachment")) {
        attachment(conf.get().get("filename"));
      } else if (isExternal(dest)) {
        out.append("<ri:url ri:value=\"").append(Xml.attr(dest)).append("\"/>");
      } else {
        int hash = dest.indexOf('#');
        String path = ConfLinks.decode(hash < 0 ? dest : dest.substring(0, hash));
        localImages.add(path);
        attachment(options.attachmentForImage().apply(path));
      }
      out.append("</ac:image>");
    }

    void attachment(String filename) {
      out.append("<ri:attachment ri:filename=\"")
          .append(Xml.attr(filename == null ? "" : filename))
          .append("\"/>");
    }

    static boolean isExternal(String dest) {
      return SCHEME.matcher(dest).find() || dest.startsWith("//");
    }

    static String plainText(Node n) {
      StringBuilder sb = new StringBuilder();
      collectText(n, sb);
      return sb.toString();
    }

    static void collectText(Node n, StringBuilder sb) {
      for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
        if (c instanceof Text t) {
          sb.append(t.getLiteral());
        } else if (c instanceof Code code) {
          sb.append(code.getLiteral());
        } else if (c instanceof SoftLineBreak || c instanceof HardLineBreak) {
          sb.append(' ');
        } else {
          collectText(c, sb);
        }
      }
    }
  }
}
