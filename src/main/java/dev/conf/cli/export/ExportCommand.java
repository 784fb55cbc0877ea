package dev.conf.cli.export;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.FormatNames;
import dev.conf.cli.JsonOptions;
import dev.conf.cli.content.TreeRoot;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.output.JsonFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code conf export}: a page and everything under it, or a whole space, to files. */
@Access(Access.Kind.READS)
@Examples({
  "conf export --space DOCS --to docs-export",
  "conf export 123456 --to out --with-attachments",
  "conf export DOCS:Handbook --to handbook --format storage --concurrency 4"
})
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export a page and everything under it, or a whole space, to files.",
      "",
      "One file per page in folders that mirror the tree: a page without children is",
      "<title>.md, a page with children is a folder <title>/ with index.md and the",
      "children. Each Markdown file starts with front matter holding the page's exact",
      "title and its labels, so `conf export --space X --to d && conf publish d",
      "--space X` changes nothing. Links between exported pages become relative",
      "links; with --with-attachments each page's attachments are saved in",
      "<file>.attachments/ next to it and its images point there. --format storage",
      "writes the raw storage XHTML as .storage.xhtml files instead.",
      "",
      "DIR/.conf-export.json records what was written. Exporting into the same",
      "directory again fetches only pages whose version or title changed, moves moved",
      "pages, and removes files of pages deleted on the server (never other files).",
      "Without --with-attachments, attachment files an earlier export downloaded stay",
      "(and images keep pointing at them); with it they are refreshed.",
      "Files are written whole or not at all. Pages are fetched by --concurrency",
      "workers that all pause when the server says it is rate limiting."
    })
public final class ExportCommand implements Callable<Integer>, JsonOptions.Fielded {
  static final int MAX_CONCURRENCY = 32;

  private final CommandContext ctx;

  @Mixin TreeRoot root;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "DIR",
      description = "The directory to export into (created if missing).")
  String to;

  @Option(
      names = "--format",
      paramLabel = "md|storage",
      defaultValue = "md",
      description = "md (or markdown): Markdown (default); storage: the raw storage XHTML.")
  String format;

  @Option(
      names = "--with-attachments",
      description = "Also download every page's attachments next to it.")
  boolean withAttachments;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "8",
      description =
          "Pages fetched at once, 1 to "
              + MAX_CONCURRENCY
              + " (default: 8, or CONF_CONCURRENCY, or the concurrency setting).")
  int concurrency;

  @Mixin JsonOptions json;

  ExportCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public JsonFields jsonFields() {
    return JsonFields.of(ExportSummary.class);
  }

  @Override
  public Integer call() {
    root.check();
    boolean markdown = FormatNames.body("--format", format) == FormatNames.Body.MARKDOWN;
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      throw ConfException.usage("--concurrency must be between 1 and " + MAX_CONCURRENCY);
    }
    Path dir;
    try {
      dir = Path.of(to);
    } catch (InvalidPathException e) {
      throw ConfException.usage("--to: not a path: " + to);
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw ConfException.usage("--to: " + to + " is a file, not a directory");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new ConfException(
          ExitCode.ERROR, "cannot create " + to + ": " + FileErrors.reason(e), e);
    }
    ExportSummary s =
        new Exporter(
                ctx,
                new Exporter.Options(
                    root.page(), root.space(), dir, to, markdown, withAttachments, concurrency))
            .run();
    if (json.enabled()) {
      json.print(ctx.io(), s);
      return ExitCode.OK.code();
    }
    if (ctx.io().isStderrTty()) {
      StringBuilder line =
          new StringBuilder("Exported ")
              .append(s.pages())
              .append(s.pages() == 1 ? " page" : " pages")
              .append(" to ")
              .append(s.directory())
              .append(": ")
              .append(s.written())
              .append(" written, ")
              .append(s.unchanged())
              .append(" unchanged");
      if (s.moved() > 0) {
        line.append(" (").append(s.moved()).append(" moved)");
      }
      line.append(", ").append(s.removed()).append(" removed");
      if (withAttachments) {
        line.append("; ")
            .append(s.attachmentsDownloaded())
            .append(" attachments downloaded, ")
            .append(s.attachmentsRemoved())
            .append(" removed");
      }
      ctx.io().err().println(line.append('.'));
      ctx.io().err().flush();
    }
    return ExitCode.OK.code();
  }
}
