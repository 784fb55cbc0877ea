package dev.conf.auth.oauth1;

import java.util.Objects;

/** One request parameter, decoded (RFC 5849 3.4.1.3): names may repeat, values may be empty. */
public record Param(String name, String value) {
  public Param {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
