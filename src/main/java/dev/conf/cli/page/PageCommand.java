package dev.conf.cli.page;

import dev.conf.cli.Access;
import dev.conf.cli.Examples;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code conf page}: read, write and arrange pages. */
@Access(Access.Kind.LOCAL)
@Examples({
  "conf page list --space DOCS",
  "conf page view DOCS:Runbook",
  "conf page update DOCS:Runbook --file runbook.md"
})
@Command(
    name = "page",
    mixinStandardHelpOptions = true,
    description = {
      "Read, write and arrange pages.",
      "",
      "PAGE is a numeric id, SPACEKEY:Title, or a URL copied from the browser "
          + "(/wiki/spaces/KEY/pages/ID/..., /pages/viewpage.action?pageId=ID, "
          + "/display/KEY/Title)."
    })
public final class PageCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
