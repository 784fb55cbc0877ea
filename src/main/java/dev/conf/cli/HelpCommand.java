package dev.conf.cli;

import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code conf help [TOPIC | COMMAND...]}: a topic that no single command's help covers (as {@code
 * gh help environment}), or a command's own help ({@code conf help page update} is {@code conf page
 * update --help}).
 */
@Access(Access.Kind.LOCAL)
@Examples({"conf help environment", "conf help json", "conf help page update"})
@Command(
    name = "help",
    mixinStandardHelpOptions = true,
    description = {
      "Show a help topic, or the help of a command.",
      "",
      "Topics: environment (the variables conf reads), exit-codes (and the error codes of "
          + "--json errors), json (--json, --jq, JSON errors and every command's fields)."
    })
public final class HelpCommand implements Callable<Integer> {
  static final List<String> TOPICS = List.of("environment", "exit-codes", "json");

  private final CommandContext ctx;

  @Parameters(
      paramLabel = "TOPIC|COMMAND",
      arity = "0..*",
      description = "environment, exit-codes, json; or a command, e.g. page update.")
  List<String> words = new ArrayList<>();

  HelpCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    PrintWriter out = ctx.io().out();
    if (words.size() == 1 && TOPICS.contains(words.get(0))) {
      out.print(topic(words.get(0)));
      if (words.get(0).equals("json")) {
        out.print(jsonFields());
      }
      out.flush();
      return 0;
    }
    if (words.size() == 1 && words.get(0).equals("exit-code")) {
      words.set(0, "exit-codes");
      return call();
    }
    List<String> args = new ArrayList<>(words);
    args.add("--help");
    if (!words.isEmpty() && Commands.NOUNS.stream().noneMatch(n -> n.isCalled(words.get(0)))) {
      throw ConfException.usage(
          "no help topic or command '"
              + words.get(0)
              + "'; topics: "
              + String.join(", ", TOPICS)
              + " (commands: conf --help)");
    }
    return new ConfApp(ctx).execute(args.toArray(String[]::new));
  }

  private static String topic(String name) {
    try (InputStream in = HelpCommand.class.getResourceAsStream("help/" + name + ".txt")) {
      if (in == null) {
        throw new ConfException(ExitCode.ERROR, "help topic " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfException(ExitCode.ERROR, "cannot read help topic " + name, e);
    }
  }

  /** Every command with --json and its fields, read from the commands themselves. */
  private String jsonFields() {
    Map<String, List<String>> fields = new TreeMap<>();
    collect(new ConfApp(ctx).commandLine(), fields);
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, List<String>> e : fields.entrySet()) {
      text.append("  ").append(e.getKey()).append(System.lineSeparator());
      text.append("      ").append(String.join(", ", e.getValue())).append(System.lineSeparator());
    }
    return text.toString();
  }

  private static void collect(CommandLine cl, Map<String, List<String>> fields) {
    Object command = cl.getCommandSpec().userObject();
    if (command instanceof JsonOptions.Fielded f) {
      fields.put(cl.getCommandSpec().qualifiedName(), f.jsonFields().names());
    }
    cl.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, fields));
  }
}
