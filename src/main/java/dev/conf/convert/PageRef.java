package dev.conf.convert;

import java.util.Objects;

/**
 * A page as storage format names it: by title, in the current space when {@code spaceKey} is null.
 */
public record PageRef(String spaceKey, String title) {
  public PageRef {
    Objects.requireNonNull(title, "title");
  }
}
