package dev.conf.cli.template;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code conf template}: page templates. */
@Command(
    name = "template",
    mixinStandardHelpOptions = true,
    description = {
      "List page templates, to create pages from with `conf page create --template NAME|ID`.",
      "",
      "Confluence Cloud; Data Center's REST API has no template operations."
    })
public final class TemplateCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
