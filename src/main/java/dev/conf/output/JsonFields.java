package dev.conf.output;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conf.error.ConfException;
import dev.conf.util.Json;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The field names a command's {@code --json} prints, and the selection {@code --json a,b} makes of
 * them. The names come from the record a command prints (in its {@link JsonPropertyOrder}), so the
 * documented list and the printed JSON cannot drift apart.
 */
public final class JsonFields {
  private final List<String> names;
  private final String nested;

  private JsonFields(List<String> names, String nested) {
    this.names = List.copyOf(names);
    this.nested = nested;
  }

  public static JsonFields of(String... names) {
    return new JsonFields(List.of(names), null);
  }

  /** The components of a record, in its {@link JsonPropertyOrder} where it declares one. */
  public static JsonFields of(Class<? extends Record> type) {
    Set<String> ordered = new LinkedHashSet<>();
    JsonPropertyOrder order = type.getAnnotation(JsonPropertyOrder.class);
    if (order != null) {
      ordered.addAll(List.of(order.value()));
    }
    for (RecordComponent c : type.getRecordComponents()) {
      ordered.add(c.getName());
    }
    return new JsonFields(new ArrayList<>(ordered), null);
  }

  /**
   * These fields for a tree whose nodes hold their children in {@code field} (itself one of the
   * names): {@link #selectFrom} then selects on every node, and keeps {@code field} on each even
   * when it is not asked for (after the asked fields), so the selection never flattens the tree.
   */
  public JsonFields nestedIn(String field) {
    if (!names.contains(field)) {
      throw new IllegalArgumentException("not a field: " + field);
    }
    return new JsonFields(names, field);
  }

  public List<String> names() {
    return names;
  }

  public boolean contains(String name) {
    return names.contains(name);
  }

  /** Exit 2 naming the unknown field and listing the available ones. */
  public void validate(List<String> requested) {
    List<String> unknown = new ArrayList<>();
    for (String r : requested) {
      if (!names.contains(r)) {
        unknown.add(r);
      }
    }
    if (!unknown.isEmpty()) {
      throw ConfException.usage(
          (unknown.size() == 1 ? "unknown JSON field: " : "unknown JSON fields: ")
              + String.join(", ", unknown)
              + "\nAvailable fields:\n  "
              + String.join("\n  ", names));
    }
  }

  /**
   * The value as a JSON tree, selected as {@link #select(Object, List)} does; for fields made
   * {@link #nestedIn} a field, on every node of the tree.
   */
  public JsonNode selectFrom(Object value, List<String> selected) {
    if (nested == null || selected == null || selected.isEmpty()) {
      return select(value, selected);
    }
    List<String> withNested = new ArrayList<>(selected);
    if (!withNested.contains(nested)) {
      withNested.add(nested);
    }
    return pickNested(Json.mapper().valueToTree(value), withNested);
  }

  private JsonNode pickNested(JsonNode tree, List<String> selected) {
    if (tree.isArray()) {
      ArrayNode out = Json.mapper().createArrayNode();
      tree.forEach(item -> out.add(pickNested(item, selected)));
      return out;
    }
    if (!tree.isObject()) {
      return tree;
    }
    ObjectNode out = (ObjectNode) pickFields(tree, selected);
    JsonNode children = out.get(nested);
    if (children != null && children.isArray()) {
      out.set(nested, pickNested(children, selected));
    }
    return out;
  }

  /**
   * The value as a JSON tree; with {@code selected} non-empty, each object (or each object of an
   * array) keeps only those fields, in the order asked for, null when the value has none.
   */
  public static JsonNode select(Object value, List<String> selected) {
    JsonNode tree = Json.mapper().valueToTree(value);
    if (selected == null || selected.isEmpty()) {
      return tree;
    }
    if (tree.isArray()) {
      ArrayNode out = Json.mapper().createArrayNode();
      tree.forEach(item -> out.add(pickFields(item, selected)));
      return out;
    }
    return pickFields(tree, selected);
  }

  private static JsonNode pickFields(JsonNode item, List<String> selected) {
    if (!item.isObject()) {
      return item;
    }
    ObjectNode out = Json.mapper().createObjectNode();
    for (String field : selected) {
      JsonNode v = item.get(field);
      out.set(field, v == null ? Json.mapper().nullNode() : v);
    }
    return out;
  }
}
