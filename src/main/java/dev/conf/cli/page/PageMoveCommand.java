package dev.conf.cli.page;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.content.ContentAddress;
import dev.conf.cli.content.PageResolver;
import dev.conf.error.ConfException;
import dev.conf.service.ContentType;
import dev.conf.service.MovePosition;
import dev.conf.service.Space;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code conf page move}: a new place in the tree, or another space. */
@Access(Access.Kind.WRITES)
@Examples({
  "conf page move DOCS:Runbook --parent DOCS:Operations",
  "conf page move 12345 --before 12300",
  "conf page move 12345 --space ARCHIVE"
})
@Command(
    name = "move",
    aliases = "mv",
    mixinStandardHelpOptions = true,
    description = {
      "Move a page (with its children) under another page, next to one, or to another space.",
      "",
      "--space KEY puts it under that space's home page.",
      "",
      "Data Center's REST API has no move operation: conf saves the page again with its new"
          + " parent (a new version), and cannot order siblings there: --before and --after put"
          + " the page under the target's parent, at the position the server chooses."
    })
public final class PageMoveCommand implements Callable<Integer> {
  private final CommandContext ctx;

  @Parameters(
      paramLabel = "PAGE",
      description = "An id, SPACEKEY:Title, or the URL from the browser.")
  String target;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Where where;

  static final class Where {
    @Option(names = "--parent", paramLabel = "PAGE", description = "As the last child of PAGE.")
    String parent;

    @Option(names = "--before", paramLabel = "PAGE", description = "Just before PAGE.")
    String before;

    @Option(names = "--after", paramLabel = "PAGE", description = "Just after PAGE.")
    String after;

    @Option(names = "--space", paramLabel = "KEY", description = "Under KEY's home page.")
    String space;
  }

  PageMoveCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    PageResolver resolver = new PageResolver(ctx);
    ContentAddress pageRef = resolver.parse(target);
    MovePosition position;
    String targetArg;
    if (where.parent != null) {
      position = MovePosition.APPEND;
      targetArg = where.parent;
    } else if (where.before != null) {
      position = MovePosition.BEFORE;
      targetArg = where.before;
    } else if (where.after != null) {
      position = MovePosition.AFTER;
      targetArg = where.after;
    } else {
      position = MovePosition.APPEND;
      targetArg = null;
    }
    ContentAddress targetRef = targetArg == null ? null : resolver.parse(targetArg);
    String id = resolver.id(ContentType.PAGE, pageRef);
    String targetId;
    if (targetRef != null) {
      targetId = resolver.id(ContentType.PAGE, targetRef);
    } else {
      Space space = ctx.service().getSpace(where.space);
      if (space.homepageId() == null) {
        throw ConfException.notFound("space " + space.key() + " has no home page to move under");
      }
      targetId = space.homepageId();
    }
    if (id.equals(targetId)) {
      throw ConfException.usage("cannot move a page relative to itself");
    }
    String note = ctx.service().pages().movePage(id, position, targetId);
    if (note != null) {
      ctx.io().err().println("note: " + note);
    }
    ctx.io()
        .err()
        .println(
            "Moved page "
                + id
                + switch (position) {
                  case APPEND -> " under " + targetId;
                  case BEFORE -> " before " + targetId;
                  case AFTER -> " after " + targetId;
                }
                + ".");
    return 0;
  }
}
