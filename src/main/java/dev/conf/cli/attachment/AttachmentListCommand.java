package dev.conf.cli.attachment;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.JsonOptions;
import dev.conf.cli.LimitOptions;
import dev.conf.cli.content.PageResolver;
import dev.conf.output.JsonFields;
import dev.conf.output.Progress;
import dev.conf.output.TablePrinter;
import dev.conf.output.Times;
import dev.conf.service.Attachment;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code conf attachment list PAGE}. */
@Access(Access.Kind.READS)
@Examples({
  "conf attachment list DOCS:Runbook",
  "conf attachment list 12345 --pattern '*.png' --json name,size"
})
@Command(
    name = "list",
    aliases = "ls",
    mixinStandardHelpOptions = true,
    description = {
      "List the attachments of a page or blog post.",
      "",
      "On a terminal: a table with sizes in KiB/MiB and relative times. In a pipe:",
      "tab-separated NAME, ID, SIZE (bytes), MEDIA TYPE, VERSION, UPDATED (ISO).",
      "With --json: an array of {id, name, size, mediaType, version, updated,",
      "comment, pageId, downloadUrl}."
    })
public final class AttachmentListCommand implements Callable<Integer>, JsonOptions.Fielded {
  private final CommandContext ctx;

  @Parameters(
      paramLabel = "PAGE",
      description =
          "A page (id, SPACEKEY:Title or URL from the browser) or a blog post (its id or URL).")
  String page;

  @Option(
      names = {"-p", "--pattern"},
      paramLabel = "GLOB",
      description = "Only names matching GLOB (* ? [abc]; quote it from the shell).")
  String pattern;

  @Mixin LimitOptions limit = new LimitOptions(100);

  @Mixin JsonOptions json;

  AttachmentListCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public JsonFields jsonFields() {
    return JsonFields.of(Attachment.class);
  }

  @Override
  public Integer call() {
    long maxItems = limit.max();
    PageResolver.Target target = new PageResolver(ctx).target(page);
    Glob glob = Glob.of(pattern);
    // The pattern is applied here, so the limit counts matches only when there is no pattern.
    long fetch = pattern != null ? Long.MAX_VALUE : maxItems;
    List<Attachment> found =
        ctx.service().items().attachments(target.type(), target.id(), fetch).stream()
            .filter(a -> glob.matches(a.name()))
            .limit(maxItems)
            .toList();
    if (json.enabled()) {
      json.print(ctx.io(), found);
      return 0;
    }
    boolean tty = ctx.io().isStdoutTty();
    if (found.isEmpty()) {
      if (tty) {
        ctx.io()
            .err()
            .println(
                pattern == null
                    ? target.capitalized() + " has no attachments."
                    : "No attachments of " + target.describe() + " match " + pattern + ".");
      }
      return 0;
    }
    ctx.io().startPager();
    TablePrinter table =
        new TablePrinter(ctx.io(), "name", "id", "size", "media type", "version", "updated");
    for (Attachment a : found) {
      table.row(
          a.name(),
          a.id(),
          a.size() < 0 ? "" : tty ? Progress.human(a.size()) : String.valueOf(a.size()),
          a.mediaType(),
          String.valueOf(a.version()),
          Times.show(a.updated(), tty, ctx.clock()));
    }
    table.print();
    return 0;
  }
}
