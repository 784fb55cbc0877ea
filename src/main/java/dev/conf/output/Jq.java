package dev.conf.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.util.Json;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * {@code --jq EXPR}: filters JSON in-process with jackson-jq (the jq 1.6 language), so no {@code
 * jq} binary is needed. This is the only class that touches jackson-jq, and nothing loads it until
 * a command runs with {@code --jq}: loading the builtin functions costs start-up time that other
 * runs must not pay.
 *
 * <p>Output follows {@code gh --jq}: a string result prints raw (no quotes, like {@code jq -r});
 * anything else prints as JSON, indented on a terminal and on one line in a pipe.
 */
public final class Jq {
  private Jq() {}

  /** The builtins, loaded on first use. */
  private static final class Builtins {
    static final Scope ROOT = load();

    private static Scope load() {
      Scope root = Scope.newEmptyScope();
      BuiltinFunctionLoader.getInstance().loadFunctions(Versions.JQ_1_6, root);
      return root;
    }
  }

  /** Every value {@code expr} yields for {@code input}; exit 2 for an expression that is not jq. */
  public static List<JsonNode> apply(String expr, JsonNode input) {
    JsonQuery query;
    try {
      query = JsonQuery.compile(expr, Versions.JQ_1_6);
    } catch (JsonQueryException e) {
      throw ConfException.usage("invalid --jq expression: " + oneLine(e.getMessage()));
    }
    // Most filters are plain paths (.results[].id) that need no builtin function, and loading the
    // builtins is most of jq's cost. Run without them first; a filter that calls one fails before
    // it yields anything and runs again with them. Filters are pure, so the retry is safe.
    List<JsonNode> out = new ArrayList<>();
    try {
      query.apply(Scope.newEmptyScope(), input, out::add);
      return out;
    } catch (JsonQueryException withoutBuiltins) {
      out.clear();
    }
    try {
      query.apply(Scope.newChildScope(Builtins.ROOT), input, out::add);
    } catch (JsonQueryException e) {
      throw new ConfException(ExitCode.ERROR, "--jq: " + runtimeMessage(e));
    }
    return out;
  }

  /** Filters {@code input} and prints each result on stdout. */
  public static void print(Io io, String expr, JsonNode input) {
    for (JsonNode result : apply(expr, input)) {
      io.out().println(format(result, io.isStdoutTty()));
    }
    io.out().flush();
  }

  static String format(JsonNode value, boolean indent) {
    if (value.isTextual()) {
      return value.asText();
    }
    try {
      return indent && value.isContainerNode() && !value.isEmpty()
          ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value)
          : Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** jackson-jq says "N/A" when a builtin failed underneath (tonumber on "x"): say what failed. */
  static String runtimeMessage(JsonQueryException e) {
    String m = oneLine(e.getMessage());
    if (!m.isEmpty() && !m.equals("N/A")) {
      return m;
    }
    Throwable cause = e.getCause();
    if (cause instanceof NumberFormatException) {
      return "a value cannot be converted to a number (" + oneLine(cause.getMessage()) + ")";
    }
    String detail = cause == null ? "" : oneLine(cause.getMessage());
    return "the filter failed on this input" + (detail.isEmpty() ? "" : " (" + detail + ")");
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ').trim();
  }
}
