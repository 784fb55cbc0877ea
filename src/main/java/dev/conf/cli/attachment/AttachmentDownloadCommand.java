package dev.conf.cli.attachment;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.content.PageResolver;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.output.Progress;
import dev.conf.service.Attachment;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code conf attachment download (PAGE | ATTACHMENT-ID)}. */
@Access(Access.Kind.READS)
@Examples({
  "conf attachment download DOCS:Runbook --dir ./files",
  "conf attachment download 12345 --pattern '*.pdf'",
  "conf attachment download att98765 -o - > diagram.png"
})
@Command(
    name = "download",
    aliases = "get",
    mixinStandardHelpOptions = true,
    description = {
      "Download the attachments of a page or blog post, or one attachment by id.",
      "",
      "  conf attachment download DOCS:Runbook --pattern '*.png' --dir images",
      "  conf attachment download att12345 -o diagram.png",
      "  conf attachment download att12345 -o - | tar x",
      "",
      "Each file goes to a hidden temporary file beside its target and is renamed",
      "into place only when complete and of the size the server lists: a failed or",
      "interrupted download never leaves a file under the final name. Existing",
      "files are kept unless --clobber; --skip-existing skips those whose size",
      "already matches.",
      "A progress bar is drawn on stderr when it is a terminal."
    })
public final class AttachmentDownloadCommand implements Callable<Integer> {
  private static final Pattern ATTACHMENT_ID = Pattern.compile("att\\d+");
  private static final Pattern NUMBER = Pattern.compile("\\d+");

  private final CommandContext ctx;

  @Parameters(
      paramLabel = "PAGE|ATTACHMENT-ID",
      description =
          "A page (id, SPACEKEY:Title or URL) or blog post (id or URL) for all its"
              + " attachments, or an attachment id.")
  String target;

  @Option(
      names = {"-p", "--pattern"},
      paramLabel = "GLOB",
      description = "With a PAGE: only names matching GLOB (* ? [abc]).")
  String pattern;

  @Option(
      names = {"-D", "--dir"},
      paramLabel = "DIR",
      description = "With a PAGE: the directory to write into (default: the current one).")
  Path dir;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "With an ATTACHMENT-ID: the file to write, or - for stdout.")
  String output;

  @Option(names = "--clobber", description = "Overwrite existing files.")
  boolean clobber;

  @Option(
      names = "--skip-existing",
      description = "Skip files that exist with the size of the attachment.")
  boolean skipExisting;

  AttachmentDownloadCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    if (output != null && (pattern != null || dir != null)) {
      throw ConfException.usage(
          "-o/--output is for one attachment by id; --pattern and --dir are for a page");
    }
    Attachment one = single();
    if (one != null) {
      return downloadOne(one);
    }
    return downloadPage();
  }

  /**
   * The attachment the argument names, or null when it names a page. Cloud attachment ids start
   * with {@code att}; a bare number is an attachment with {@code -o}, and otherwise whatever the
   * server says it is (Data Center numbers attachments and pages alike).
   */
  private Attachment single() {
    if (pattern != null || dir != null) {
      return null;
    }
    if (ATTACHMENT_ID.matcher(target).matches()) {
      return ctx.service().items().attachment(target);
    }
    if (!NUMBER.matcher(target).matches()) {
      if (output != null) {
        throw ConfException.usage("-o/--output needs an attachment id, not " + target);
      }
      return null;
    }
    if (output != null) {
      return ctx.service().items().attachment(target);
    }
    try {
      return ctx.service().items().attachment(target);
    } catch (ConfException e) {
      if (e.exitCode() == ExitCode.NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }

  private int downloadOne(Attachment a) {
    if ("-".equals(output)) {
      return toStdout(a);
    }
    Path file =
        output == null
            ? Path.of(SafeDownload.safeName(a.name()))
            : Files.isDirectory(Path.of(output))
                ? Path.of(output).resolve(SafeDownload.safeName(a.name()))
                : Path.of(output);
    new SafeDownload(ctx, clobber, skipExisting).download(a, file);
    return 0;
  }

  private int toStdout(Attachment a) {
    Progress progress = Progress.of(ctx.io(), ctx.clock(), a.name(), a.size());
    OutputStream out = ctx.io().stdoutBytes();
    long received;
    try {
      received = ctx.service().items().downloadAttachment(a, out, progress::update);
      out.flush();
    } catch (IOException e) {
      progress.abandon();
      throw new ConfException(ExitCode.ERROR, "cannot write to stdout: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      progress.abandon();
      throw e;
    }
    progress.finish();
    if (a.size() >= 0 && received != a.size()) {
      throw new ConfException(
          ExitCode.ERROR,
          "download of "
              + a.name()
              + " is incomplete: received "
              + received
              + " of "
              + a.size()
              + " bytes");
    }
    return 0;
  }

  private int downloadPage() {
    PageResolver.Target content = new PageResolver(ctx).target(target);
    Glob glob = Glob.of(pattern);
    List<Attachment> wanted =
        ctx.service().items().attachments(content.type(), content.id(), Long.MAX_VALUE).stream()
            .filter(a -> glob.matches(a.name()))
            .toList();
    if (wanted.isEmpty()) {
      throw ConfException.notFound(
          pattern == null
              ? content.describe() + " has no attachments"
              : "no attachments of " + content.describe() + " match " + pattern);
    }
    Path into = dir == null ? Path.of("") : dir;
    if (dir != null) {
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new ConfException(ExitCode.ERROR, "cannot create " + dir + ": " + e.getMessage(), e);
      }
    }
    SafeDownload downloads = new SafeDownload(ctx, clobber, skipExisting);
    List<Path> targets = new ArrayList<>();
    for (Attachment a : wanted) {
      Path t = into.resolve(SafeDownload.safeName(a.name()));
      if (targets.contains(t)) {
        throw new ConfException(
            ExitCode.ERROR, "two attachments would be saved as " + t + "; download them by id");
      }
      targets.add(t);
      // Every target is checked before the first byte moves: a batch starts whole or not at all.
      downloads.check(a, t);
    }
    int downloaded = 0;
    int skipped = 0;
    for (int i = 0; i < wanted.size(); i++) {
      if (downloads.download(wanted.get(i), targets.get(i)) == SafeDownload.Outcome.DOWNLOADED) {
        downloaded++;
      } else {
        skipped++;
      }
    }
    if (wanted.size() > 1) {
      ctx.io()
          .err()
          .println(
              "Downloaded "
                  + downloaded
                  + (downloaded == 1 ? " file" : " files")
                  + (skipped > 0 ? ", skipped " + skipped : "")
                  + ".");
    }
    return 0;
  }
}
