package dev.conf.auth;

import java.util.Locale;

/** Which kind of Confluence a site is; decided once, from the URL or an explicit override. */
public enum Deployment {
  CLOUD("cloud"),
  DATA_CENTER("dc");

  private final String id;

  Deployment(String id) {
    this.id = id;
  }

  /** The word users type and config files store: {@code cloud} or {@code dc}. */
  public String id() {
    return id;
  }

  public String displayName() {
    return this == CLOUD ? "Cloud" : "Data Center";
  }

  /** Parses {@code cloud}, {@code dc}, {@code datacenter}, {@code server}; null for null. */
  public static Deployment parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    switch (value.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")) {
      case "cloud":
        return CLOUD;
      case "dc":
      case "datacenter":
      case "server":
        return DATA_CENTER;
      default:
        throw new IllegalArgumentException(
            "unknown deployment '" + value + "': use 'cloud' or 'dc'");
    }
  }
}
