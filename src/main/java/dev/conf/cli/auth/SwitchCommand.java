package dev.conf.cli.auth;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.config.ConfigFile;
import dev.conf.config.Profile;
import dev.conf.error.ConfException;
import dev.conf.output.Io;
import dev.conf.output.TablePrinter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code conf auth switch [NAME]}: makes a saved profile the current one. Without a name it lists
 * the saved profiles: on a terminal numbered, to pick one by number or name; in a pipe as
 * tab-separated lines (name, "current" or empty, site) on stdout.
 */
@Access(Access.Kind.LOCAL)
@Examples({"conf auth switch corp", "conf auth switch", "conf auth switch | cut -f1"})
@Command(
    name = "switch",
    mixinStandardHelpOptions = true,
    description = {
      "Make a saved profile the current one.",
      "Without NAME: list the saved profiles (on a terminal, pick one by its number)."
    })
public final class SwitchCommand implements Callable<Integer> {
  private final CommandContext ctx;

  @Parameters(
      paramLabel = "NAME",
      arity = "0..1",
      description = "The profile to use from now on; without it, the saved profiles are listed.")
  String name;

  SwitchCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    ConfigFile config = ctx.config();
    if (name == null) {
      String picked = pick(config);
      if (picked == null) {
        return 0;
      }
      name = picked;
    }
    Profile profile = config.profile(name);
    if (profile == null) {
      throw ConfException.notFound(
          "no profile '"
              + name
              + "'"
              + (config.profiles().isEmpty()
                  ? "; log in with `conf auth login --profile " + name + "`"
                  : "; saved profiles: " + String.join(", ", config.profiles().keySet())));
    }
    config.setCurrent(name);
    config.save();
    ctx.io().err().println("Switched to profile '" + name + "' (" + profile.url() + ")");
    String env = ctx.env().get("CONF_PROFILE");
    if (env != null && !env.isBlank() && !env.trim().equals(name)) {
      ctx.io()
          .err()
          .println(
              "warning: CONF_PROFILE is set to '"
                  + env.trim()
                  + "', which commands use before the current profile");
    }
    return 0;
  }

  /** Lists the profiles; on a terminal returns the one picked (null: keep the current one). */
  private String pick(ConfigFile config) {
    Io io = ctx.io();
    List<SavedProfiles.Summary> profiles = SavedProfiles.list(ctx);
    if (profiles.isEmpty()) {
      throw ConfException.auth("no saved profiles: log in with `conf auth login`");
    }
    if (!io.isStdinTty() || !io.isStderrTty()) {
      TablePrinter tsv = new TablePrinter(io, "PROFILE", "", "SITE");
      for (SavedProfiles.Summary p : profiles) {
        tsv.row(p.name(), p.current() ? "current" : "", p.site());
      }
      tsv.print();
      if (io.isStdoutTty()) {
        io.err().println("Switch with conf auth switch NAME.");
      }
      return null;
    }
    io.err().println("Saved profiles:");
    int width = 0;
    for (SavedProfiles.Summary p : profiles) {
      width = Math.max(width, p.name().length());
    }
    String current = null;
    for (int i = 0; i < profiles.size(); i++) {
      SavedProfiles.Summary p = profiles.get(i);
      if (p.current()) {
        current = p.name();
      }
      io.err()
          .printf(
              "  %d. %-" + width + "s  %s%s%n",
              i + 1,
              p.name(),
              p.describe(),
              p.current() ? "  (current)" : "");
    }
    String answer =
        io.prompt(
            "Switch to (number or name"
                + (current == null ? "" : "; Enter keeps '" + current + "'")
                + "): ");
    if (answer.isEmpty()) {
      io.err()
          .println(current == null ? "No profile picked." : "Still on profile '" + current + "'.");
      return null;
    }
    if (answer.matches("[0-9]+")) {
      int n = Integer.parseInt(answer);
      if (n < 1 || n > profiles.size()) {
        throw ConfException.usage("no profile number " + answer + ": pick 1 to " + profiles.size());
      }
      return profiles.get(n - 1).name();
    }
    return answer;
  }
}
