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

  private JsonFields(List<String> names) {
    this.names = List.copyOf(names);
  }

  public static JsonFields of(String... names) {
    return new JsonFields(List.of(names));
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
    return new JsonFields(new ArrayList<>(ordered));
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
      tree.forEach(item -> out.add(pick(item, selected)));
      return out;
    }
    return pick(tree, selected);
  }

  private static JsonNode pick(JsonNode item, List<String> selected) {
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
