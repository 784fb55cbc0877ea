package dev.conf.cli.page;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.JsonOptions;
import dev.conf.cli.content.ContentAddress;
import dev.conf.cli.content.PageResolver;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.output.JsonFields;
import dev.conf.service.BodyFormat;
import dev.conf.service.ContentType;
import dev.conf.service.CopyRequest;
import dev.conf.service.CopyResult;
import dev.conf.service.Page;
import dev.conf.service.TaskStatus;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code conf page copy}: a copy under another parent. */
@Access(Access.Kind.WRITES)
@Examples({
  "conf page copy DOCS:Template --parent DOCS:Home --title \"New service\"",
  "conf page copy 12345 --parent 12000 --recursive --with-labels"
})
@Command(
    name = "copy",
    aliases = "cp",
    mixinStandardHelpOptions = true,
    description = {
      "Copy a page under a parent page; with --recursive, with everything under it.",
      "",
      "The copy is titled 'Copy of <title>' unless --title says otherwise; with --recursive"
          + " every copied title gets that prefix. Cloud copies a hierarchy as a server task: "
          + "conf waits for it (checking every second, at most --timeout seconds) unless --no-"
          + "wait, which prints its id. With --json: {id, title, url, pages, taskId}.",
      "",
      "Data Center's REST API has no copy operation: conf reads each page and creates it "
          + "again (its body, and with --with-labels and --with-attachments its labels and "
          + "attachments, each downloaded and uploaded again)."
    })
public final class PageCopyCommand implements Callable<Integer>, JsonOptions.Fielded {
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

  @Option(
      names = "--no-wait",
      description = "Cloud --recursive: print the server task's id instead of waiting for it.")
  boolean noWait;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "600",
      description = "How long to wait for a server-side copy (default: ${DEFAULT-VALUE}).")
  int timeout;

  @Mixin JsonOptions json;

  PageCopyCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public JsonFields jsonFields() {
    return JsonFields.of(CopyResult.class);
  }

  @Override
  public Integer call() {
    if (recursive && title != null) {
      throw ConfException.usage(
          "--title applies to a single page; with --recursive titles get the prefix 'Copy of '");
    }
    PageResolver resolver = new PageResolver(ctx);
    ContentAddress sourceRef = resolver.parse(target);
    ContentAddress parentRef = resolver.parse(parent);
    String sourceId = resolver.id(ContentType.PAGE, sourceRef);
    String parentId = resolver.id(ContentType.PAGE, parentRef);
    CopyResult result =
        ctx.service()
            .pages()
            .copyPage(
                new CopyRequest(sourceId, parentId, title, recursive, withAttachments, withLabels));
    if (result.taskId() != null && !noWait) {
      result = await(result.taskId(), sourceId);
    }
    if (json.enabled()) {
      json.print(ctx.io(), result);
      return 0;
    }
    if (result.taskId() != null && result.id() == null) {
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

  /** Polls the server's copy task once a second until it finishes or the timeout passes. */
  private CopyResult await(String taskId, String sourceId) {
    boolean tty = ctx.io().isStdoutTty() || ctx.io().isStdinTty();
    for (int waited = 0; ; waited++) {
      TaskStatus status = ctx.service().pages().copyTask(taskId);
      if (status.finished()) {
        if (!status.successful()) {
          throw new ConfException(
              ExitCode.ERROR,
              "the server could not copy page "
                  + sourceId
                  + " (task "
                  + taskId
                  + ")"
                  + (status.message() == null ? "" : ": " + status.message()));
        }
        String id = status.destinationId();
        Page copy =
            id == null
                ? null
                : ctx.service().pages().getPage(ContentType.PAGE, id, BodyFormat.STORAGE, null);
        return new CopyResult(
            id, copy == null ? null : copy.title(), copy == null ? null : copy.url(), 0, taskId);
      }
      if (waited >= timeout) {
        throw new ConfException(
            ExitCode.ERROR,
            "the server is still copying page "
                + sourceId
                + " after "
                + timeout
                + "s ("
                + status.percent()
                + "% done, task "
                + taskId
                + "); it carries on without conf");
      }
      if (tty) {
        ctx.io().err().printf("Copying... %d%%%n", status.percent());
      }
      ctx.pause(Duration.ofSeconds(1));
    }
  }
}
