package dev.conf.cli.page;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.content.PageResolver;
import dev.conf.convert.ReadableText;
import dev.conf.convert.UnifiedDiff;
import dev.conf.error.ConfException;
import dev.conf.output.Style;
import dev.conf.service.BodyFormat;
import dev.conf.service.ContentType;
import dev.conf.service.Page;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code conf page diff}: what changed between two versions. */
@Access(Access.Kind.READS)
@Examples({"conf page diff DOCS:Runbook", "conf page diff 12345 --from 3 --to 5 --format text"})
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Show a unified diff of a page's body between two versions.",
      "",
      "Default: the previous version against the current one. Storage XHTML is split into "
          + "lines at block elements so that hunks point at the paragraph that changed. On a "
          + "terminal, removed lines are red, added ones green and hunk headers cyan (not with "
          + "--no-color or NO_COLOR), through the pager."
    })
public final class PageDiffCommand implements Callable<Integer> {
  private final CommandContext ctx;

  @Parameters(
      paramLabel = "PAGE",
      description = "An id, SPACEKEY:Title, or the URL from the browser.")
  String target;

  @Option(names = "--from", paramLabel = "N", description = "The old version (default: TO - 1).")
  Integer from;

  @Option(names = "--to", paramLabel = "M", description = "The new version (default: current).")
  Integer to;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "storage",
      description = "Compare storage XHTML (default) or text (as page view shows it).")
  String format;

  PageDiffCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    if (!format.equals("storage") && !format.equals("text")) {
      throw ConfException.usage("--format must be storage or text");
    }
    if ((from != null && from < 1) || (to != null && to < 1)) {
      throw ConfException.usage("versions start at 1");
    }
    String id = new PageResolver(ctx).id(ContentType.PAGE, target);
    Page newer = ctx.service().pages().getPage(ContentType.PAGE, id, BodyFormat.STORAGE, to);
    int toVersion = newer.version();
    int fromVersion = from != null ? from : toVersion - 1;
    if (fromVersion < 1) {
      ctx.io()
          .err()
          .println("Page " + id + " has only version " + toVersion + ": nothing to compare.");
      return 0;
    }
    Page older =
        ctx.service().pages().getPage(ContentType.PAGE, id, BodyFormat.STORAGE, fromVersion);
    String diff =
        UnifiedDiff.diff(
            "page " + id + " version " + fromVersion,
            "page " + id + " version " + toVersion,
            lines(older.body()),
            lines(newer.body()));
    if (diff.isEmpty()) {
      ctx.io()
          .err()
          .println(
              "No differences in the body between versions "
                  + fromVersion
                  + " and "
                  + toVersion
                  + ".");
      return 0;
    }
    ctx.io().startPager();
    boolean colour = ctx.io().colorEnabled();
    for (String line : diff.split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      ctx.io().out().println(color(line, colour));
    }
    ctx.io().out().flush();
    return 0;
  }

  private List<String> lines(String storage) {
    if (format.equals("text")) {
      // The text page view shows (numbered lists, aligned tables), unwrapped: one block a line.
      String text = ReadableText.render(storage, ReadableText.Options.PLAIN);
      return text.lines().toList();
    }
    return UnifiedDiff.storageLines(storage);
  }

  /**
   * As {@code git diff} colours it, only where colour is on (a terminal, no --no-color or
   * NO_COLOR): the file headers bold, hunk headers cyan, removed lines red, added lines green.
   */
  static String color(String line, boolean colour) {
    if (!colour) {
      return line;
    }
    if (line.startsWith("---") || line.startsWith("+++")) {
      return Style.bold(line);
    }
    if (line.startsWith("@@")) {
      return Style.cyan(line);
    }
    if (line.startsWith("-")) {
      return Style.red(line);
    }
    if (line.startsWith("+")) {
      return Style.green(line);
    }
    return line;
  }
}
