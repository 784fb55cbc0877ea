package dev.conf.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code conf completion bash|zsh}: prints a shell completion script. */
@Access(Access.Kind.LOCAL)
@Examples({"source <(conf completion bash)", "source <(conf completion zsh)   # in ~/.zshrc"})
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print a shell completion script.",
      "",
      "bash:  source <(conf completion bash)",
      "zsh:   source <(conf completion zsh)"
    })
public final class CompletionCommand implements Runnable {
  enum Shell {
    bash,
    zsh
  }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash or zsh")
  Shell shell;

  @Override
  public void run() {
    String script = AutoComplete.bash("conf", spec.root().commandLine());
    if (shell == Shell.zsh) {
      // picocli's script works in zsh through bash compatibility.
      spec.commandLine().getOut().println("autoload -U +X compinit && compinit");
      spec.commandLine().getOut().println("autoload -U +X bashcompinit && bashcompinit");
    }
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
  }
}
