package dev.conf.cli.blog;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code conf blog}: blog posts, with the same options as pages where they apply. */
@Command(
    name = "blog",
    mixinStandardHelpOptions = true,
    description = "List, view, create, update and delete blog posts.")
public final class BlogCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
