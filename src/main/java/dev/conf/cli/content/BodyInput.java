package dev.conf.cli.content;

import dev.conf.error.ConfException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The body input of every command that writes one ({@code page|blog create|update}, {@code comment
 * add}): {@code --file F}, or a lone {@code -} argument for stdin. A command adopts it with
 * {@code @Mixin BodyInput body;} after its own positional parameters (the {@code -} takes the next
 * index) and reads the name with {@link #file}; {@link BodySource} then reads and converts it.
 */
public final class BodyInput {
  @Option(
      names = {"-F", "--file"},
      paramLabel = "F",
      description = "Read the body from this file ('-' for stdin).")
  String file;

  @Parameters(
      arity = "0..1",
      // Not "-": picocli's completion script generator cannot name a parameter without letters.
      paramLabel = "STDIN",
      description = "- reads the body from stdin (as --file -).")
  String dash;

  /**
   * {@code --file F}, or {@code "-"} for a lone {@code -}; null when neither was given. A usage
   * error (exit 2) for another argument in the {@code -}'s place, or for both at once.
   */
  public String file() {
    return of(file, dash);
  }

  static String of(String file, String dash) {
    if (dash != null && !dash.equals("-")) {
      throw ConfException.usage("unexpected argument '" + dash + "' (use --file F or - for stdin)");
    }
    if (dash != null && file != null) {
      throw ConfException.usage("give the body with --file or -, not both");
    }
    return dash != null ? "-" : file;
  }
}
