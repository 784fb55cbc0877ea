package dev.conf.cli.template;

import dev.conf.cli.Access;
import dev.conf.cli.Examples;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code conf template}: page templates. */
@Access(Access.Kind.LOCAL)
@Examples({
  "conf template list --space DOCS",
  "conf page create --space DOCS --title \"Q3 review\" --template \"Meeting notes\""
})
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
