package dev.conf.cli.space;

import dev.conf.cli.Access;
import dev.conf.cli.Examples;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code conf space}: list and view spaces. */
@Access(Access.Kind.LOCAL)
@Examples({"conf space list", "conf space view DOCS"})
@Command(name = "space", mixinStandardHelpOptions = true, description = "List and view spaces.")
public final class SpaceCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
