package dev.conf.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.conf.util.Json;
import java.io.UncheckedIOException;

/** Prints a value as pretty JSON on stdout: the stable, documented form scripts read. */
public final class JsonPrinter {
  private JsonPrinter() {}

  public static void print(Io io, Object value) {
    try {
      io.out().println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
      io.out().flush();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
