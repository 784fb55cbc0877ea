package dev.conf.cli.export;

import dev.conf.convert.ConfLinks;
import dev.conf.service.PageNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where each page of an export goes, relative to the export directory, with {@code /} separators.
 * Pure: the same tree always gives the same paths.
 *
 * <ul>
 *   <li>A page without children is {@code <name><ext>}; a page with children is a folder {@code
 *       <name>/} holding {@code index<ext>} and the children. A Cloud folder is a folder without an
 *       index file.
 *   <li>{@code <name>} is the title made file-safe ({@link #fileName}). A sibling whose name would
 *       clash with an earlier sibling's file or folder (ignoring case, as macOS and Windows do), or
 *       with the parent's {@code index} file, gets {@code " (<id>)"} appended.
 *   <li>A page's attachments go in {@code <file base>.attachments/} next to its file: {@code x.md}
 *       has {@code x.attachments/}, {@code x/index.md} has {@code x/index.attachments/}.
 * </ul>
 */
final class ExportLayout {
  /** Longest name kept from a title, in characters (file systems allow 255 bytes). */
  static final int MAX_NAME = 100;

  static final String INDEX = "index";
  static final String ATTACHMENTS = ".attachments";

  /**
   * Where one node goes.
   *
   * @param file the page's file, or for a folder its directory ending in {@code /}
   * @param attachmentsDir the directory its attachments go in, ending in {@code /}; null for
   *     folders
   */
  record Place(PageNode node, String file, String attachmentsDir) {
    boolean folder() {
      return "folder".equals(node.type());
    }
  }

  private ExportLayout() {}

  /**
   * Places every page and folder of {@code nodes}; other content (Cloud whiteboards, databases) and
   * what sits under it is left out. A node whose parent is not in the list is placed at the top.
   *
   * @param ext the page file extension, with its dot
   * @return by id, parents before their children
   */
  static Map<String, Place> plan(List<PageNode> nodes, String ext) {
    Map<String, PageNode> byId = new LinkedHashMap<>();
    for (PageNode n : nodes) {
      if ("page".equals(n.type()) || "folder".equals(n.type())) {
        byId.putIfAbsent(n.id(), n);
      }
    }
    Map<String, List<PageNode>> children = new LinkedHashMap<>();
    List<PageNode> roots = new ArrayList<>();
    Set<String> skippedParents = new HashSet<>();
    for (PageNode n : nodes) {
      if (!byId.containsKey(n.id())) {
        skippedParents.add(n.id());
      }
    }
    for (PageNode n : byId.values()) {
      if (n.parentId() != null && byId.containsKey(n.parentId())) {
        children.computeIfAbsent(n.parentId(), k -> new ArrayList<>()).add(n);
      } else if (n.parentId() == null || !skippedParents.contains(n.parentId())) {
        roots.add(n);
      }
    }
    Map<String, Place> out = new LinkedHashMap<>();
    place(roots, "", Set.of(".conf-export.json"), children, ext, out);
    return out;
  }

  private static void place(
      List<PageNode> siblings,
      String dir,
      Set<String> reserved,
      Map<String, List<PageNode>> children,
      String ext,
      Map<String, Place> out) {
    List<PageNode> sorted = new ArrayList<>(siblings);
    sorted.sort(
        Comparator.comparing(
                (PageNode n) -> n.position() == null ? Integer.MAX_VALUE : n.position())
            .thenComparing(n -> n.title() == null ? "" : n.title())
            .thenComparing(PageNode::id));
    Set<String> used = new HashSet<>();
    for (String r : reserved) {
      used.add(r.toLowerCase(Locale.ROOT));
    }
    for (PageNode n : sorted) {
      List<PageNode> below = children.getOrDefault(n.id(), List.of());
      boolean asDir = !below.isEmpty() || "folder".equals(n.type());
      String name = fileName(n.title());
      if (clashes(name, asDir, ext, used)) {
        name = name + " (" + n.id() + ")";
      }
      claim(name, asDir, ext, used);
      if (asDir) {
        String sub = dir + name + "/";
        boolean folder = "folder".equals(n.type());
        out.put(
            n.id(),
            new Place(
                n,
                folder ? sub : sub + INDEX + ext,
                folder ? null : sub + INDEX + ATTACHMENTS + "/"));
        Set<String> inside = folder ? Set.of() : Set.of(INDEX + ext, INDEX + ATTACHMENTS, INDEX);
        place(below, sub, inside, children, ext, out);
      } else {
        out.put(n.id(), new Place(n, dir + name + ext, dir + name + ATTACHMENTS + "/"));
      }
    }
  }

  private static List<String> diskNames(String name, boolean asDir, String ext) {
    String lower = name.toLowerCase(Locale.ROOT);
    return asDir ? List.of(lower) : List.of(lower + ext, lower + ATTACHMENTS, lower);
  }

  private static boolean clashes(String name, boolean asDir, String ext, Set<String> used) {
    return diskNames(name, asDir, ext).stream().anyMatch(used::contains);
  }

  private static void claim(String name, boolean asDir, String ext, Set<String> used) {
    used.addAll(diskNames(name, asDir, ext));
  }

  /**
   * A title as a file or folder name: {@code / \ : * ? " < > |} and control characters become
   * {@code -}, leading and trailing dots and spaces go, Unicode stays; at most {@value #MAX_NAME}
   * characters; {@code untitled} when nothing is left; a Windows device name ({@code CON}, {@code
   * NUL}, {@code COM1}, …) gets a {@code _}.
   */
  static String fileName(String title) {
    String t = title == null ? "" : title;
    StringBuilder sb = new StringBuilder();
    t.codePoints()
        .limit(MAX_NAME)
        .forEach(
            c -> {
              if (c < 0x20 || c == 0x7f || "/\\:*?\"<>|".indexOf(c) >= 0) {
                sb.append('-');
              } else {
                sb.appendCodePoint(c);
              }
            });
    String s = sb.toString();
    int from = 0;
    int to = s.length();
    while (from < to && (s.charAt(from) == '.' || s.charAt(from) == ' ')) {
      from++;
    }
    while (to > from && (s.charAt(to - 1) == '.' || s.charAt(to - 1) == ' ')) {
      to--;
    }
    s = s.substring(from, to);
    if (s.isEmpty()) {
      return "untitled";
    }
    // Windows refuses device names as files, with any extension (CON.md, nul.storage.xhtml);
    // the same names on every system keep an export's manifest portable.
    int dot = s.indexOf('.');
    String base = (dot < 0 ? s : s.substring(0, dot)).toUpperCase(Locale.ROOT);
    if (!WINDOWS_DEVICES.matcher(base).matches()) {
      return s;
    }
    return dot < 0 ? s + "_" : s.substring(0, dot) + "_" + s.substring(dot);
  }

  private static final java.util.regex.Pattern WINDOWS_DEVICES =
      java.util.regex.Pattern.compile("CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³]");

  /** An attachment's file name: only path separators and control characters are replaced. */
  static String attachmentName(String name) {
    String n = name == null ? "" : name;
    StringBuilder sb = new StringBuilder();
    n.codePoints().forEach(c -> sb.appendCodePoint(c < 0x20 || c == '/' || c == '\\' ? '_' : c));
    String s = sb.toString();
    return s.isEmpty() || s.equals(".") || s.equals("..") ? "attachment_" + s : s;
  }

  /** The directory part of a relative path, ending in {@code /}, or empty at the top. */
  static String dirOf(String path) {
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    int slash = p.lastIndexOf('/');
    return slash < 0 ? "" : p.substring(0, slash + 1);
  }

  /**
   * The link from a file to another file, both relative to the export directory, as a Markdown link
   * target: {@code ../} steps and percent-encoded segments.
   */
  static String link(String fromFile, String toFile) {
    String[] from = dirOf(fromFile).split("/");
    String[] to = toFile.split("/");
    int common = 0;
    int fromLen = dirOf(fromFile).isEmpty() ? 0 : from.length;
    while (common < fromLen && common < to.length - 1 && from[common].equals(to[common])) {
      common++;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = common; i < fromLen; i++) {
      sb.append("../");
    }
    for (int i = common; i < to.length; i++) {
      if (i > common) {
        sb.append('/');
      }
      sb.append(ConfLinks.encode(to[i]));
    }
    return sb.toString();
  }
}
