package dev.conf.util;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The process's one ObjectMapper, built on first use: creating a mapper costs start-up time that
 * {@code --help} and {@code --version} should never pay.
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

  public static ObjectMapper mapper() {
    return Holder.MAPPER;
  }
}
