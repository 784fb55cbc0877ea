package dev.conf.cli;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.Set;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code conf completion bash|zsh|fish}: a shell completion script. Commands and options come from
 * the command model; space keys and, after {@code KEY:}, page titles from the names earlier
 * commands saw ({@code conf __complete}, reading the cache, never the network).
 */
@Access(Access.Kind.LOCAL)
@Examples({
  "source <(conf completion bash)",
  "conf completion fish > ~/.config/fish/completions/conf.fish"
})
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print a shell completion script: commands, options, and the space keys and page titles "
          + "(after KEY:) that earlier commands listed (`conf space list`, `conf page list "
          + "--space KEY`); completing never calls the site, unless nothing was listed yet and "
          + "CONF_COMPLETION_FETCH=1.",
      "",
      "Install:",
      "  bash  echo 'source <(conf completion bash)' >> ~/.bashrc",
      "  zsh   echo 'source <(conf completion zsh)' >> ~/.zshrc",
      "  fish  conf completion fish > ~/.config/fish/completions/conf.fish",
      "Then open a new shell."
    })
public final class CompletionCommand implements Runnable {
  enum Shell {
    bash,
    zsh,
    fish
  }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash, zsh or fish")
  Shell shell;

  /** Options whose value is a space key, and those whose value is a page. */
  static final String SPACE_OPTIONS = "--space|-s";

  static final String PAGE_OPTIONS = "--parent|--before|--after";

  /**
   * Wraps picocli's function: a space or page where one is expected, picocli's candidates
   * otherwise. The word is taken from the line itself, as bash splits {@code KEY:Title} at the
   * colon; candidates are quoted for the shell.
   */
  static final String BASH_NAMES =
      """

      # Space keys and page titles, from the names earlier conf commands saw.
      function _conf_names() {
        local line=${COMP_LINE:0:COMP_POINT}
        local cur=${line##*[[:space:]]}
        local before=${line%"$cur"}
        local -a toks
        read -ra toks <<< "$before"
        local prev=${toks[${#toks[@]}-1]}
        local kind=
        case "$prev" in
          @SPACE@) kind=space ;;
          @PAGE@) kind=page ;;
        esac
        if [[ -z $kind && $cur != -* ]]; then
          if [[ $cur == *:* ]]; then
            kind=page
          elif (( ${#toks[@]} >= 3 )) && [[ ${toks[1]} =~ ^(page|blog|attachment|attachments|comment|comments|label)$ && ! ${toks[2]} =~ ^(list|ls|create)$ && ${toks[2]} != -* ]]; then
            kind=page
          elif (( ${#toks[@]} == 2 )) && [[ ${toks[1]} == open ]]; then
            kind=page
          elif (( ${#toks[@]} == 3 )) && [[ ${toks[1]} == space && ${toks[2]} == view ]]; then
            kind=space
          fi
        fi
        if [[ -z $kind ]]; then
          _complete_conf "$@"
          return
        fi
        local pre=${cur%"${cur##*:}"}
        [[ $COMP_WORDBREAKS == *:* ]] || pre=
        local -a found
        mapfile -t found < <("${COMP_WORDS[0]}" __complete "$kind" "$cur" 2>/dev/null)
        COMPREPLY=()
        local c
        for c in "${found[@]}"; do
          c=${c#"$pre"}
          COMPREPLY+=("$(printf '%q' "$c")")
        done
        [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *: ]] && compopt -o nospace 2>/dev/null
        return 0
      }
      complete -F _conf_names -o default conf
      """
          .replace("@SPACE@", SPACE_OPTIONS)
          .replace("@PAGE@", PAGE_OPTIONS);

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    if (shell == Shell.fish) {
      out.print(fish(spec.root().commandLine()));
      out.flush();
      return;
    }
    String script = AutoComplete.bash("conf", spec.root().commandLine());
    if (shell == Shell.zsh) {
      // picocli's script works in zsh through bash compatibility.
      out.println("autoload -U +X compinit && compinit");
      out.println("autoload -U +X bashcompinit && bashcompinit");
    }
    out.print(script);
    out.print(BASH_NAMES);
    out.flush();
  }

  /** A fish script from the command model: nouns, verbs, their options, and names. */
  static String fish(CommandLine root) {
    StringBuilder s = new StringBuilder();
    s.append(
        "# conf completion for fish: conf completion fish > ~/.config/fish/completions/conf.fish\n");
    s.append("complete -c conf -f\n");
    s.append("function __conf_names\n");
    s.append("    set -l tok (commandline -ct)\n");
    s.append("    conf __complete $argv[1] \"$tok\" 2>/dev/null\n");
    s.append("end\n");
    Set<String> nouns = new LinkedHashSet<>();
    for (CommandLine noun : root.getSubcommands().values()) {
      if (noun.getCommandSpec().usageMessage().hidden()) {
        continue;
      }
      String name = noun.getCommandName();
      if (!nouns.add(name)) {
        continue;
      }
      s.append("complete -c conf -n __fish_use_subcommand -a ")
          .append(name)
          .append(" -d ")
          .append(quote(first(noun)))
          .append('\n');
      Set<String> verbs = new LinkedHashSet<>();
      for (CommandLine verb : noun.getSubcommands().values()) {
        if (!verbs.add(verb.getCommandName())) {
          continue;
        }
        s.append("complete -c conf -n '__fish_seen_subcommand_from ")
            .append(name)
            .append("; and not __fish_seen_subcommand_from ")
            .append(String.join(" ", noun.getSubcommands().keySet()))
            .append("' -a ")
            .append(verb.getCommandName())
            .append(" -d ")
            .append(quote(first(verb)))
            .append('\n');
        options(
            s,
            "__fish_seen_subcommand_from "
                + name
                + "; and __fish_seen_subcommand_from "
                + verb.getCommandName(),
            verb);
      }
      if (noun.getSubcommands().isEmpty()) {
        options(s, "__fish_seen_subcommand_from " + name, noun);
      }
    }
    s.append(
        "complete -c conf -n '__fish_seen_subcommand_from page blog attachment comment label open' -a '(__conf_names page)'\n");
    s.append("complete -c conf -l space -s s -x -a '(__conf_names space)'\n");
    s.append("complete -c conf -l parent -x -a '(__conf_names page)'\n");
    return s.toString();
  }

  private static void options(StringBuilder s, String condition, CommandLine command) {
    for (OptionSpec o : command.getCommandSpec().options()) {
      if (o.hidden()) {
        continue;
      }
      s.append("complete -c conf -n ").append(quote(condition));
      for (String n : o.names()) {
        if (n.startsWith("--")) {
          s.append(" -l ").append(n.substring(2));
        } else if (n.length() == 2) {
          s.append(" -s ").append(n.substring(1));
        }
      }
      if (o.arity().min() > 0) {
        s.append(" -r");
      }
      if (o.description().length > 0) {
        s.append(" -d ").append(quote(o.description()[0]));
      }
      s.append('\n');
    }
  }

  private static String first(CommandLine c) {
    String[] d = c.getCommandSpec().usageMessage().description();
    return d.length == 0 ? "" : d[0];
  }

  private static String quote(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
