package dev.conf.cli.label;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code conf label}: a page's labels. */
@Command(
    name = "label",
    mixinStandardHelpOptions = true,
    description = {
      "List, add and remove a page's labels.",
      "",
      "PAGE is a numeric id, SPACEKEY:Title, or a URL copied from the browser.",
      "Labels are single words; Confluence stores them lower-cased."
    })
public final class LabelCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
