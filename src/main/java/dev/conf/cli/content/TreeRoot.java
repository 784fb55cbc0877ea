package dev.conf.cli.content;

import dev.conf.error.ConfException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The top of a tree a command walks ({@code conf page tree}, {@code conf export}): one page, or
 * with {@code --space} every page of a space. Exactly one of the two.
 */
public final class TreeRoot {
  @Parameters(
      arity = "0..1",
      paramLabel = "PAGE",
      description = "The top page: an id, SPACEKEY:Title, or the URL from the browser.")
  String page;

  @Option(names = "--space", paramLabel = "KEY", description = "Every page of this space.")
  String space;

  /** Exit 2 unless exactly one of PAGE and {@code --space} was given. */
  public void check() {
    if ((page == null) == (space == null)) {
      throw ConfException.usage("give either a PAGE or --space KEY");
    }
  }

  /** The page as the user wrote it, or null with {@code --space}. */
  public String page() {
    return page;
  }

  /** The space key, or null when a page was given. */
  public String space() {
    return space;
  }
}
