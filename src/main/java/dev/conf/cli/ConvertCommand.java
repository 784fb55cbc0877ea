package dev.conf.cli;

import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.output.Io;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code conf convert}: Markdown ⇄ storage format, offline. The conversion itself lives in {@code
 * dev.conf.convert}; this class only reads the input and picks the direction. No method here names
 * a convert type in its signature, so that building the command tree for {@code --help} (picocli
 * reflects over every command's methods) loads none of it.
 */
@Access(Access.Kind.LOCAL)
@Examples({
  "conf convert README.md > readme.xhtml",
  "conf page view 12345 --raw | conf convert --from storage --to md"
})
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description = {
      "Convert Markdown to Confluence storage format (XHTML) or back, offline.",
      "",
      "The input format comes from the file extension (.md, .markdown; .xhtml,",
      ".html, .xml) unless --from says; stdin (-) needs --from. --to defaults to",
      "the other format. YAML front matter is metadata, left out of the output.",
      "Macros Markdown cannot express are kept verbatim (a 'confluence-storage'",
      "code block, or a conf:storage link inline), so converting back restores",
      "them. With --deployment dc (or CONFLUENCE_DEPLOYMENT=dc), code block",
      "languages become the names Data Center's code macro knows, or none.",
      "Details: docs/markdown.md."
    })
public final class ConvertCommand implements Callable<Integer> {
  enum Format {
    md,
    storage
  }

  private final CommandContext ctx;

  @Option(
      names = "--from",
      paramLabel = "md|storage",
      description = "Input format (md or markdown, storage).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "md|storage",
      description = "Output format (default: the other one).")
  String to;

  @Parameters(
      paramLabel = "FILE",
      arity = "0..1",
      defaultValue = "-",
      description = "The file to convert, or - for stdin (the default).")
  String file;

  ConvertCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Format source = from != null ? format("--from", from) : formatOf(file);
    Format target =
        to != null ? format("--to", to) : (source == Format.md ? Format.storage : Format.md);
    if (source == target) {
      throw ConfException.usage("--from and --to are both " + source + ": nothing to convert");
    }
    if (file.equals("-") && ctx.io().isStdinTty()) {
      ctx.io().err().println("Reading " + source + " from the terminal; end with Ctrl-D.");
    }
    String input = read(ctx.io(), file);
    String output =
        source == Format.md
            ? Converter.toStorage(input, ctx.offlineCapabilities().codeLanguage())
            : Converter.toMarkdown(input);
    ctx.io().out().print(output);
    ctx.io().out().flush();
    return ExitCode.OK.code();
  }

  /** md, markdown or storage, as every --format takes them ({@link FormatNames}). */
  private static Format format(String option, String value) {
    return FormatNames.body(option, value) == FormatNames.Body.MARKDOWN
        ? Format.md
        : Format.storage;
  }

  static Format formatOf(String file) {
    if (file.equals("-")) {
      throw ConfException.usage("reading stdin needs --from md or --from storage");
    }
    String name = Path.of(file).getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".md") || name.endsWith(".markdown")) {
      return Format.md;
    }
    if (name.endsWith(".xhtml") || name.endsWith(".html") || name.endsWith(".xml")) {
      return Format.storage;
    }
    throw ConfException.usage(
        "cannot tell the format of '" + file + "' from its name: add --from md or --from storage");
  }

  static String read(Io io, String file) {
    if (file.equals("-")) {
      return io.readAllStdin();
    }
    Path path = Path.of(file);
    if (Files.isDirectory(path)) {
      throw ConfException.usage("'" + file + "' is a directory, not a file");
    }
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw ConfException.usage("no such file: " + file);
    } catch (IOException e) {
      throw new ConfException(ExitCode.ERROR, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The calls into dev.conf.convert, in a class of their own that loads only when converting. */
  private static final class Converter {
    static String toStorage(
        String markdown, java.util.function.Function<String, java.util.Optional<String>> language) {
      dev.conf.convert.ConvertOptions options =
          dev.conf.convert.ConvertOptions.defaults().withCodeLanguage(language);
      return dev.conf.convert.MarkdownToStorage.convert(markdown, options).storage();
    }

    static String toMarkdown(String storage) {
      return dev.conf.convert.StorageToMarkdown.convert(storage);
    }
  }
}
