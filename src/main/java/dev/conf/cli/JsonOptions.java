package dev.conf.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.output.Io;
import dev.conf.output.Jq;
import dev.conf.output.JsonFields;
import dev.conf.output.JsonPrinter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Stack;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The shared {@code --json[=FIELDS]} and {@code --jq EXPR} options. A command adopts them with one
 * line, {@code @Mixin JsonOptions json;}, implements {@link Fielded} to say which fields it prints,
 * and prints with {@link #print}:
 *
 * <pre>
 * if (json.enabled()) {
 *   json.print(ctx.io(), results);
 *   return 0;
 * }
 * </pre>
 *
 * <p>{@code --json} prints every documented field, {@code --json id,title} only those (in that
 * order); the word after {@code --json} is always its fields. An unknown field is a usage error
 * (exit 2) that lists the available ones, reported while parsing, before any request is sent.
 * {@code --jq} filters the JSON in-process and implies {@code --json}.
 */
public final class JsonOptions {
  /** A command with {@code --json}: the field names it prints, as documented in docs/json.md. */
  public interface Fielded {
    JsonFields jsonFields();
  }

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  private List<String> fields;
  private String jq;

  @Option(
      names = "--json",
      arity = "0..1",
      paramLabel = "FIELDS",
      preprocessor = FieldsPreprocessor.class,
      description =
          "Print JSON: only the comma-separated FIELDS; alone (last, or before another option), "
              + "every field. See: conf help json.")
  void setJson(String value) {
    List<String> selected = new ArrayList<>();
    for (String f : value == null ? new String[0] : value.split(",")) {
      if (!f.isBlank()) {
        selected.add(f.trim());
      }
    }
    this.fields = selected;
  }

  @Option(
      names = "--jq",
      paramLabel = "EXPR",
      description = "Filter the JSON with a jq expression, e.g. '.[].id' (implies --json).")
  void setJq(String expr) {
    this.jq = expr;
  }

  /** Whether to print JSON instead of a table. */
  public boolean enabled() {
    return fields != null || jq != null;
  }

  /** The fields asked for; empty for all. */
  public List<String> fields() {
    return fields == null ? List.of() : List.copyOf(fields);
  }

  /** Whether JSON output includes {@code field}: lets a command skip fetching what is not shown. */
  public boolean wants(String field) {
    return enabled() && (fields().isEmpty() || fields.contains(field));
  }

  /** Prints {@code value} (a record or a list of them) as JSON, selected and filtered. */
  public void print(Io io, Object value) {
    JsonNode selected;
    if (mixee != null && mixee.userObject() instanceof Fielded f) {
      JsonFields known = f.jsonFields();
      known.validate(fields());
      selected = known.selectFrom(value, fields());
    } else {
      selected = JsonFields.select(value, fields());
    }
    io.startPager();
    if (jq != null) {
      Jq.print(io, jq, selected);
    } else {
      JsonPrinter.print(io, selected);
    }
  }

  /**
   * Settles what the word after {@code --json} is, the way {@code gh} does: always its FIELDS. So
   * {@code conf search --json kubernetes} is an unknown field (exit 2, listing the fields), never a
   * search for "kubernetes" that prints {@code []} for a misspelt field; the words go before {@code
   * --json} or after its fields. {@code --json} with no word after it (last on the line, before
   * another option, or before {@code --}) prints every field; {@code --json=FIELDS} is the same as
   * {@code --json FIELDS}. The fields are checked here, while parsing, so a misspelt one fails
   * before any request on every command.
   */
  static final class FieldsPreprocessor implements IParameterPreprocessor {
    @Override
    public boolean preprocess(
        Stack<String> args, CommandSpec spec, ArgSpec argSpec, Map<String, Object> info) {
      JsonFields known = spec.userObject() instanceof Fielded f ? f.jsonFields() : null;
      boolean attached = !" ".equals(info.get("separator")) && !"".equals(info.get("separator"));
      String next = args.isEmpty() ? null : args.peek();
      boolean takeNext = attached || (next != null && !next.startsWith("-"));
      if (!takeNext) {
        args.push("");
        return false;
      }
      if (known != null) {
        List<String> asked = new ArrayList<>();
        for (String f : next.split(",")) {
          if (!f.isBlank()) {
            asked.add(f.trim());
          }
        }
        try {
          known.validate(asked);
        } catch (RuntimeException e) {
          throw new ParameterException(spec.commandLine(), e.getMessage());
        }
      }
      return false;
    }
  }
}
