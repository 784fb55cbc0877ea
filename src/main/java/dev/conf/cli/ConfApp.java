package dev.conf.cli;

import dev.conf.auth.SecretStore;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.http.Sleeper;
import dev.conf.output.Io;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Builds the command tree and runs one command line. Every failure ends here and becomes one line
 * on stderr and an exit code ({@link ExitCode}); stack traces only with {@code --debug}, never on
 * stdout.
 */
public final class ConfApp {
  private final CommandContext context;
  private boolean jsonErrors;

  public ConfApp(CommandContext context) {
    this.context = context;
  }

  /** Runs with the real clock, real sleeps and the OS keychain. */
  public static int run(Io io, Map<String, String> env, String... args) {
    return new ConfApp(new CommandContext(io, env, Clock.systemUTC(), Sleeper.SYSTEM, null))
        .execute(args);
  }

  /** Runs with an injected clock, sleeper and keychain (tests). */
  public static int run(
      Io io,
      Map<String, String> env,
      Clock clock,
      Sleeper sleeper,
      Supplier<SecretStore> keychain,
      String... args) {
    return new ConfApp(new CommandContext(io, env, clock, sleeper, keychain)).execute(args);
  }

  /** Runs with an injected clock, sleeper, keychain and browser (tests). */
  public static int run(
      Io io,
      Map<String, String> env,
      Clock clock,
      Sleeper sleeper,
      Supplier<SecretStore> keychain,
      Browser browser,
      String... args) {
    return new ConfApp(new CommandContext(io, env, clock, sleeper, keychain).withBrowser(browser))
        .execute(args);
  }

  public int execute(String... args) {
    jsonErrors = ErrorReport.wanted(context.env(), args);
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // Scripts call this to check for conf; it needs no command model at all.
      for (String line : new Version().getVersion()) {
        context.io().out().println(line);
      }
      context.io().out().flush();
      return ExitCode.OK.code();
    }
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      context.io().out().print(HelpCache.rootHelp(context.env(), this::renderRootHelp));
      context.io().out().flush();
      return ExitCode.OK.code();
    }
    CommandLine cli = commandLine(args);
    try {
      return cli.execute(args);
    } finally {
      context.finish();
      context.io().closePager();
      context.io().out().flush();
      context.io().err().flush();
    }
  }

  private String renderRootHelp() {
    java.io.StringWriter text = new java.io.StringWriter();
    commandLine("--help").usage(new PrintWriter(text));
    return text.toString();
  }

  /**
   * The command tree for these arguments (see {@link Commands#build}), wired to this context; tests
   * parse with it without running anything. No arguments: the whole tree.
   */
  public CommandLine commandLine(String... args) {
    Io io = context.io();
    CommandLine cli = Commands.build(new RootCommand(context), new ContextFactory(context), args);
    HelpLayout.apply(cli);
    cli.setDefaultValueProvider(this::defaultValue);
    cli.setOut(io.out());
    cli.setErr(io.err());
    cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    cli.setExecutionStrategy(
        parsed -> {
          List<CommandLine> chain = parsed.asCommandLineList();
          context.commandName(chain.get(chain.size() - 1).getCommandSpec().qualifiedName());
          refuseWritesWhenReadOnly(parsed);
          return new CommandLine.RunLast().execute(parsed);
        });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> handle(ex, commandLine.getErr()));
    cli.setParameterExceptionHandler(
        (ex, unused) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          String hint =
              "Run '"
                  + ex.getCommandLine().getCommandSpec().qualifiedName()
                  + " --help' for usage.";
          if (ErrorReport.wanted(context.env())) {
            err.println(
                new ErrorReport(ExitCode.USAGE, "usage", usageMessage(ex), null, null, hint)
                    .toJson());
          } else {
            err.println("conf: " + usageMessage(ex));
            err.println(hint);
          }
          return ExitCode.USAGE.code();
        });
    return cli;
  }

  /** The commands whose --space defaults to the configured space: they need one to work in. */
  static final java.util.Set<String> DEFAULT_SPACE =
      java.util.Set.of(
          "conf page list",
          "conf page create",
          "conf blog list",
          "conf blog create",
          "conf publish");

  /**
   * Defaults from the configuration: {@code --space} of {@link #DEFAULT_SPACE}'s commands (never a
   * filter such as search's, nor a destination such as move's), and {@code --concurrency}. Read
   * only when the option is not given.
   */
  private String defaultValue(CommandLine.Model.ArgSpec arg) {
    if (arg instanceof CommandLine.Model.OptionSpec o
        && o.longestName().equals("--space")
        && o.command() != null
        && DEFAULT_SPACE.contains(o.command().qualifiedName())) {
      return context.defaultSpace();
    }
    if (arg instanceof CommandLine.Model.OptionSpec o && o.longestName().equals("--concurrency")) {
      // CONF_CONCURRENCY, else the concurrency setting, else the option's own default.
      return context.defaultConcurrency();
    }
    return null;
  }

  /**
   * A command marked {@link Access.Kind#WRITES} on a read-only profile stops here, after parsing
   * and before it runs: no input read, no request sent. Help and version requests always run.
   */
  private void refuseWritesWhenReadOnly(CommandLine.ParseResult parseResult) {
    CommandLine.ParseResult leaf = parseResult;
    while (true) {
      if (leaf.isUsageHelpRequested() || leaf.isVersionHelpRequested()) {
        return;
      }
      if (!leaf.hasSubcommand()) {
        break;
      }
      leaf = leaf.subcommand();
    }
    Object command = leaf.commandSpec().userObject();
    Access access = command == null ? null : command.getClass().getAnnotation(Access.class);
    if (access == null || access.value() != Access.Kind.WRITES) {
      return;
    }
    if (command instanceof Access.Conditional c && !c.writes()) {
      return;
    }
    String reason = context.readOnlyReason();
    if (reason != null) {
      String name = leaf.commandSpec().qualifiedName();
      throw new CommandLine.ExecutionException(
          leaf.commandSpec().commandLine(),
          name,
          context.readOnlyRefusal("`" + name + "` would change the site", reason));
    }
  }

  /**
   * The usage error's message, but never echoing the values of unknown arguments: a user who types
   * {@code --token abc} must not see the secret printed back (or captured by a CI log).
   */
  static String usageMessage(CommandLine.ParameterException ex) {
    if (ex.getCause() instanceof ConfException ce) {
      // Thrown while parsing (a default from the environment, e.g. CONF_CONCURRENCY): its words.
      return ce.getMessage();
    }
    if (ex instanceof CommandLine.UnmatchedArgumentException u) {
      List<String> options = new ArrayList<>();
      String word = null;
      for (String arg : u.getUnmatched()) {
        if (arg.startsWith("-")) {
          int eq = arg.indexOf('=');
          options.add("'" + (eq > 0 ? arg.substring(0, eq) : arg) + "'");
        } else if (word == null) {
          word = arg;
        }
      }
      if (!options.isEmpty()) {
        return (options.size() == 1 ? "unknown option: " : "unknown options: ")
            + String.join(", ", options);
      }
      if (word != null && !u.getCommandLine().getSubcommands().isEmpty()) {
        // A word where a command was expected is a command name, safe to echo.
        String suggestion = suggest(word, u.getCommandLine());
        return "unknown command '"
            + word
            + "' for '"
            + u.getCommandLine().getCommandSpec().qualifiedName()
            + "'"
            + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?");
      }
      return "unexpected argument";
    }
    return ex.getMessage();
  }

  /**
   * The command the user most likely meant: a name or alias at this level within a small edit
   * distance (closest first, then shortest), or one that starts with the word; at the root, a verb
   * of some noun ({@code status} is {@code auth status}). Null when nothing is close: picocli's own
   * guess matched letters in any order ({@code vew} became {@code move}).
   */
  static String suggest(String word, CommandLine at) {
    String w = word.toLowerCase(java.util.Locale.ROOT);
    String best = null;
    int bestScore = Integer.MAX_VALUE;
    for (String name : at.getSubcommands().keySet()) {
      if (at.getSubcommands().get(name).getCommandSpec().usageMessage().hidden()) {
        continue;
      }
      int d = distance(w, name);
      if (w.length() >= 2 && name.startsWith(w)) {
        d = Math.min(d, 1);
      }
      if (d > 2 || d * 2 >= Math.max(w.length(), 2)) {
        continue;
      }
      int score = d * 100 + name.length();
      if (score < bestScore) {
        bestScore = score;
        best = name;
      }
    }
    if (best == null && at.getParent() == null) {
      for (Commands.Noun noun : Commands.NOUNS) {
        for (Class<?> verb : noun.verbs()) {
          if (Commands.isCalled(verb, w)) {
            return noun.type().getAnnotation(picocli.CommandLine.Command.class).name() + " " + w;
          }
        }
      }
    }
    return best;
  }

  /** Levenshtein distance (insertions, deletions, substitutions). */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private int handle(Exception ex, PrintWriter err) {
    ConfException failure;
    if (ex instanceof ConfException ce) {
      failure = ce;
    } else if (ex instanceof IllegalArgumentException) {
      failure = ConfException.usage(ex.getMessage());
    } else if (ex instanceof UncheckedIOException u) {
      failure =
          new ConfException(
              ExitCode.ERROR,
              u.getMessage()
                  + ": "
                  + (u.getCause() instanceof java.nio.charset.CharacterCodingException
                      ? "it is not UTF-8 text"
                      : u.getCause().getMessage()));
    } else {
      failure = new ConfException(ExitCode.ERROR, "unexpected error: " + ex);
    }
    if (jsonErrors) {
      err.println(ErrorReport.of(failure).toJson());
    } else {
      err.println("conf: " + failure.getMessage());
    }
    if (context.globals().debug()) {
      ex.printStackTrace(err);
    }
    err.flush();
    return failure.exitCode().code();
  }

  /** Creates commands, handing those that want it the shared context. */
  private static final class ContextFactory implements CommandLine.IFactory {
    private final CommandContext context;

    ContextFactory(CommandContext context) {
      this.context = context;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        Constructor<K> c = cls.getDeclaredConstructor(CommandContext.class);
        c.setAccessible(true);
        return c.newInstance(context);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }
}
