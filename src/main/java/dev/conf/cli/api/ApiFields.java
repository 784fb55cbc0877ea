package dev.conf.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code -f key=value} and {@code -F key=value} as {@code gh api} reads them. {@code -f} values are
 * strings; {@code -F} values {@code true}, {@code false}, {@code null} and integers become JSON
 * literals, and {@code @file} ({@code @-} for stdin) is the file's text. Keys nest: {@code
 * body[storage][value]=...} builds objects, {@code labels[]=a} appends to an array.
 */
final class ApiFields {
  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");

  /** One field, its value already typed. */
  record Field(String key, JsonNode value) {
    /** The value as a query parameter: strings as they are, other values as JSON text. */
    String asText() {
      return value.isTextual() ? value.asText() : value.toString();
    }
  }

  private ApiFields() {}

  static Field parse(String arg, boolean typed, Supplier<String> stdin) {
    int eq = arg.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException("field '" + arg + "' is not key=value");
    }
    String key = arg.substring(0, eq);
    String value = arg.substring(eq + 1);
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (!typed) {
      return new Field(key, f.textNode(value));
    }
    if (value.startsWith("@")) {
      return new Field(key, f.textNode(read(value.substring(1), stdin)));
    }
    return switch (value) {
      case "true" -> new Field(key, f.booleanNode(true));
      case "false" -> new Field(key, f.booleanNode(false));
      case "null" -> new Field(key, f.nullNode());
      default ->
          INTEGER.matcher(value).matches()
              ? new Field(key, f.numberNode(Long.parseLong(value)))
              : new Field(key, f.textNode(value));
    };
  }

  private static String read(String file, Supplier<String> stdin) {
    if (file.equals("-")) {
      return stdin.get();
    }
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw dev.conf.error.ConfException.usage(
          "cannot read " + file + ": it is not UTF-8 text (send binary data with --input)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The fields as one JSON object, nesting bracketed keys. */
  static ObjectNode body(List<Field> fields) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    for (Field field : fields) {
      List<String> path = keyPath(field.key());
      JsonNode node = root;
      for (int i = 0; i < path.size(); i++) {
        String part = path.get(i);
        boolean last = i == path.size() - 1;
        String nextPart = last ? null : path.get(i + 1);
        if (node instanceof ObjectNode obj) {
          if (last) {
            obj.set(part, field.value());
          } else {
            JsonNode child = obj.get(part);
            if (child == null || !child.isContainerNode()) {
              child = nextPart.isEmpty() ? obj.putArray(part) : obj.putObject(part);
            }
            node = child;
          }
        } else if (node instanceof ArrayNode arr) {
          // "[]": append; a further level goes into a new object (key[][name]=x).
          if (last) {
            arr.add(field.value());
          } else {
            node = nextPart.isEmpty() ? arr.addArray() : arr.addObject();
          }
        }
      }
    }
    return root;
  }

  /** {@code a[b][]} → [a, b, ""]. */
  static List<String> keyPath(String key) {
    List<String> parts = new ArrayList<>();
    int open = key.indexOf('[');
    if (open < 0 || !key.endsWith("]")) {
      parts.add(key);
      return parts;
    }
    parts.add(key.substring(0, open));
    String rest = key.substring(open);
    while (!rest.isEmpty()) {
      int close = rest.indexOf(']');
      if (!rest.startsWith("[") || close < 0) {
        throw new IllegalArgumentException("field key '" + key + "' has unbalanced brackets");
      }
      parts.add(rest.substring(1, close));
      rest = rest.substring(close + 1);
    }
    return parts;
  }
}
