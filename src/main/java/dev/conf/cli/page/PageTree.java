package dev.conf.cli.page;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.conf.service.PageNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tree built from a flat list of nodes that each know their parent, as the descendant operations
 * answer. Siblings keep the server's order, or its positions where it gives them.
 */
public final class PageTree {
  /** One node and its children: the nested {@code --json} form of {@code conf page tree}. */
  @JsonPropertyOrder({"id", "title", "type", "children"})
  public record Node(String id, String title, String type, List<Node> children) {}

  private PageTree() {}

  /** The tree under {@code root}, at most {@code maxDepth} levels below it. */
  public static Node under(PageNode root, List<PageNode> descendants, int maxDepth) {
    Map<String, List<PageNode>> byParent = byParent(descendants);
    return build(root, byParent, 0, maxDepth, new HashSet<>());
  }

  /** The trees of a space: every node whose parent is not in the list is a root. */
  public static List<Node> forest(List<PageNode> nodes, int maxDepth) {
    Set<String> ids = new HashSet<>();
    for (PageNode n : nodes) {
      ids.add(n.id());
    }
    List<PageNode> roots = new ArrayList<>();
    for (PageNode n : nodes) {
      if (n.parentId() == null || !ids.contains(n.parentId())) {
        roots.add(n);
      }
    }
    sort(roots);
    Map<String, List<PageNode>> byParent = byParent(nodes);
    Set<String> seen = new HashSet<>();
    List<Node> out = new ArrayList<>();
    for (PageNode r : roots) {
      out.add(build(r, byParent, 0, maxDepth, seen));
    }
    return out;
  }

  private static Map<String, List<PageNode>> byParent(List<PageNode> nodes) {
    Map<String, List<PageNode>> byParent = new LinkedHashMap<>();
    for (PageNode n : nodes) {
      if (n.parentId() != null) {
        byParent.computeIfAbsent(n.parentId(), k -> new ArrayList<>()).add(n);
      }
    }
    byParent.values().forEach(PageTree::sort);
    return byParent;
  }

  /** By position where every sibling has one; the server's order otherwise (stable sort). */
  private static void sort(List<PageNode> siblings) {
    if (siblings.stream().allMatch(n -> n.position() != null)) {
      siblings.sort(Comparator.comparingInt(PageNode::position));
    }
  }

  private static Node build(
      PageNode n, Map<String, List<PageNode>> byParent, int depth, int maxDepth, Set<String> seen) {
    List<Node> children = new ArrayList<>();
    if (seen.add(n.id()) && depth < maxDepth) {
      for (PageNode c : byParent.getOrDefault(n.id(), List.of())) {
        if (!seen.contains(c.id())) {
          children.add(build(c, byParent, depth + 1, maxDepth, seen));
        }
      }
    }
    return new Node(n.id(), n.title(), n.type(), children);
  }

  /** Lines of a drawn tree: the root, then its children with box-drawing branches. */
  public static List<String> draw(Node root) {
    List<String> lines = new ArrayList<>();
    lines.add(label(root));
    drawChildren(root, "", lines);
    return lines;
  }

  private static void drawChildren(Node n, String prefix, List<String> lines) {
    for (int i = 0; i < n.children().size(); i++) {
      Node c = n.children().get(i);
      boolean last = i == n.children().size() - 1;
      lines.add(prefix + (last ? "└── " : "├── ") + label(c));
      drawChildren(c, prefix + (last ? "    " : "│   "), lines);
    }
  }

  private static String label(Node n) {
    String kind = n.type() == null || n.type().equals("page") ? "" : " [" + n.type() + "]";
    return n.title() + kind + "  (" + n.id() + ")";
  }

  /** {@code depth<TAB>id<TAB>title} lines, depth first, for pipes. */
  public static void flatten(Node n, int depth, List<String> lines) {
    lines.add(depth + "\t" + n.id() + "\t" + clean(n.title()));
    for (Node c : n.children()) {
      flatten(c, depth + 1, lines);
    }
  }

  static String clean(String s) {
    return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }
}
