package dev.conf.service;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A label on a page. Field names are the {@code --json} contract of {@code conf label list}.
 *
 * @param prefix {@code global} for the labels users add; {@code my} and {@code team} also exist
 */
@JsonPropertyOrder({"name", "prefix", "id"})
public record Label(String name, String prefix, String id) {
  /** Characters Confluence refuses in a label name (besides white space). */
  private static final Pattern FORBIDDEN = Pattern.compile("[:;,.?&\\[\\]()#^*@!<>'\"|\\\\/]");

  /** The longest label Confluence stores. */
  static final int MAX_LENGTH = 255;

  /**
   * A label name as Confluence will store it: lower-cased. Checked here, before any request, so
   * that a typo changes nothing on the server.
   *
   * @throws IllegalArgumentException with the reason, when Confluence would refuse the name
   */
  public static String normalize(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a label cannot be empty");
    }
    if (name.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "label '" + name + "' contains a space; labels are single words (use - or _)");
    }
    java.util.regex.Matcher m = FORBIDDEN.matcher(name);
    if (m.find()) {
      throw new IllegalArgumentException(
          "label '" + name + "' contains '" + m.group() + "', which Confluence does not allow");
    }
    if (name.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "label '" + name.substring(0, 20) + "…' is longer than " + MAX_LENGTH + " characters");
    }
    return name.toLowerCase(Locale.ROOT);
  }
}
