package dev.conf.cli.blog;

import dev.conf.cli.Access;
import dev.conf.cli.Examples;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code conf blog}: blog posts, with the same options as pages where they apply. */
@Access(Access.Kind.LOCAL)
@Examples({"conf blog list --space ENG", "conf blog create --space ENG --file release-notes.md"})
@Command(
    name = "blog",
    mixinStandardHelpOptions = true,
    description = "List, view, create, update, delete and restore blog posts.")
public final class BlogCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
