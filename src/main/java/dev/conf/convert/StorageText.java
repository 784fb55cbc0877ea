package dev.conf.convert;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Confluence storage format (XHTML with {@code ac:}/{@code ri:} elements) to plain text, for
 * reading in a terminal: block elements become line breaks, list items get a bullet, table cells a
 * tab, macro parameters and CDATA-less markup disappear, entities are decoded. Not a renderer: the
 * aim is readable text and greppable output.
 */
public final class StorageText {
  private StorageText() {}

  private static final Pattern TOKEN =
      Pattern.compile(
          "<!\\[CDATA\\[(.*?)]]>|<!--.*?-->|<(/?)([A-Za-z][\\w:.-]*)([^>]*?)(/?)>|([^<]+)",
          Pattern.DOTALL);
  private static final Set<String> BLOCK =
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
          "tr",
          "pre",
          "blockquote",
          "hr",
          "ac:structured-macro",
          "ac:layout-section",
          "ac:layout-cell",
          "ac:task-list",
          "ac:task");
  private static final Set<String> SKIP = Set.of("ac:parameter", "style", "script");
  private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#\\d+|[a-zA-Z]+);");
  private static final Map<String, String> NAMED =
      Map.ofEntries(
          Map.entry("amp", "&"),
          Map.entry("lt", "<"),
          Map.entry("gt", ">"),
          Map.entry("quot", "\""),
          Map.entry("apos", "'"),
          Map.entry("nbsp", " "),
          Map.entry("ndash", "–"),
          Map.entry("mdash", "—"),
          Map.entry("hellip", "…"),
          Map.entry("rsquo", "’"),
          Map.entry("lsquo", "‘"),
          Map.entry("rdquo", "”"),
          Map.entry("ldquo", "“"),
          Map.entry("copy", "©"));

  private static final Pattern TASK_ID =
      Pattern.compile("<ac:task-id>.*?</ac:task-id>", Pattern.DOTALL);
  private static final Pattern TASK_STATUS =
      Pattern.compile("<ac:task-status>\\s*(complete|incomplete)\\s*</ac:task-status>");
  private static final Pattern BARE_PAGE_LINK =
      Pattern.compile(
          "<ac:link(?:\\s[^>]*)?>\\s*<ri:page\\s[^>]*?ri:content-title=\"([^\"]*)\"[^>]*/>\\s*</ac:link>");

  /**
   * A bare mention: {@code <ac:link><ri:user ri:account-id="..."/></ac:link>} (or {@code
   * ri:userkey}, {@code ri:username}); one with a link body keeps its body's text.
   */
  private static final Pattern BARE_MENTION =
      Pattern.compile(
          "<ac:link(?:\\s[^>]*)?>\\s*<ri:user\\s[^>]*?ri:(account-id|userkey|username)\\s*=\\s*\"([^\"]*)\"[^>]*/>\\s*</ac:link>");

  public static String toText(String storage) {
    return toText(storage, Mentions.NONE);
  }

  /** As {@link #toText(String)}, mentions shown as {@code @Display Name} where names knows them. */
  public static String toText(String storage, Mentions names) {
    if (storage == null || storage.isEmpty()) {
      return "";
    }
    if (storage.indexOf("<ri:user") >= 0) {
      storage =
          BARE_MENTION
              .matcher(storage)
              .replaceAll(
                  m -> {
                    String id = decode(m.group(2));
                    String shown = m.group(1).equals("username") ? id : names.label(id);
                    return Matcher.quoteReplacement("@" + Xml.text(shown));
                  });
    }
    // Elements whose meaning is in an attribute or a keyword, made into the text a reader expects.
    storage = TASK_ID.matcher(storage).replaceAll("");
    storage =
        TASK_STATUS
            .matcher(storage)
            .replaceAll(m -> m.group(1).equals("complete") ? "[x] " : "[ ] ");
    storage = BARE_PAGE_LINK.matcher(storage).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    StringBuilder out = new StringBuilder();
    int skipping = 0;
    boolean inPre = false;
    Matcher m = TOKEN.matcher(storage);
    while (m.find()) {
      if (m.group(1) != null) {
        if (skipping == 0) {
          out.append(m.group(1));
        }
        continue;
      }
      if (m.group(6) != null) {
        if (skipping == 0) {
          String text = decode(m.group(6));
          out.append(inPre ? text : text.replaceAll("\\s+", " "));
        }
        continue;
      }
      if (m.group(3) == null) {
        continue; // a comment
      }
      boolean closing = !m.group(2).isEmpty();
      boolean selfClosing = !m.group(5).isEmpty();
      String name = m.group(3).toLowerCase(Locale.ROOT);
      if (SKIP.contains(name)) {
        if (!selfClosing) {
          skipping += closing ? -1 : 1;
          skipping = Math.max(skipping, 0);
        }
        continue;
      }
      if (skipping > 0) {
        continue;
      }
      switch (name) {
        case "br" -> out.append('\n');
        case "li" -> {
          if (!closing) {
            newline(out);
            out.append("• ");
          }
        }
        case "td", "th" -> {
          if (!closing && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\t');
          }
        }
        case "pre", "ac:plain-text-body" -> {
          inPre = !closing;
          newline(out);
        }
        default -> {
          if (BLOCK.contains(name)) {
            newline(out);
          }
        }
      }
    }
    return tidy(out.toString());
  }

  private static void newline(StringBuilder out) {
    if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
      out.append('\n');
    }
  }

  private static String tidy(String s) {
    StringBuilder out = new StringBuilder();
    for (String line : s.split("\n", -1)) {
      String l = line.stripTrailing();
      if (l.startsWith(" ") && !l.isBlank()) {
        l = l.stripLeading();
      }
      out.append(l).append('\n');
    }
    return out.toString().replaceAll("\n{3,}", "\n\n").strip() + "\n";
  }

  static String decode(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    Matcher m = ENTITY.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String e = m.group(1);
      String r;
      if (e.startsWith("#x") || e.startsWith("#X")) {
        r = new String(Character.toChars(Integer.parseInt(e.substring(2), 16)));
      } else if (e.startsWith("#")) {
        r = new String(Character.toChars(Integer.parseInt(e.substring(1))));
      } else {
        r = NAMED.getOrDefault(e, m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(r));
    }
    m.appendTail(out);
    return out.toString();
  }
}
