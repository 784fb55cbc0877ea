package dev.conf.cli.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conf.service.PageNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageTreeTest {
  static PageNode n(String id, String parent, Integer position) {
    return new PageNode(id, "P" + id, "page", parent, position, null);
  }

  static List<String> lines(PageTree.Node root) {
    List<String> out = new ArrayList<>();
    PageTree.flatten(root, 0, out);
    return out;
  }

  @Test
  void siblingsFollowPositionsWhenAllHaveOneAndServerOrderOtherwise() {
    PageTree.Node byPosition =
        PageTree.under(n("1", null, null), List.of(n("3", "1", 2), n("2", "1", 1)), 10);
    assertThat(lines(byPosition)).containsExactly("0\t1\tP1", "1\t2\tP2", "1\t3\tP3");
    PageTree.Node serverOrder =
        PageTree.under(n("1", null, null), List.of(n("3", "1", null), n("2", "1", 1)), 10);
    assertThat(lines(serverOrder)).containsExactly("0\t1\tP1", "1\t3\tP3", "1\t2\tP2");
  }

  @Test
  void depthCutsAndChildrenMayArriveBeforeTheirParents() {
    List<PageNode> flat = List.of(n("4", "3", null), n("3", "2", null), n("2", "1", null));
    assertThat(lines(PageTree.under(n("1", null, null), flat, 2)))
        .containsExactly("0\t1\tP1", "1\t2\tP2", "2\t3\tP3");
  }

  @Test
  void aForestStartsAtNodesWhoseParentIsAbsentAndSurvivesACycle() {
    List<PageNode> flat =
        List.of(
            n("10", null, 2),
            n("20", "99", 1),
            n("11", "10", null),
            n("a", "b", null),
            n("b", "a", null));
    List<PageTree.Node> roots = PageTree.forest(flat, Integer.MAX_VALUE);
    assertThat(roots).extracting(PageTree.Node::id).containsExactly("20", "10");
    assertThat(roots.get(1).children()).extracting(PageTree.Node::id).containsExactly("11");
  }

  @Test
  void drawsBranches() {
    PageTree.Node root =
        PageTree.under(
            n("1", null, null),
            List.of(
                n("2", "1", null),
                new PageNode("3", "Archive", "folder", "1", null, null),
                n("4", "3", null)),
            10);
    assertThat(PageTree.draw(root))
        .containsExactly("P1  (1)", "├── P2  (2)", "└── Archive [folder]  (3)", "    └── P4  (4)");
  }
}
