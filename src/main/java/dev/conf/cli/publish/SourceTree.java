package dev.conf.cli.publish;

import dev.conf.cli.content.LabelNames;
import dev.conf.cli.content.LocalImages;
import dev.conf.convert.ConvertOptions;
import dev.conf.convert.FrontMatter;
import dev.conf.convert.MarkdownToStorage;
import dev.conf.convert.StorageResult;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.util.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads a folder of Markdown files into the pages a publish makes, parents before children, each
 * converted and hashed. Reads files only: every local problem (a missing image, two pages with one
 * title) fails here, before any request.
 *
 * <p>A sub-folder that holds Markdown files (at any depth) is a page: its {@code index.md} or
 * {@code README.md} gives its title and body; without one it is titled after the folder and shows
 * its children. Other folders ({@code images/}) and hidden files and folders are ignored.
 */
public final class SourceTree {
  /** The body of a folder page without an index file: Confluence's list of the page's children. */
  static final String CHILDREN_MACRO = "<ac:structured-macro ac:name=\"children\"/>";

  private static final Parser HEADINGS =
      Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

  /** A page before conversion: where it comes from and its title. */
  private static final class Source {
    final String path;
    String parentPath; // null at the top; the root's children are put at the top
    final Path file; // null for a folder without an index file
    final String folder; // the folder links and images in the file are relative to ("" = top)
    String title;
    String markdown; // front matter plus body, the title's H1 removed
    FrontMatter meta = FrontMatter.EMPTY;

    Source(String path, String parentPath, Path file, String folder) {
      this.path = path;
      this.parentPath = parentPath;
      this.file = file;
      this.folder = folder;
    }
  }

  private final Path root;
  private final Function<String, Optional<String>> codeLanguage;
  private final List<Source> sources = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  /** Link targets (files, folders) to the titles of their pages. */
  private final Map<String, String> titles = new HashMap<>();

  private SourceTree(Path root, Function<String, Optional<String>> codeLanguage) {
    this.root = root;
    this.codeLanguage = codeLanguage;
  }

  /**
   * What reading the folder gave.
   *
   * @param rootFile the file {@code conf export} wrote for the page the pages go under (the root id
   *     given to {@link #read(Path, Function, String)}), which is not one of {@code pages}; null
   *     when there is none
   */
  public record Result(List<LocalPage> pages, List<String> warnings, String rootFile) {}

  /** The export manifest {@code conf export} leaves in its directory (docs/json.md). */
  static final String EXPORT_MANIFEST = ".conf-export.json";

  /**
   * Reads the folder as {@link #read(Path, Function)} does; when it is an export ({@code conf
   * export}'s manifest names the page each file came from) and a top-level file was exported from
   * page {@code rootId}, that file is the root itself: its children go under the root and it is not
   * published (publish writes under the root, never onto it), so exporting a space and publishing
   * the export back changes nothing.
   */
  public static Result read(
      Path dir, Function<String, Optional<String>> codeLanguage, String rootId) {
    return read(dir, codeLanguage, rootId, true);
  }

  /**
   * @param codeLanguage a code block's language to the name the site's code macro knows
   */
  public static Result read(Path dir, Function<String, Optional<String>> codeLanguage) {
    return read(dir, codeLanguage, null, false);
  }

  private static Result read(
      Path dir, Function<String, Optional<String>> codeLanguage, String rootId, boolean findRoot) {
    if (!Files.isDirectory(dir)) {
      throw ConfException.usage(
          Files.exists(dir) ? dir + " is not a directory" : "no such directory: " + dir);
    }
    SourceTree tree = new SourceTree(dir, codeLanguage);
    tree.folder(dir, "", null, null);
    if (tree.sources.isEmpty()) {
      throw ConfException.usage("no Markdown (.md) files in " + dir + ": nothing to publish");
    }
    Source rootSource = findRoot ? tree.exportedFrom(rootId) : null;
    tree.titleAll();
    List<LocalPage> pages = new ArrayList<>();
    for (Source s : tree.sources) {
      if (s == rootSource) {
        continue;
      }
      if (rootSource != null && rootSource.path.equals(s.parentPath)) {
        s.parentPath = null;
      }
      pages.add(tree.convert(s));
    }
    return new Result(
        pages, List.copyOf(tree.warnings), rootSource == null ? null : rootSource.path);
  }

  /** Whether the folder is an export: {@code conf export}'s manifest is in it. */
  public static boolean isExport(Path dir) {
    return Files.isRegularFile(dir.resolve(EXPORT_MANIFEST));
  }

  /** The top-level source the export manifest says was exported from page {@code id}, or null. */
  private Source exportedFrom(String id) {
    Path manifest = root.resolve(EXPORT_MANIFEST);
    if (id == null || !Files.isRegularFile(manifest)) {
      return null;
    }
    String path = null;
    try {
      for (com.fasterxml.jackson.databind.JsonNode e :
          dev.conf.util.Json.mapper().readTree(manifest.toFile()).path("pages")) {
        if (id.equals(e.path("id").asText(null))) {
          path = e.path("path").asText(null);
        }
      }
    } catch (IOException e) {
      warnings.add(EXPORT_MANIFEST + " cannot be read (" + e.getMessage() + "); ignored");
      return null;
    }
    for (Source s : sources) {
      if (s.parentPath == null && s.path.equals(path)) {
        return s;
      }
    }
    return null;
  }

  // ---- finding the files

  private void folder(Path dir, String rel, String parentPath, Path index) {
    List<Path> entries = list(dir);
    for (Path p : entries) {
      if (Files.isRegularFile(p) && isMarkdown(p) && !p.equals(index)) {
        String path = rel + name(p);
        sources.add(new Source(path, parentPath, p, rel));
      }
    }
    for (Path p : entries) {
      if (Files.isDirectory(p) && hasMarkdown(p)) {
        String sub = rel + name(p) + "/";
        Path subIndex = indexFile(p);
        String path = subIndex == null ? sub : sub + name(subIndex);
        Source s = new Source(path, parentPath, subIndex, sub);
        sources.add(s);
        titles.put(sub, path);
        titles.put(rel + name(p), path);
        folder(p, sub, path, subIndex);
      }
    }
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> !name(p).startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new ConfException(ExitCode.ERROR, "cannot read " + dir + ": " + e.getMessage(), e);
    }
  }

  private static boolean hasMarkdown(Path dir) {
    for (Path p : list(dir)) {
      if (Files.isRegularFile(p) ? isMarkdown(p) : Files.isDirectory(p) && hasMarkdown(p)) {
        return true;
      }
    }
    return false;
  }

  /** {@code index.md}, else {@code README.md} (any case), else null. */
  private static Path indexFile(Path dir) {
    Path readme = null;
    for (Path p : list(dir)) {
      String n = name(p).toLowerCase(Locale.ROOT);
      if (Files.isRegularFile(p) && n.equals("index.md")) {
        return p;
      }
      if (Files.isRegularFile(p) && n.equals("readme.md") && readme == null) {
        readme = p;
      }
    }
    return readme;
  }

  static boolean isMarkdown(Path p) {
    String n = name(p).toLowerCase(Locale.ROOT);
    return n.endsWith(".md") || n.endsWith(".markdown");
  }

  private static String name(Path p) {
    return p.getFileName().toString();
  }

  // ---- titles

  private void titleAll() {
    Map<String, String> byTitle = new LinkedHashMap<>();
    for (Source s : sources) {
      if (s.file == null) {
        String folder = s.path.substring(0, s.path.length() - 1);
        s.title = folder.substring(folder.lastIndexOf('/') + 1);
      } else {
        title(s);
      }
      if (s.title.isBlank()) {
        throw ConfException.usage(s.path + " has an empty title");
      }
      String other = byTitle.putIfAbsent(s.title, s.path);
      if (other != null) {
        throw ConfException.usage(
            "two pages would be titled '"
                + s.title
                + "': "
                + other
                + " and "
                + s.path
                + " (titles are unique in a space; set a title: in one's front matter)");
      }
      titles.putIfAbsent(s.path, s.path);
    }
  }

  /** Front matter title, else the first top-level H1 (then left out of the body), else the name. */
  private void title(Source s) {
    String text = read(s.file).replace("\r\n", "\n").replace('\r', '\n');
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    int bodyAt = frontMatterEnd(text);
    String front = text.substring(0, bodyAt);
    String body = text.substring(bodyAt);
    s.meta = front.isEmpty() ? FrontMatter.EMPTY : MarkdownToStorage.convert(front).meta();
    s.markdown = text;
    if (s.meta.title() != null && !s.meta.title().isBlank()) {
      s.title = s.meta.title().strip();
      return;
    }
    Node doc = HEADINGS.parse(body);
    for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Heading h && h.getLevel() == 1) {
        StringBuilder sb = new StringBuilder();
        plain(h, sb);
        String title = sb.toString().strip();
        if (!title.isEmpty()) {
          s.title = title;
          s.markdown = front + withoutLines(body, h.getSourceSpans());
          return;
        }
      }
    }
    String name = name(s.file);
    s.title = name.substring(0, name.lastIndexOf('.'));
  }

  /** Where the body starts: after a leading {@code ---} … {@code ---} block, else 0. */
  static int frontMatterEnd(String text) {
    if (!text.startsWith("---\n")) {
      return 0;
    }
    int pos = 4;
    while (pos <= text.length()) {
      int nl = text.indexOf('\n', pos);
      String line = nl < 0 ? text.substring(pos) : text.substring(pos, nl);
      if (line.strip().equals("---") || line.strip().equals("...")) {
        return nl < 0 ? text.length() : nl + 1;
      }
      if (nl < 0) {
        break;
      }
      pos = nl + 1;
    }
    return 0;
  }

  private static String withoutLines(String body, List<SourceSpan> spans) {
    TreeSet<Integer> drop = new TreeSet<>();
    for (SourceSpan span : spans) {
      drop.add(span.getLineIndex());
    }
    String[] lines = body.split("\n", -1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      if (!drop.contains(i)) {
        sb.append(lines[i]);
        if (i < lines.length - 1) {
          sb.append('\n');
        }
      }
    }
    return sb.toString();
  }

  private static void plain(Node n, StringBuilder sb) {
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof Text t) {
        sb.append(t.getLiteral());
      } else if (c instanceof Code code) {
        sb.append(code.getLiteral());
      } else if (c instanceof SoftLineBreak) {
        sb.append(' ');
      } else {
        plain(c, sb);
      }
    }
  }

  // ---- converting

  private LocalPage convert(Source s) {
    String parentTitle = s.parentPath == null ? "" : sourceAt(s.parentPath).title;
    if (s.file == null) {
      return page(s, parentTitle, CHILDREN_MACRO, List.of(), Map.of(), Map.of());
    }
    ConvertOptions options =
        ConvertOptions.defaults()
            .withPageForLink(target -> pageForLink(s, target))
            .withAttachmentForImage(LocalImages::fileName)
            .withCodeLanguage(codeLanguage);
    StorageResult converted = MarkdownToStorage.convert(s.markdown, options);
    List<String> labels = LabelNames.of(converted.meta().labels());
    Map<String, Path> images = new TreeMap<>();
    Map<String, String> hashes = new TreeMap<>();
    for (LocalImages.Image image :
        LocalImages.find(converted.localImages(), root.resolve(s.folder), root, s.path)) {
      images.put(image.name(), image.file());
      hashes.put(image.name(), image.hash());
    }
    return page(s, parentTitle, converted.storage(), labels, images, hashes);
  }

  private LocalPage page(
      Source s,
      String parentTitle,
      String storage,
      List<String> labels,
      Map<String, Path> images,
      Map<String, String> hashes) {
    StringBuilder h = new StringBuilder();
    h.append("title\n").append(s.title).append("\nparent\n").append(parentTitle);
    h.append("\nlabels\n").append(String.join(",", new TreeSet<>(labels)));
    h.append("\nimages\n");
    new TreeMap<>(hashes).forEach((k, v) -> h.append(k).append('=').append(v).append('\n'));
    h.append("body\n").append(storage);
    return new LocalPage(
        s.path, s.title, s.parentPath, storage, labels, images, hashes, Sha256.of(h.toString()));
  }

  private Source sourceAt(String path) {
    for (Source s : sources) {
      if (s.path.equals(path)) {
        return s;
      }
    }
    throw new IllegalStateException("no page for " + path);
  }

  /** A relative link to another Markdown file or folder of the tree: that page's title. */
  private Optional<String> pageForLink(Source from, String target) {
    String rel = normalize(target.startsWith("/") ? "" : from.folder, target);
    if (rel == null) {
      return Optional.empty();
    }
    String page = titles.get(rel);
    if (page == null && rel.endsWith("/")) {
      page = titles.get(rel.substring(0, rel.length() - 1));
    }
    if (page == null) {
      String lower = rel.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
        warnings.add(
            from.path + ": link to " + target + ", which is not in the folder; left as is");
      }
      return Optional.empty();
    }
    return Optional.of(sourceAt(page).title);
  }

  /**
   * {@code target} relative to folder {@code base} (both {@code /}-separated, relative to the
   * root), with {@code .} and {@code ..} resolved; null when it leaves the root.
   */
  static String normalize(String base, String target) {
    List<String> parts = new ArrayList<>();
    for (String p : (base + target).split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.remove(parts.size() - 1);
      } else {
        parts.add(p);
      }
    }
    String joined = String.join("/", parts);
    return target.endsWith("/") && !joined.isEmpty() ? joined + "/" : joined;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfException(ExitCode.ERROR, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
