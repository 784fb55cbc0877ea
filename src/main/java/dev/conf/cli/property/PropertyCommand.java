package dev.conf.cli.property;

import dev.conf.cli.Access;
import dev.conf.cli.Examples;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code conf property}: a page's content properties. */
@Access(Access.Kind.LOCAL)
@Examples({
  "conf property list DOCS:Runbook",
  "conf property set DOCS:Runbook owner '\"team-ops\"'"
})
@Command(
    name = "property",
    mixinStandardHelpOptions = true,
    description = {
      "List, read, write and delete the content properties of a page or blog post.",
      "",
      "A content property is a key with a JSON value, kept on the page by apps and scripts; "
          + "writing one makes no page version. PAGE is a numeric id, SPACEKEY:Title, or a URL "
          + "copied from the browser; a blog post: give its id or URL."
    })
public final class PropertyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
