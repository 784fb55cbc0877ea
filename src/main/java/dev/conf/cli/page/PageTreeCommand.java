package dev.conf.cli.page;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.JsonOptions;
import dev.conf.cli.content.ContentAddress;
import dev.conf.cli.content.PageResolver;
import dev.conf.cli.content.TreeRoot;
import dev.conf.error.ConfException;
import dev.conf.output.JsonFields;
import dev.conf.service.BodyFormat;
import dev.conf.service.ContentType;
import dev.conf.service.Page;
import dev.conf.service.PageNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code conf page tree}: a page and everything under it, or a whole space. */
@Access(Access.Kind.READS)
@Examples({
  "conf page tree --space DOCS",
  "conf page tree DOCS:Home --depth 2",
  "conf page tree 12345 --json id,title,depth"
})
@Command(
    name = "tree",
    mixinStandardHelpOptions = true,
    description = {
      "Show the page tree under a page, or of a whole space with --space.",
      "",
      "On a terminal: a drawn tree. In a pipe: DEPTH<TAB>ID<TAB>TITLE lines, depth first. "
          + "With --json: nested {id, title, type, children} (an array of roots for --space); "
          + "--json FIELDS selects on every node and keeps children.",
      "",
      "A tree of N pages costs about N/250 requests on Cloud and N/200 on Data Center (the "
          + "descendant operations), not one per page. Cloud folders appear in the tree."
    })
public final class PageTreeCommand implements Callable<Integer>, JsonOptions.Fielded {
  private final CommandContext ctx;

  @Mixin TreeRoot root;

  @Option(
      names = "--depth",
      paramLabel = "N",
      description = "At most N levels below the top (default: all).")
  Integer depth;

  @Mixin JsonOptions json;

  PageTreeCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public JsonFields jsonFields() {
    return JsonFields.of(PageTree.Node.class).nestedIn("children");
  }

  @Override
  public Integer call() {
    root.check();
    if (depth != null && depth < 1) {
      throw ConfException.usage("--depth must be 1 or more");
    }
    int max = depth == null ? Integer.MAX_VALUE : depth;
    List<PageTree.Node> roots;
    if (root.space() != null) {
      // The space's top-level pages are the roots; --depth counts levels below them.
      roots = PageTree.forest(ctx.service().pages().spacePageTree(root.space()), max);
    } else {
      PageResolver resolver = new PageResolver(ctx);
      ContentAddress ref = resolver.parse(root.page());
      Page top =
          ref.byTitle()
              ? new PageResolver(ctx).findByTitle(ContentType.PAGE, ref.spaceKey(), ref.title())
              : ctx.service().pages().getPage(ContentType.PAGE, ref.id(), BodyFormat.STORAGE, null);
      List<PageNode> below = ctx.service().pages().descendants(top.id(), max);
      roots =
          List.of(
              PageTree.under(
                  new PageNode(top.id(), top.title(), "page", null, null, top.version()),
                  below,
                  max));
    }
    if (json.enabled()) {
      json.print(ctx.io(), root.space() != null ? roots : roots.get(0));
      return 0;
    }
    List<String> lines = new ArrayList<>();
    for (PageTree.Node root : roots) {
      if (ctx.io().isStdoutTty()) {
        lines.addAll(PageTree.draw(root));
      } else {
        PageTree.flatten(root, 0, lines);
      }
    }
    if (lines.isEmpty() && ctx.io().isStdoutTty()) {
      ctx.io().err().println("No pages in " + root.space() + ".");
    }
    ctx.io().startPager();
    lines.forEach(ctx.io().out()::println);
    ctx.io().out().flush();
    return 0;
  }
}
