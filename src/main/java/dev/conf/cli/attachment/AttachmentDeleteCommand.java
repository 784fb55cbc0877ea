package dev.conf.cli.attachment;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.content.PageResolver;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.service.Attachment;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code conf attachment delete PAGE NAME|ID}. */
@Access(Access.Kind.WRITES)
@Examples({
  "conf attachment delete DOCS:Runbook diagram.png",
  "conf attachment delete 12345 att98765 --yes"
})
@Command(
    name = "delete",
    aliases = "rm",
    mixinStandardHelpOptions = true,
    description = {
      "Move an attachment of a page or blog post to the trash.",
      "",
      "Asks first on a terminal; in a pipe it needs --yes."
    })
public final class AttachmentDeleteCommand implements Callable<Integer> {
  private final CommandContext ctx;

  @Parameters(
      index = "0",
      paramLabel = "PAGE",
      description =
          "A page (id, SPACEKEY:Title or URL from the browser) or a blog post (its id or URL).")
  String page;

  @Parameters(index = "1", paramLabel = "NAME|ID", description = "The attachment's name or id.")
  String attachment;

  @Option(
      names = {"-y", "--yes"},
      description = "Do not ask; required when stdin is not a terminal.")
  boolean yes;

  AttachmentDeleteCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    if (!yes && !ctx.io().isStdinTty()) {
      throw ConfException.usage(
          "refusing to delete without --yes: stdin is not a terminal to ask on");
    }
    PageResolver.Target target = new PageResolver(ctx).target(page);
    List<Attachment> all =
        ctx.service().items().attachments(target.type(), target.id(), Long.MAX_VALUE);
    // A name wins over an id: names are what users see, and ids are never valid file names anyway.
    Attachment a =
        all.stream()
            .filter(x -> attachment.equals(x.name()))
            .findFirst()
            .or(() -> all.stream().filter(x -> attachment.equals(x.id())).findFirst())
            .orElseThrow(
                () ->
                    ConfException.notFound(
                        target.describe() + " has no attachment named or numbered " + attachment));
    String what = "'" + a.name() + "' (" + a.id() + ") of " + target.describe();
    if (!yes) {
      String answer = ctx.io().prompt("Move attachment " + what + " to the trash? [y/N] ");
      String r = answer.toLowerCase(Locale.ROOT);
      if (!r.equals("y") && !r.equals("yes")) {
        throw new ConfException(ExitCode.ERROR, "cancelled: nothing was deleted");
      }
    }
    ctx.service().items().deleteAttachment(a);
    ctx.io().err().println("Moved to the trash: attachment " + what + ".");
    return 0;
  }
}
