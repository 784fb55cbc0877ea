package dev.conf.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * How every command's {@code --help} reads, as {@code gh}'s does: the command's own options first,
 * then the options every command takes under "Global options:", then "Examples:" from the command's
 * {@link Examples}. {@code -V/--version} is the root's alone: below it picocli's standard help
 * mixin would add it to every command, so it is taken out of their model here.
 */
final class HelpLayout {
  static final String GLOBAL_OPTIONS = "globalOptions";
  static final String EXAMPLES = "examples";

  private HelpLayout() {}

  /** Applies the layout to this command line and every (real) command below it. */
  static void apply(CommandLine cli) {
    apply(cli, true);
  }

  private static void apply(CommandLine cli, boolean root) {
    CommandSpec spec = cli.getCommandSpec();
    if (!root) {
      OptionSpec version = spec.findOption("--version");
      if (version != null && version.versionHelp()) {
        spec.remove(version);
      }
    }
    if (spec.options().stream().noneMatch(OptionSpec::usageHelp) && spec.findOption("-h") == null) {
      // picocli drops the whole standard mixin when a command has its own --version (page
      // restore): -h/--help must still work on every command.
      spec.addOption(
          OptionSpec.builder("-h", "--help")
              .usageHelp(true)
              .description("Show this help message and exit.")
              .build());
    }
    CommandLine.Model.UsageMessageSpec usage = spec.usageMessage();
    usage.abbreviateSynopsis(true);
    if (usage.parameterListHeading().isEmpty()) {
      usage.parameterListHeading("%nArguments:%n");
    }
    if ("Commands:%n".equals(usage.commandListHeading())) {
      usage.commandListHeading("%nCommands:%n");
    }
    Map<String, CommandLine.IHelpSectionRenderer> sections =
        new LinkedHashMap<>(cli.getHelpSectionMap());
    sections.put(
        CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING,
        h -> ownOptions(h).isEmpty() ? "" : String.format("%nOptions:%n"));
    sections.put(
        CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpLayout::ownOptions);
    sections.put(GLOBAL_OPTIONS, HelpLayout::globalOptions);
    sections.put(EXAMPLES, HelpLayout::examples);
    List<String> keys = new ArrayList<>(cli.getHelpSectionKeys());
    // picocli hands section keys down to subcommands already added: place ours once.
    keys.remove(GLOBAL_OPTIONS);
    keys.remove(EXAMPLES);
    // As gh: own options, the subcommands, then the inherited options and the examples.
    int at = keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST) + 1;
    keys.add(at, GLOBAL_OPTIONS);
    keys.add(at + 1, EXAMPLES);
    cli.setHelpSectionMap(sections);
    cli.setHelpSectionKeys(keys);
    for (CommandLine sub : cli.getSubcommands().values()) {
      if (sub.getCommandSpec().userObject() != null) {
        apply(sub, false);
      }
    }
  }

  /**
   * Whether an option is listed under "Global options:": below the root, those the root passes down
   * and {@code -h/--help}, which every command takes; the root's own are all its options.
   */
  static boolean isGlobal(CommandSpec spec, OptionSpec o) {
    if (spec.parent() == null) {
      return false;
    }
    return o.inherited() || o.usageHelp();
  }

  private static String ownOptions(Help help) {
    CommandSpec spec = help.commandSpec();
    List<OptionSpec> own = new ArrayList<>();
    for (OptionSpec o : spec.options()) {
      if (!o.hidden() && !isGlobal(spec, o) && (o.group() == null || o.group().heading() == null)) {
        own.add(o);
      }
    }
    return list(help, own);
  }

  private static String globalOptions(Help help) {
    CommandSpec spec = help.commandSpec();
    List<OptionSpec> global = new ArrayList<>();
    for (OptionSpec o : spec.options()) {
      if (!o.hidden() && isGlobal(spec, o)) {
        global.add(o);
      }
    }
    if (global.isEmpty()) {
      return "";
    }
    return String.format("%nGlobal options:%n") + list(help, global);
  }

  private static String list(Help help, List<OptionSpec> options) {
    if (options.isEmpty()) {
      return "";
    }
    Comparator<OptionSpec> byName =
        Comparator.comparing(
            (OptionSpec o) -> o.shortestName().replaceFirst("^-+", "").toLowerCase(Locale.ROOT));
    return help.optionListExcludingGroups(
        options,
        help.createDefaultLayout(),
        help.commandSpec().usageMessage().sortOptions() ? byName : null,
        help.parameterLabelRenderer());
  }

  private static String examples(Help help) {
    Object command = help.commandSpec().userObject();
    Examples examples = command == null ? null : command.getClass().getAnnotation(Examples.class);
    if (examples == null || examples.value().length == 0) {
      return "";
    }
    StringBuilder text = new StringBuilder(String.format("%nExamples:%n"));
    for (String line : examples.value()) {
      text.append("  ").append(line.isEmpty() || line.startsWith("#") ? line : "$ " + line);
      text.append(System.lineSeparator());
    }
    return text.toString();
  }
}
