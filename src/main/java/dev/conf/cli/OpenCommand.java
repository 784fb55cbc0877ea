package dev.conf.cli;

import dev.conf.cli.content.ContentAddress;
import dev.conf.cli.content.PageResolver;
import dev.conf.cli.content.Web;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.service.BodyFormat;
import dev.conf.service.ContentType;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code conf open}: a page, blog post or space in the browser. */
@Access(Access.Kind.READS)
@Examples({"conf open DOCS:Runbook", "conf open ENG"})
@Command(
    name = "open",
    mixinStandardHelpOptions = true,
    description = {
      "Open a page, blog post or space in the web UI.",
      "",
      "Where no browser can be started (no display, SSH) the URL is printed on stdout."
    })
public final class OpenCommand implements Callable<Integer> {
  private static final Pattern SPACE_KEY = Pattern.compile("~?[A-Za-z][A-Za-z0-9_]*");

  private final CommandContext ctx;

  @Parameters(
      paramLabel = "PAGE|SPACEKEY",
      description = "A page id, SPACEKEY:Title, a page URL, or a space key.")
  String target;

  OpenCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    if (SPACE_KEY.matcher(target).matches()) {
      return Web.open(ctx, ctx.service().getSpace(target).url());
    }
    PageResolver resolver = new PageResolver(ctx);
    ContentAddress ref = resolver.parse(target);
    if (ref.byTitle()) {
      return Web.open(
          ctx,
          new PageResolver(ctx).findByTitle(ContentType.PAGE, ref.spaceKey(), ref.title()).url());
    }
    try {
      return Web.open(
          ctx,
          ctx.service()
              .pages()
              .getPage(ContentType.PAGE, ref.id(), BodyFormat.STORAGE, null)
              .url());
    } catch (ConfException e) {
      if (e.exitCode() != ExitCode.NOT_FOUND) {
        throw e;
      }
      // An id may be a blog post's: Cloud keeps them apart.
      return Web.open(
          ctx,
          ctx.service()
              .pages()
              .getPage(ContentType.BLOGPOST, ref.id(), BodyFormat.STORAGE, null)
              .url());
    }
  }
}
