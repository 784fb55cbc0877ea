package dev.conf.cli.content;

import dev.conf.convert.ConvertOptions;
import dev.conf.convert.FrontMatter;
import dev.conf.convert.MarkdownToStorage;
import dev.conf.convert.StorageResult;
import dev.conf.error.ConfException;
import dev.conf.output.Io;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A body given with {@code --file F} or {@code -} (stdin), read before any request so that a
 * missing or unreadable file changes nothing on the server.
 */
public final class BodySource {
  private BodySource() {}

  /**
   * A body in storage format, the front matter of the Markdown it came from (or none), and the
   * local images that Markdown references, found and hashed (none for storage format).
   */
  public record Body(String storage, FrontMatter meta, List<LocalImages.Image> images) {
    public Body {
      images = List.copyOf(images);
    }
  }

  /**
   * A body in storage format, converted from Markdown when the file says so ({@code .md}, {@code
   * .markdown}) or {@code --format markdown} does. Read and converted before any request, and the
   * Markdown's local images found on disk (relative to the file's folder; for stdin, to the current
   * directory), so that a missing image fails before any request too.
   *
   * @param format --format: storage, markdown (md), or null to go by the file's extension
   * @param codeLanguage a code block's language to the name the site's code macro knows
   * @return the body, or null when none was given
   */
  public static Body readBody(
      Io io, String file, String format, Function<String, Optional<String>> codeLanguage) {
    return readBody(io, file, format, codeLanguage, Path.of(""));
  }

  /** {@link #readBody}, with stdin's images relative to {@code cwd}. */
  static Body readBody(
      Io io,
      String file,
      String format,
      Function<String, Optional<String>> codeLanguage,
      Path cwd) {
    boolean markdown = isMarkdown(file, format); // a bad --format fails even without a body
    String text = read(io, file);
    if (text == null) {
      return null;
    }
    if (!markdown) {
      return new Body(text, FrontMatter.EMPTY, List.of());
    }
    StorageResult converted =
        MarkdownToStorage.convert(text, ConvertOptions.defaults().withCodeLanguage(codeLanguage));
    boolean stdin = file.equals("-");
    Path folder = stdin ? cwd : folderOf(Path.of(file));
    List<LocalImages.Image> images =
        LocalImages.find(converted.localImages(), folder, folder, stdin ? "stdin" : file);
    return new Body(converted.storage(), converted.meta(), images);
  }

  private static Path folderOf(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent != null ? parent : file.toAbsolutePath();
  }

  static boolean isMarkdown(String file, String format) {
    if (format != null) {
      switch (format.toLowerCase(java.util.Locale.ROOT)) {
        case "markdown":
        case "md":
          return true;
        case "storage":
          return false;
        default:
          throw ConfException.usage("--format must be storage or markdown, not '" + format + "'");
      }
    }
    String name = file == null ? "" : file.toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".md") || name.endsWith(".markdown");
  }

  /**
   * @param file the --file value; "-" for stdin; null when none was given
   * @return the text, or null when no body was given
   */
  public static String read(Io io, String file) {
    if (file == null) {
      return null;
    }
    if (file.equals("-")) {
      return io.readAllStdin();
    }
    Path path = Path.of(file);
    if (Files.isDirectory(path)) {
      throw ConfException.usage("cannot read " + file + ": it is a directory");
    }
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw ConfException.usage("cannot read " + file + ": no such file");
    } catch (IOException e) {
      throw ConfException.usage("cannot read " + file + ": " + e.getMessage());
    }
  }
}
