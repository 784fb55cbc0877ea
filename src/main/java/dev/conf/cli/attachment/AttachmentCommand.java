package dev.conf.cli.attachment;

import dev.conf.cli.Access;
import dev.conf.cli.Examples;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code conf attachment}: files attached to pages. */
@Access(Access.Kind.LOCAL)
@Examples({"conf attachment list DOCS:Runbook", "conf attachment upload DOCS:Runbook diagram.png"})
@Command(
    name = "attachment",
    aliases = "attachments",
    mixinStandardHelpOptions = true,
    description = {
      "List, upload, download and delete files attached to a page or blog post.",
      "",
      "PAGE is a numeric id, SPACEKEY:Title, or a URL copied from the browser;",
      "a blog post: give its id or URL (SPACEKEY:Title names a page)."
    })
public final class AttachmentCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
