package dev.conf.cli.content;

import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The user's text editor ({@code CONF_EDITOR}, the {@code editor} setting, {@code $VISUAL} or else
 * {@code $EDITOR}: {@code CommandContext.editorCommand()}), run on one file in the terminal conf
 * runs in. The variable may hold arguments ({@code code --wait}): on Unix it goes through {@code sh
 * -c}, as git runs it, with the file as {@code $1}.
 */
public final class Editor {
  private final String command;

  private Editor(String command) {
    this.command = command;
  }

  /** The editor a command names ({@code CommandContext.editorCommand()}), or null for none. */
  public static Editor of(String command) {
    return command == null || command.isBlank() ? null : new Editor(command.strip());
  }

  /** The command as the environment gave it. */
  public String command() {
    return command;
  }

  /**
   * Runs the editor on {@code file} with the terminal's streams and waits for it; exit 1 when it
   * cannot be started or exits with a failure.
   */
  public void edit(Path file) {
    List<String> argv = new ArrayList<>();
    if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
      argv.addAll(List.of(command.split("\\s+")));
      argv.add(file.toString());
    } else {
      argv.addAll(List.of("sh", "-c", command + " \"$1\"", "sh", file.toString()));
    }
    int code;
    try {
      code = new ProcessBuilder(argv).inheritIO().start().waitFor();
    } catch (IOException e) {
      throw new ConfException(
          ExitCode.ERROR, "could not start the editor '" + command + "': " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConfException(ExitCode.ERROR, "interrupted while the editor ran", e);
    }
    if (code != 0) {
      throw new ConfException(
          ExitCode.ERROR, "the editor '" + command + "' exited with status " + code);
    }
  }
}
