package dev.conf.cli.page;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.JsonOptions;
import dev.conf.cli.content.Editor;
import dev.conf.cli.content.PageResolver;
import dev.conf.cli.content.VersionedSave;
import dev.conf.convert.ConvertOptions;
import dev.conf.convert.MarkdownToStorage;
import dev.conf.convert.StorageToMarkdown;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.output.JsonFields;
import dev.conf.service.BodyFormat;
import dev.conf.service.ContentType;
import dev.conf.service.Page;
import dev.conf.service.PageUpdate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code conf page edit}: fetch, edit in $VISUAL or $EDITOR, save with the version guard. */
@Access(Access.Kind.WRITES)
@Examples({
  "conf page edit DOCS:Runbook",
  "EDITOR=\"code --wait\" conf page edit 12345 -m \"typos\""
})
@Command(
    name = "edit",
    mixinStandardHelpOptions = true,
    description = {
      "Edit a page in your editor and save it as a new version. The editor: CONF_EDITOR, "
          + "else the editor setting (conf config set editor vim), else $VISUAL, else $EDITOR.",
      "",
      "The page opens as Markdown (macros the converter cannot show are kept as fenced storage) "
          + "or, with --format storage, as the XHTML Confluence saves. Closing the editor without "
          + "a change sends nothing. If the page changed on the server while you edited, nothing "
          + "is overwritten: conf exits 5 and prints the file your text is kept in.",
      "",
      "It needs a terminal; in a script use `conf page view PAGE --raw > F` and `conf page "
          + "update PAGE --file F`."
    })
public final class PageEditCommand implements Callable<Integer>, JsonOptions.Fielded {
  private final CommandContext ctx;

  @Parameters(
      index = "0",
      paramLabel = "PAGE",
      description = "An id, SPACEKEY:Title, or the URL from the browser.")
  String target;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "markdown (default) or storage (Confluence XHTML).")
  String format;

  @Option(
      names = {"-m", "--message"},
      paramLabel = "M",
      description = "The version message.")
  String message;

  @Option(
      names = "--minor",
      description =
          "A minor edit: watchers are not notified (Data Center; Cloud's API has no such flag).")
  boolean minor;

  @Mixin JsonOptions json;

  PageEditCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public JsonFields jsonFields() {
    return JsonFields.of(Page.class);
  }

  @Override
  public Integer call() {
    boolean markdown = markdown();
    if (!ctx.io().isStdinTty() || !ctx.io().isStdoutTty()) {
      throw ConfException.usage(
          "conf page edit needs a terminal to run your editor in; in a script, use `conf page"
              + " view "
              + target
              + " --raw > page.xml`, change the file and `conf page update "
              + target
              + " --file page.xml`");
    }
    Editor editor = Editor.of(ctx.editorCommand());
    if (editor == null) {
      throw ConfException.usage(
          "no editor: set $VISUAL or $EDITOR (e.g. export EDITOR=nano) or `conf config set editor"
              + " nano`, or use `conf page update "
              + target
              + " --file F`");
    }
    String id = new PageResolver(ctx).id(ContentType.PAGE, target);
    Page current = ctx.service().pages().getPage(ContentType.PAGE, id, BodyFormat.STORAGE, null);
    String body = current.body() == null ? "" : current.body();
    String before = markdown ? StorageToMarkdown.convert(body) : body;
    // Editors want a final newline; one conf added is taken off again before storage is saved.
    boolean addedNewline = !before.endsWith("\n");
    if (addedNewline) {
      before += "\n";
    }
    Path file = write(id, before, markdown ? ".md" : ".xml");
    String kept = "your text is kept in " + file;
    editor.edit(file);
    String after = read(file);
    if (after.stripTrailing().equals(before.stripTrailing())) {
      delete(file);
      ctx.io()
          .err()
          .println("No changes: page '" + current.title() + "' (" + id + "); nothing was sent.");
      return 0;
    }
    if (after.isBlank()) {
      throw new ConfException(
          ExitCode.USAGE, "the edited body is empty; nothing was sent (" + kept + ")");
    }
    Page updated;
    try {
      String storage =
          markdown
              ? MarkdownToStorage.convert(
                      after, ConvertOptions.defaults().withCodeLanguage(ctx.codeLanguage()))
                  .storage()
              : addedNewline && after.endsWith("\n")
                  ? after.substring(0, after.length() - 1)
                  : after;
      PageUpdate update = new PageUpdate(current, current.title(), storage, message, minor);
      if (VersionedSave.changesNothing(update)) {
        delete(file);
        ctx.io()
            .err()
            .println(
                "No changes: page '"
                    + current.title()
                    + "' ("
                    + id
                    + ") already has this body; nothing was sent.");
        return 0;
      }
      updated = VersionedSave.save(ctx, ContentType.PAGE, update, kept);
    } catch (ConfException e) {
      if (e.getMessage() != null && e.getMessage().contains(file.toString())) {
        throw e;
      }
      throw new ConfException(e.exitCode(), e.getMessage() + " (" + kept + ")", e);
    }
    delete(file);
    return VersionedSave.report(ctx, json, ContentType.PAGE, updated);
  }

  private boolean markdown() {
    if (format == null) {
      return true;
    }
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "markdown", "md" -> true;
      case "storage" -> false;
      default ->
          throw ConfException.usage("--format must be markdown or storage, not '" + format + "'");
    };
  }

  private static Path write(String id, String text, String suffix) {
    try {
      Path file = Files.createTempFile("conf-page-" + id + "-", suffix);
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new ConfException(
          ExitCode.ERROR, "could not write the page to a temporary file: " + e.getMessage(), e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfException(
          ExitCode.ERROR, "could not read " + file + " back: " + e.getMessage(), e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A temporary file left behind is harmless.
    }
  }
}
