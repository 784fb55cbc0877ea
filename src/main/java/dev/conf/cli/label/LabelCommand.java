package dev.conf.cli.label;

import dev.conf.cli.Access;
import dev.conf.cli.Examples;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code conf label}: a page's labels. */
@Access(Access.Kind.LOCAL)
@Examples({"conf label list DOCS:Runbook", "conf label add DOCS:Runbook runbook oncall"})
@Command(
    name = "label",
    mixinStandardHelpOptions = true,
    description = {
      "List, add and remove the labels of a page or blog post.",
      "",
      "PAGE is a numeric id, SPACEKEY:Title, or a URL copied from the browser;",
      "a blog post: give its id or URL (SPACEKEY:Title names a page).",
      "Labels are single words; Confluence stores them lower-cased."
    })
public final class LabelCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
