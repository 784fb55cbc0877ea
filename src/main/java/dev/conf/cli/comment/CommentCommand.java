package dev.conf.cli.comment;

import dev.conf.cli.Access;
import dev.conf.cli.Examples;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code conf comment}: a page's comments. */
@Access(Access.Kind.LOCAL)
@Examples({"conf comment list DOCS:Runbook", "conf comment add DOCS:Runbook --body \"Looks good\""})
@Command(
    name = "comment",
    aliases = "comments",
    mixinStandardHelpOptions = true,
    description = {
      "List, add and delete comments on a page or blog post.",
      "",
      "PAGE is a numeric id, SPACEKEY:Title, or a URL copied from the browser;",
      "a blog post: give its id or URL (SPACEKEY:Title names a page)."
    })
public final class CommentCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
