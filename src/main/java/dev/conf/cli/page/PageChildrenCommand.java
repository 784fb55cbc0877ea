package dev.conf.cli.page;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.JsonOptions;
import dev.conf.cli.LimitOptions;
import dev.conf.cli.content.ContentAddress;
import dev.conf.cli.content.PageResolver;
import dev.conf.output.JsonFields;
import dev.conf.service.BodyFormat;
import dev.conf.service.ContentType;
import dev.conf.service.Page;
import dev.conf.service.PageNode;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code conf page children}: the pages directly under a page. */
@Access(Access.Kind.READS)
@Examples({"conf page children DOCS:Home", "conf page children 12345 --json id,title"})
@Command(
    name = "children",
    mixinStandardHelpOptions = true,
    description = {
      "List what is directly under a page: pages, and on Cloud also folders and other content.",
      "",
      "On a terminal: the page and its children drawn as a tree. In a pipe: "
          + "1<TAB>ID<TAB>TITLE lines (the depth below PAGE, as conf page tree prints it). With "
          + "--json: an array of {id, title, type, parentId, position}."
    })
public final class PageChildrenCommand implements Callable<Integer>, JsonOptions.Fielded {
  private final CommandContext ctx;

  @Parameters(
      paramLabel = "PAGE",
      description = "An id, SPACEKEY:Title, or the URL from the browser.")
  String target;

  @Mixin LimitOptions limit = new LimitOptions(100);

  @Mixin JsonOptions json;

  PageChildrenCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public JsonFields jsonFields() {
    return JsonFields.of(PageNode.class);
  }

  @Override
  public Integer call() {
    long maxItems = limit.max();
    PageResolver resolver = new PageResolver(ctx);
    ContentAddress ref = resolver.parse(target);
    boolean tty = ctx.io().isStdoutTty() && !json.enabled();
    // The terminal's drawing starts at the page itself, so it needs the title; a pipe does not.
    Page top =
        ref.byTitle()
            ? new PageResolver(ctx).findByTitle(ContentType.PAGE, ref.spaceKey(), ref.title())
            : tty
                ? ctx.service()
                    .pages()
                    .getPage(ContentType.PAGE, ref.id(), BodyFormat.STORAGE, null)
                : null;
    String id = top != null ? top.id() : ref.id();
    List<PageNode> children = ctx.service().pages().childPages(id, maxItems);
    if (json.enabled()) {
      json.print(ctx.io(), children);
      return 0;
    }
    // In the order the tree shows them (the server's positions where it gives them).
    PageTree.Node root =
        PageTree.under(
            new PageNode(id, top == null ? null : top.title(), "page", null, null, null),
            children,
            1);
    if (tty) {
      PageTree.draw(root).forEach(ctx.io().out()::println);
      if (children.isEmpty()) {
        ctx.io().err().println("Page " + id + " has no children.");
      }
    } else {
      for (PageTree.Node c : root.children()) {
        ctx.io().out().println("1\t" + c.id() + "\t" + PageTree.clean(c.title()));
      }
    }
    ctx.io().out().flush();
    return 0;
  }
}
