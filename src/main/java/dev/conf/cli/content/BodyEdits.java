package dev.conf.cli.content;

import dev.conf.cli.CommandContext;
import dev.conf.convert.StorageSections;
import dev.conf.convert.UnifiedDiff;
import dev.conf.error.ConfException;
import dev.conf.service.ContentType;
import dev.conf.service.Page;

/**
 * The edits of part of a body ({@code page append}, {@code page update --section}) on the storage
 * XHTML, through {@link StorageSections}, so that everything outside the edited part is sent back
 * byte for byte; and {@code --dry-run}'s diff.
 */
public final class BodyEdits {
  private BodyEdits() {}

  /** The current body with {@code fragment} (storage) added at its end. */
  public static String append(Page current, String fragment) {
    String body = current.body() == null ? "" : current.body();
    return StorageSections.append(body, fragment.strip());
  }

  /**
   * The current body with the content under {@code heading} replaced by {@code fragment}; exit 2
   * naming the candidates when no heading or more than one has that text.
   */
  public static String replaceSection(
      ContentType type, Page current, String heading, String fragment) {
    String body = current.body() == null ? "" : current.body();
    try {
      return StorageSections.replace(body, heading, fragment.strip());
    } catch (StorageSections.SectionException e) {
      String where = type.noun() + " " + current.id();
      throw switch (e.kind()) {
        case MISSING ->
            ConfException.usage(
                where
                    + " has no section heading \""
                    + heading.strip()
                    + "\""
                    + (e.candidates().isEmpty()
                        ? " (it has no headings)"
                        : "; its headings: " + String.join(", ", e.candidates())));
        case AMBIGUOUS ->
            ConfException.usage(
                where
                    + " has "
                    + e.candidates().size()
                    + " section headings \""
                    + heading.strip()
                    + "\" ("
                    + String.join(", ", e.candidates())
                    + "); rename one in Confluence, or update the whole page");
        case MALFORMED ->
            ConfException.usage(
                "the storage body of " + where + " does not nest, so its sections cannot be told");
      };
    }
  }

  /** {@code --dry-run}: the diff of the storage body (and title) on stdout; nothing is sent. */
  static int printDiff(
      CommandContext ctx, ContentType type, Page current, String newTitle, String newBody) {
    String from = type.noun() + " " + current.id() + " version " + current.version();
    String to = type.noun() + " " + current.id() + " as it would be saved";
    StringBuilder out = new StringBuilder();
    if (newTitle != null && !newTitle.equals(current.title())) {
      out.append(
          UnifiedDiff.diff(
              from + " (title)",
              to + " (title)",
              java.util.List.of(current.title()),
              java.util.List.of(newTitle)));
    }
    if (newBody != null) {
      out.append(
          UnifiedDiff.diff(
              from,
              to,
              UnifiedDiff.storageLines(current.body()),
              UnifiedDiff.storageLines(newBody)));
    }
    if (out.isEmpty()) {
      ctx.io().err().println("No changes: nothing would be sent.");
      return 0;
    }
    ctx.io().out().print(out);
    if (out.charAt(out.length() - 1) != '\n') {
      ctx.io().out().println();
    }
    ctx.io().out().flush();
    ctx.io().err().println("Dry run: nothing was sent.");
    return 0;
  }
}
