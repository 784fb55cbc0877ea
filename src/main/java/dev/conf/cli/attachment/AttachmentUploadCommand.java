package dev.conf.cli.attachment;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.JsonOptions;
import dev.conf.cli.content.PageResolver;
import dev.conf.error.ConfException;
import dev.conf.output.JsonFields;
import dev.conf.output.Progress;
import dev.conf.service.Attachment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code conf attachment upload PAGE FILE...}. */
@Access(Access.Kind.WRITES)
@Examples({
  "conf attachment upload DOCS:Runbook diagram.png",
  "conf attachment upload 12345 report.pdf data.csv --comment \"Q3 figures\""
})
@Command(
    name = "upload",
    aliases = "put",
    mixinStandardHelpOptions = true,
    description = {
      "Attach files to a page or blog post.",
      "",
      "A file whose name the page already has becomes the next version of that",
      "attachment, not a second one. Files are streamed from disk, whatever their",
      "size. A progress bar is drawn on stderr when it is a terminal.",
      "With --json: an array of the attachments as uploaded."
    })
public final class AttachmentUploadCommand implements Callable<Integer>, JsonOptions.Fielded {
  private final CommandContext ctx;

  @Parameters(
      index = "0",
      paramLabel = "PAGE",
      description =
          "A page (id, SPACEKEY:Title or URL from the browser) or a blog post (its id or URL).")
  String page;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "Files to attach.")
  List<Path> files;

  @Option(
      names = {"-m", "--comment"},
      paramLabel = "TEXT",
      description = "A comment for this version of each file.")
  String comment;

  @Option(names = "--minor", description = "A minor change: watchers are not notified.")
  boolean minor;

  @Mixin JsonOptions json;

  AttachmentUploadCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public JsonFields jsonFields() {
    return JsonFields.of(Attachment.class);
  }

  @Override
  public Integer call() {
    // Every file is checked before the first request: a typo in the last one uploads nothing.
    List<String> names = new ArrayList<>();
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw ConfException.usage(
            "cannot upload "
                + f
                + ": "
                + (Files.isDirectory(f) ? "it is a directory" : "no such file"));
      }
      if (!Files.isReadable(f)) {
        throw ConfException.usage("cannot upload " + f + ": not readable");
      }
      String name = f.getFileName().toString();
      if (names.contains(name)) {
        throw ConfException.usage("two files are named " + name + "; upload them one at a time");
      }
      names.add(name);
    }
    PageResolver.Target target = new PageResolver(ctx).target(page);
    List<Attachment> uploaded = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Path f = files.get(i);
      Progress progress = Progress.of(ctx.io(), ctx.clock(), names.get(i), size(f));
      Attachment a;
      try {
        a =
            ctx.service()
                .items()
                .uploadAttachment(
                    target.type(), target.id(), f, names.get(i), comment, minor, progress::update);
      } catch (RuntimeException e) {
        progress.abandon();
        throw e;
      }
      progress.finish();
      uploaded.add(a);
      ctx.io()
          .err()
          .println(
              "Uploaded "
                  + a.name()
                  + " to "
                  + target.describe()
                  + (a.version() > 1 ? " as version " + a.version() : "")
                  + " ("
                  + a.id()
                  + ").");
    }
    if (json.enabled()) {
      json.print(ctx.io(), uploaded);
    }
    return 0;
  }

  private static long size(Path f) {
    try {
      return Files.size(f);
    } catch (IOException e) {
      return -1;
    }
  }
}
