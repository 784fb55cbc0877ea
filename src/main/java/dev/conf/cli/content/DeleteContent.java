package dev.conf.cli.content;

import dev.conf.cli.CommandContext;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.service.BodyFormat;
import dev.conf.service.ContentType;
import dev.conf.service.Page;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code conf page delete} and {@code conf blog delete}: asks first on a terminal. */
public abstract class DeleteContent implements Callable<Integer> {
  protected final CommandContext ctx;

  @Parameters(
      paramLabel = "PAGE",
      description = "An id, SPACEKEY:Title, or the URL from the browser.")
  String target;

  @Option(names = "--purge", description = "Also remove it from the trash, for good.")
  boolean purge;

  @Option(
      names = {"-y", "--yes"},
      description = "Do not ask; required when stdin is not a terminal.")
  boolean yes;

  protected DeleteContent(CommandContext ctx) {
    this.ctx = ctx;
  }

  protected abstract ContentType type();

  @Override
  public Integer call() {
    String noun = type().noun();
    if (!yes && !ctx.io().isStdinTty()) {
      throw ConfException.usage(
          "refusing to delete without --yes: stdin is not a terminal to ask on");
    }
    PageResolver resolver = new PageResolver(ctx);
    String id = resolver.id(type(), resolver.parse(target));
    String name = id;
    if (!yes) {
      Page page = ctx.service().pages().getPage(type(), id, BodyFormat.STORAGE, null);
      name = "'" + page.title() + "' (" + id + ")";
      String answer =
          ctx.io()
              .prompt(
                  (purge ? "Delete " : "Move ")
                      + noun
                      + " "
                      + name
                      + (purge ? " for good" : " to the trash")
                      + "? [y/N] ");
      String a = answer.toLowerCase(Locale.ROOT);
      if (!a.equals("y") && !a.equals("yes")) {
        throw new ConfException(ExitCode.ERROR, "cancelled: nothing was deleted");
      }
    }
    ctx.service().pages().deletePage(type(), id, purge);
    ctx.io()
        .err()
        .println(
            (purge ? "Deleted " : "Moved to the trash: ")
                + noun
                + " "
                + name
                + (purge ? " for good." : "."));
    return 0;
  }
}
