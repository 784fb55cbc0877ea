package dev.conf.cli;

import dev.conf.error.ConfException;
import java.util.Locale;

/**
 * The body format names every option that takes one accepts alike ({@code page view --format},
 * {@code page create|update --format}, {@code convert --from|--to}, {@code export --format}): any
 * case, and {@code md} for {@code markdown}.
 */
public final class FormatNames {
  private FormatNames() {}

  /** Markdown or storage. */
  public enum Body {
    MARKDOWN,
    STORAGE;

    /** The short name conf writes in manifests and messages: {@code md} or {@code storage}. */
    public String shortName() {
      return this == MARKDOWN ? "md" : "storage";
    }

    @Override
    public String toString() {
      return shortName();
    }
  }

  /**
   * {@code md}/{@code markdown} or {@code storage}, in any case; exit 2 naming the option
   * otherwise.
   */
  public static Body body(String option, String value) {
    String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "md", "markdown" -> Body.MARKDOWN;
      case "storage" -> Body.STORAGE;
      default ->
          throw ConfException.usage(
              option + " must be md (or markdown) or storage, not '" + value + "'");
    };
  }
}
