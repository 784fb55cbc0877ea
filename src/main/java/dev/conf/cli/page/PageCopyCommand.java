package dev.conf.cli.page;

import dev.conf.cli.CommandContext;
import dev.conf.error.ConfException;
import dev.conf.output.JsonPrinter;
import dev.conf.service.ContentType;
import dev.conf.service.CopyRequest;
import dev.conf.service.CopyResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code conf page copy}: a copy under another parent. */
@Command(
    name = "copy",
    aliases = "cp",
    mixinStandardHelpOptions = true,
    description = {
      "Copy a page under a parent page; with --recursive, with everything under it.",
      "",
      "The copy is titled 'Copy of <title>' unless --title says otherwise; with --recursive every",
      "copied title gets that prefix. Cloud copies a hierarchy as a server task and prints its id.",
      "Data Center's REST API has no copy operation: conf reads each page and creates it again",
      "(body and, with --with-labels, labels; attachments are not copied there yet)."
    })
public final class PageCopyCommand implements Callable<Integer> {
  private final CommandContext ctx;

  @Parameters(
      paramLabel = "PAGE",
      description = "An id, SPACEKEY:Title, or the URL from the browser.")
  String target;

  @Option(
      names = "--parent",
      paramLabel = "PAGE",
      required = true,
      description = "The page to copy under.")
  String parent;

  @Option(names = "--title", paramLabel = "T", description = "The copy's title.")
  String title;

  @Option(
      names = {"-r", "--recursive"},
      description = "Also copy every page under it.")
  boolean recursive;

  @Option(names = "--with-attachments", description = "Also copy attachments.")
  boolean withAttachments;

  @Option(names = "--with-labels", description = "Also copy labels.")
  boolean withLabels;

  @Option(names = "--json", description = "Print {id, title, url, pages, taskId}.")
  boolean json;

  PageCopyCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    if (recursive && title != null) {
      throw ConfException.usage(
          "--title applies to a single page; with --recursive titles get the prefix 'Copy of '");
    }
    PageResolver resolver = new PageResolver(ctx);
    PageRef sourceRef = resolver.parse(target);
    PageRef parentRef = resolver.parse(parent);
    String sourceId = resolver.id(ContentType.PAGE, sourceRef);
    String parentId = resolver.id(ContentType.PAGE, parentRef);
    CopyResult result =
        ctx.service()
            .copyPage(
                new CopyRequest(sourceId, parentId, title, recursive, withAttachments, withLabels));
    if (json) {
      JsonPrinter.print(ctx.io(), result);
      return 0;
    }
    if (result.taskId() != null) {
      ctx.io()
          .err()
          .println(
              "Copying page "
                  + sourceId
                  + " and its descendants under "
                  + parentId
                  + ": the server is doing it as task "
                  + result.taskId()
                  + ".");
      ctx.io().out().println(result.taskId());
    } else {
      ctx.io()
          .err()
          .println(
              "Copied page "
                  + sourceId
                  + " to '"
                  + result.title()
                  + "' ("
                  + result.id()
                  + ")"
                  + (result.pages() > 1 ? " with " + (result.pages() - 1) + " pages under it" : "")
                  + ".");
      ctx.io().out().println(result.url() != null ? result.url() : result.id());
    }
    ctx.io().out().flush();
    return 0;
  }
}
