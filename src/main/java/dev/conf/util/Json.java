package dev.conf.util;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * JSON for the whole process: a tree reader for responses and files, and the one ObjectMapper for
 * everything else, each built on first use.
 *
 * <p>Why a reader of its own: {@code new ObjectMapper()} and its first {@code readTree} load about
 * 300 classes (serializer and deserializer factories, type introspection) that a command which only
 * reads a response and prints a table never uses; in a fresh JVM that is 30–40 ms of a 0.45 s
 * {@code conf page view} (docs/performance.md). {@link #parse} builds the same tree with
 * jackson-core's streaming parser and {@link JsonNodeFactory}; the mapper stays for writing request
 * bodies, {@code --json} output and {@code --jq}.
 */
public final class Json {
  private Json() {}

  private static final class Holder {
    static final ObjectMapper MAPPER =
        new ObjectMapper()
            // Real Confluence responses carry fields the OpenAPI documents do not list.
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);
  }

  private static final class Factory {
    static final JsonFactory JSON = new JsonFactory();
  }

  public static ObjectMapper mapper() {
    return Holder.MAPPER;
  }

  /** The node for "no value": what a 204 or an empty body reads as. */
  public static JsonNode missing() {
    return MissingNode.getInstance();
  }

  /**
   * One JSON document, as a tree equal to what {@code ObjectMapper.readTree} gives (same node
   * types); {@link #missing()} for an empty input.
   *
   * @throws JsonParseException when it is not JSON (a {@code JsonProcessingException})
   */
  public static JsonNode parse(InputStream in) throws IOException {
    try (JsonParser p = Factory.JSON.createParser(in)) {
      return read(p);
    }
  }

  /** {@link #parse(InputStream)} for a string. */
  public static JsonNode parse(String text) throws IOException {
    try (JsonParser p = Factory.JSON.createParser(text)) {
      return read(p);
    }
  }

  private static JsonNode read(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      return missing();
    }
    JsonNode root = readValue(p, t);
    if (p.nextToken() != null) {
      throw new JsonParseException(p, "trailing content after the JSON document");
    }
    return root;
  }

  /** Iterative, so deeply nested input cannot overflow the stack. */
  private static JsonNode readValue(JsonParser p, JsonToken first) throws IOException {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
      return scalar(p, first, f);
    }
    JsonNode root = first == JsonToken.START_OBJECT ? f.objectNode() : f.arrayNode();
    Deque<JsonNode> open = new ArrayDeque<>();
    open.push(root);
    while (!open.isEmpty()) {
      JsonNode container = open.peek();
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new JsonParseException(p, "unexpected end of JSON");
      }
      if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
        open.pop();
        continue;
      }
      String field = null;
      if (t == JsonToken.FIELD_NAME) {
        field = p.currentName();
        t = p.nextToken();
      }
      JsonNode value;
      if (t == JsonToken.START_OBJECT) {
        value = f.objectNode();
      } else if (t == JsonToken.START_ARRAY) {
        value = f.arrayNode();
      } else {
        value = scalar(p, t, f);
      }
      if (container instanceof ObjectNode o) {
        o.set(field, value);
      } else {
        ((ArrayNode) container).add(value);
      }
      if (value.isContainerNode()) {
        open.push(value);
      }
    }
    return root;
  }

  private static JsonNode scalar(JsonParser p, JsonToken t, JsonNodeFactory f) throws IOException {
    return switch (t) {
      case VALUE_STRING -> f.textNode(p.getText());
      case VALUE_NUMBER_INT ->
          switch (p.getNumberType()) {
            case INT -> f.numberNode(p.getIntValue());
            case LONG -> f.numberNode(p.getLongValue());
            default -> f.numberNode(p.getBigIntegerValue());
          };
      case VALUE_NUMBER_FLOAT ->
          p.getNumberType() == JsonParser.NumberType.BIG_DECIMAL
              ? f.numberNode(p.getDecimalValue())
              : f.numberNode(p.getDoubleValue());
      case VALUE_TRUE -> f.booleanNode(true);
      case VALUE_FALSE -> f.booleanNode(false);
      case VALUE_NULL -> f.nullNode();
      default -> throw new JsonParseException(p, "unexpected JSON token " + t);
    };
  }
}
