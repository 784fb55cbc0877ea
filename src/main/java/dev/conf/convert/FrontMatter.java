package dev.conf.convert;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.parser.Parser;

/**
 * A Markdown file's YAML front matter: metadata for the page, never part of its body.
 *
 * <p>Only the subset of YAML that front matter uses is read, with commonmark's front matter
 * extension: {@code key: value} with plain, single- or double-quoted scalars, {@code |} literal
 * blocks, flow lists ({@code [a, b]}) and block lists ({@code - a}); {@code #} comments; nested
 * maps are skipped. {@code labels} may also be a comma-separated scalar.
 *
 * @param title the page title, or null
 * @param labels the page's labels, possibly empty
 * @param parent the parent page's title, or null
 * @param raw every key, in file order: a String or a List of Strings
 */
public record FrontMatter(
    String title, List<String> labels, String parent, Map<String, Object> raw) {
  public static final FrontMatter EMPTY = new FrontMatter(null, List.of(), null, Map.of());

  public FrontMatter {
    labels = List.copyOf(labels);
    raw = Collections.unmodifiableMap(new LinkedHashMap<>(raw));
  }

  public boolean isEmpty() {
    return raw.isEmpty();
  }

  /** A document split into its front matter and the Markdown after it. */
  record Split(FrontMatter meta, String body) {}

  /** Splits off a leading {@code ---} … {@code ---} block; without one the text is all body. */
  static Split split(String text) {
    if (!text.startsWith("---\n")) {
      return new Split(EMPTY, text);
    }
    int pos = 4;
    List<String> lines = new ArrayList<>();
    while (pos <= text.length()) {
      int nl = text.indexOf('\n', pos);
      String line = nl < 0 ? text.substring(pos) : text.substring(pos, nl);
      if (line.strip().equals("---") || line.strip().equals("...")) {
        return new Split(parse(lines), nl < 0 ? "" : text.substring(nl + 1));
      }
      lines.add(line);
      if (nl < 0) {
        break;
      }
      pos = nl + 1;
    }
    return new Split(EMPTY, text);
  }

  private static final Parser YAML =
      Parser.builder().extensions(List.of(YamlFrontMatterExtension.create())).build();

  /** A top-level key line, as the extension reads keys (no indent here: indented keys nest). */
  private static final Pattern KEY = Pattern.compile("([A-Za-z0-9._-]+):(?:\\s+(.*))?");

  private static final Pattern ITEM = Pattern.compile("(\\s*)-(?:\\s+(.*))?");

  /**
   * Reads the block's lines with commonmark's YAML front matter extension (keys, block lists,
   * {@code |} literals, quoted scalars). What it leaves to the caller is done around it: comments
   * are cut and first-column list items indented before, flow lists ({@code [a, b]}) split and
   * one-line values told from one-item lists after.
   */
  static FrontMatter parse(List<String> lines) {
    StringBuilder block = new StringBuilder("---\n");
    Set<String> inline = new HashSet<>();
    boolean literal = false;
    for (String line : lines) {
      Matcher key = KEY.matcher(line);
      Matcher item = ITEM.matcher(line);
      if (key.matches()) {
        String value = key.group(2) == null ? "" : stripComment(key.group(2).strip());
        literal = value.equals("|");
        if (!value.isEmpty()) {
          inline.add(key.group(1));
        }
        block.append(key.group(1)).append(": ").append(value).append('\n');
      } else if (literal && !line.isBlank() && Character.isWhitespace(line.charAt(0))) {
        block.append(line).append('\n');
      } else if (item.matches()) {
        literal = false;
        String value = item.group(2) == null ? "" : stripComment(item.group(2).strip());
        block.append("  - ").append(value).append('\n');
      } else {
        literal = false;
      }
    }
    YamlFrontMatterVisitor visitor = new YamlFrontMatterVisitor();
    YAML.parse(block.append("---\n").toString()).accept(visitor);
    Map<String, Object> raw = new LinkedHashMap<>();
    visitor
        .getData()
        .forEach(
            (k, values) -> raw.put(k, inline.contains(k) ? value(values) : List.copyOf(values)));
    return new FrontMatter(
        string(raw.get("title")), labels(raw.get("labels")), string(raw.get("parent")), raw);
  }

  /** A one-line value: a flow list, or the scalar the extension unquoted. */
  private static Object value(List<String> values) {
    String v = values.isEmpty() ? "" : values.get(0);
    if (!(v.startsWith("[") && v.endsWith("]"))) {
      return v;
    }
    List<String> list = new ArrayList<>();
    for (String item : v.substring(1, v.length() - 1).split(",")) {
      if (!item.isBlank()) {
        list.add(unquote(item.strip()));
      }
    }
    return List.copyOf(list);
  }

  /** The front matter as a YAML block for the top of a Markdown file, or "" when empty. */
  public String toMarkdown() {
    if (raw.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("---\n");
    raw.forEach(
        (k, v) -> {
          sb.append(k).append(':');
          if (v instanceof List<?> list) {
            sb.append(" [");
            for (int i = 0; i < list.size(); i++) {
              sb.append(i == 0 ? "" : ", ").append(quote(String.valueOf(list.get(i))));
            }
            sb.append(']');
          } else if (String.valueOf(v).contains("\n")) {
            // A literal block: the front matter reader has no escapes for a line break.
            sb.append(" |");
            String.valueOf(v).lines().forEach(line -> sb.append("\n  ").append(line));
          } else {
            sb.append(' ').append(quote(String.valueOf(v)));
          }
          sb.append('\n');
        });
    return sb.append("---\n").toString();
  }

  /** Front matter with these values (null or empty ones left out), keys in this order. */
  public static FrontMatter of(String title, List<String> labels, String parent) {
    Map<String, Object> raw = new LinkedHashMap<>();
    if (title != null) {
      raw.put("title", title);
    }
    if (labels != null && !labels.isEmpty()) {
      raw.put("labels", List.copyOf(labels));
    }
    if (parent != null) {
      raw.put("parent", parent);
    }
    return new FrontMatter(title, labels == null ? List.of() : labels, parent, raw);
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String stripComment(String value) {
    if (value.startsWith("\"") || value.startsWith("'")) {
      return value;
    }
    int hash = value.indexOf(" #");
    return hash < 0 ? value : value.substring(0, hash).strip();
  }

  /** A flow list's item, unquoted as the extension unquotes a value. */
  private static String unquote(String v) {
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      return v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
      return v.substring(1, v.length() - 1).replace("''", "'");
    }
    return v;
  }

  private static String string(Object v) {
    return v instanceof String s && !s.isEmpty() ? s : null;
  }

  private static List<String> labels(Object v) {
    if (v instanceof List<?> list) {
      List<String> out = new ArrayList<>();
      list.forEach(x -> out.add(String.valueOf(x)));
      return out;
    }
    if (v instanceof String s) {
      List<String> out = new ArrayList<>();
      for (String part : s.split("[,\\s]+")) {
        if (!part.isEmpty()) {
          out.add(part);
        }
      }
      return out;
    }
    return List.of();
  }
}
