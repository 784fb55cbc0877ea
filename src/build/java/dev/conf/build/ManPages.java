package dev.conf.build;

import dev.conf.cli.CommandContext;
import dev.conf.cli.ConfApp;
import dev.conf.cli.Examples;
import dev.conf.http.Sleeper;
import dev.conf.output.Io;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes a man page (roff, section 1) for every command: {@code conf.1}, {@code conf-page.1},
 * {@code conf-page-update.1}, …, from the command model itself (picocli's {@code CommandSpec} and
 * conf's {@link Examples}), so they say what {@code --help} says. Run at build time with the JDK's
 * single-file source launcher and the jar on the class path:
 *
 * <pre>java -cp target/conf.jar src/build/java/dev/conf/build/ManPages.java DIR VERSION</pre>
 *
 * <p>Our own small roff writer rather than picocli-codegen's {@code ManPageGenerator}: that one
 * writes AsciiDoc, which needs Asciidoctor (another toolchain) to become roff, and knows nothing of
 * conf's examples or of its own-options-then-global-options layout.
 */
public final class ManPages {
  private ManPages() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: ManPages DIR VERSION");
      System.exit(2);
    }
    long start = System.nanoTime();
    CommandContext ctx =
        new CommandContext(Io.builder().build(), Map.of(), Clock.systemUTC(), Sleeper.SYSTEM, null);
    List<Path> written = write(new ConfApp(ctx).commandLine(), Path.of(args[0]), args[1]);
    System.err.printf(
        "[conf man] %d man pages in %s in %d ms%n",
        written.size(), args[0], (System.nanoTime() - start) / 1_000_000);
  }

  /** Writes one page per visible command under {@code root} into {@code dir}; returns them. */
  public static List<Path> write(CommandLine root, Path dir, String version) throws IOException {
    Files.createDirectories(dir);
    List<CommandLine> all = new ArrayList<>();
    collect(root, all);
    List<Path> out = new ArrayList<>();
    for (CommandLine cl : all) {
      Path file = dir.resolve(fileName(cl.getCommandSpec()) + ".1");
      Files.writeString(file, page(cl, version), StandardCharsets.UTF_8);
      out.add(file);
    }
    return out;
  }

  /** Every command that is not hidden, parents first, aliases once. */
  static void collect(CommandLine cl, List<CommandLine> all) {
    if (cl.getCommandSpec().usageMessage().hidden()) {
      return;
    }
    all.add(cl);
    cl.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, all));
  }

  /** {@code conf page update} → {@code conf-page-update}. */
  static String fileName(CommandSpec spec) {
    return spec.qualifiedName("-");
  }

  /** The man page of one command, in roff. */
  static String page(CommandLine cl, String version) {
    CommandSpec spec = cl.getCommandSpec();
    boolean root = cl.getParent() == null;
    String name = fileName(spec);
    StringBuilder r = new StringBuilder();
    r.append(
        ".\\\" Generated from conf's command model by dev.conf.build.ManPages; do not edit.\n");
    r.append(".TH \"")
        .append(name.toUpperCase(Locale.ROOT))
        .append("\" 1 \"\" \"conf ")
        .append(escape(version))
        .append("\" \"conf manual\"\n");
    String[] description = lines(spec.usageMessage().description());
    r.append(".SH NAME\n")
        .append(escape(name))
        .append(" \\- ")
        .append(escape(summary(description)))
        .append('\n');

    r.append(".SH SYNOPSIS\n.nf\n");
    String synopsis =
        new CommandLine.Help(spec, CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
            .synopsis(0)
            .replaceFirst("^Usage: ", "")
            .stripTrailing();
    for (String line : synopsis.split("\n")) {
      r.append(escapeLine(line.strip().isEmpty() ? line : "  " + line.strip())).append('\n');
    }
    r.append(".fi\n");

    r.append(".SH DESCRIPTION\n");
    paragraphs(r, description);

    List<PositionalParamSpec> positionals = new ArrayList<>();
    for (PositionalParamSpec p : spec.positionalParameters()) {
      if (!p.hidden()) {
        positionals.add(p);
      }
    }
    if (!positionals.isEmpty()) {
      r.append(".SH ARGUMENTS\n");
      for (PositionalParamSpec p : positionals) {
        r.append(".TP\n.I ").append(escape(p.paramLabel())).append('\n');
        paragraphs(r, lines(p.description()));
      }
    }

    List<OptionSpec> own = new ArrayList<>();
    List<OptionSpec> global = new ArrayList<>();
    for (OptionSpec o : spec.options()) {
      if (!o.hidden()) {
        (!root && (o.inherited() || o.usageHelp()) ? global : own).add(o);
      }
    }
    if (!own.isEmpty()) {
      r.append(".SH OPTIONS\n");
      options(r, own);
    }

    List<CommandLine> subs = new ArrayList<>();
    cl.getSubcommands().values().stream()
        .distinct()
        .filter(s -> !s.getCommandSpec().usageMessage().hidden())
        .forEach(subs::add);
    if (!subs.isEmpty()) {
      r.append(".SH COMMANDS\n");
      for (CommandLine sub : subs) {
        CommandSpec s = sub.getCommandSpec();
        r.append(".TP\n.B ").append(escape(s.name())).append('\n');
        r.append(escape(summary(lines(s.usageMessage().description()))))
            .append(". See \\fB")
            .append(escape(fileName(s)))
            .append("\\fR(1).\n");
      }
    }

    if (!global.isEmpty()) {
      r.append(".SH GLOBAL OPTIONS\n");
      options(r, global);
    }

    Object command = spec.userObject();
    Examples examples = command == null ? null : command.getClass().getAnnotation(Examples.class);
    if (examples != null && examples.value().length > 0) {
      r.append(".SH EXAMPLES\n.nf\n.RS 4\n");
      for (String line : examples.value()) {
        r.append(escapeLine(line.startsWith("#") ? line : "$ " + line)).append('\n');
      }
      r.append(".RE\n.fi\n");
    }

    String[] footer = lines(spec.usageMessage().footer());
    if (footer.length > 0) {
      String heading =
          String.join("", lines(new String[] {spec.usageMessage().footerHeading()})).strip();
      heading = heading.endsWith(":") ? heading.substring(0, heading.length() - 1) : heading;
      r.append(".SH ")
          .append(escape(heading.isEmpty() ? "NOTES" : heading.toUpperCase(Locale.ROOT)))
          .append("\n.nf\n");
      for (String line : footer) {
        r.append(escapeLine(line)).append('\n');
      }
      r.append(".fi\n");
    }

    r.append(".SH SEE ALSO\n");
    List<String> see = new ArrayList<>();
    if (!root) {
      see.add(fileName(cl.getParent().getCommandSpec()));
      if (cl.getParent().getParent() != null) {
        see.add("conf");
      }
    }
    for (CommandLine sub : subs) {
      see.add(fileName(sub.getCommandSpec()));
    }
    if (see.isEmpty()) {
      r.append("conf COMMAND \\-\\-help\n");
    } else {
      for (int i = 0; i < see.size(); i++) {
        r.append(".BR ")
            .append(escape(see.get(i)))
            .append(" (1)")
            .append(i < see.size() - 1 ? " ," : "")
            .append('\n');
      }
    }
    return r.toString();
  }

  private static void options(StringBuilder r, List<OptionSpec> options) {
    for (OptionSpec o : options) {
      r.append(".TP\n");
      StringBuilder names = new StringBuilder();
      for (String n : o.names()) {
        names
            .append(names.length() == 0 ? "" : ", ")
            .append("\\fB")
            .append(escape(n))
            .append("\\fR");
      }
      if (o.arity().max() > 0) {
        names.append(" \\fI").append(escape(o.paramLabel())).append("\\fR");
      }
      r.append(names).append('\n');
      paragraphs(r, lines(o.description()));
    }
  }

  /** Description lines as roff paragraphs: an empty line starts a new one. */
  private static void paragraphs(StringBuilder r, String[] lines) {
    boolean open = false;
    for (String line : lines) {
      if (line.isBlank()) {
        if (open) {
          r.append(".PP\n");
          open = false;
        }
        continue;
      }
      r.append(escapeLine(line.strip())).append('\n');
      open = true;
    }
  }

  /** picocli's description text: {@code %n} is a line break, {@code %%} a percent sign. */
  static String[] lines(String[] text) {
    List<String> out = new ArrayList<>();
    for (String t : text == null ? new String[0] : text) {
      for (String line : t.replace("%n", "\n").replace("%%", "%").split("\n", -1)) {
        out.add(line);
      }
    }
    return out.toArray(String[]::new);
  }

  /** The first sentence of the description: the NAME line. */
  private static String summary(String[] description) {
    StringBuilder sb = new StringBuilder();
    for (String line : description) {
      if (line.isBlank()) {
        break;
      }
      sb.append(sb.length() == 0 ? "" : " ").append(line.strip());
    }
    String s = sb.toString();
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * Text for roff: backslashes and hyphens escaped, and every non-ASCII character as {@code
   * \[uXXXX]}, which groff and mandoc read whatever the input encoding is taken to be.
   */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints()
        .forEach(
            c -> {
              if (c == '\\') {
                sb.append("\\e");
              } else if (c == '-') {
                sb.append("\\-");
              } else if (c > 0x7e) {
                sb.append(String.format("\\[u%04X]", c));
              } else {
                sb.appendCodePoint(c);
              }
            });
    return sb.toString();
  }

  /** A line of text: escaped, and never read as a request (a leading {@code .} or {@code '}). */
  static String escapeLine(String s) {
    String e = escape(s);
    return e.startsWith(".") || e.startsWith("'") ? "\\&" + e : e;
  }
}
