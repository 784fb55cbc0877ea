package dev.conf.convert;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Markdown file's YAML front matter: metadata for the page, never part of its body.
 *
 * <p>Only the subset of YAML that front matter uses is read: {@code key: value} with plain, single-
 * or double-quoted scalars, flow lists ({@code [a, b]}) and block lists ({@code - a}). {@code
 * labels} may also be a comma-separated scalar.
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

  static FrontMatter parse(List<String> lines) {
    Map<String, Object> raw = new LinkedHashMap<>();
    String listKey = null;
    for (String line : lines) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      if (listKey != null && (trimmed.equals("-") || trimmed.startsWith("- "))) {
        @SuppressWarnings("unchecked")
        List<String> list = (List<String>) raw.get(listKey);
        list.add(scalar(trimmed.substring(1).strip()));
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || Character.isWhitespace(line.charAt(0))) {
        continue;
      }
      String key = line.substring(0, colon).strip();
      String value = stripComment(line.substring(colon + 1).strip());
      listKey = null;
      if (value.isEmpty()) {
        raw.put(key, new ArrayList<String>());
        listKey = key;
      } else if (value.startsWith("[") && value.endsWith("]")) {
        List<String> list = new ArrayList<>();
        for (String item : value.substring(1, value.length() - 1).split(",")) {
          if (!item.isBlank()) {
            list.add(scalar(item.strip()));
          }
        }
        raw.put(key, list);
      } else {
        raw.put(key, scalar(value));
      }
    }
    raw.replaceAll((k, v) -> v instanceof List<?> l ? List.copyOf(l) : v);
    return new FrontMatter(
        string(raw.get("title")), labels(raw.get("labels")), string(raw.get("parent")), raw);
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

  private static String scalar(String v) {
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      StringBuilder sb = new StringBuilder();
      for (int i = 1; i < v.length() - 1; i++) {
        char c = v.charAt(i);
        if (c == '\\' && i + 1 < v.length() - 1) {
          char n = v.charAt(++i);
          sb.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
        } else {
          sb.append(c);
        }
      }
      return sb.toString();
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
