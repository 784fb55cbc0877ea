package dev.conf.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conf.cli.CommandContext;
import dev.conf.cli.ConfApp;
import dev.conf.output.Io;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code TlsPrestart} reads the command line before picocli does, with its own list of the root
 * options that take a value: this walks the real root command, so a new root option with a value
 * cannot make it take that value for the command's noun.
 */
class TlsPrestartOptionsTest {
  private static final Map<String, String> HTTPS = Map.of("CONFLUENCE_URL", "https://x.example");

  @AfterEach
  void forget() {
    TlsPrestart.take();
  }

  private static List<OptionSpec> rootOptionsWithAValue() {
    CommandContext ctx =
        new CommandContext(Io.builder().build(), Map.of(), Clock.systemUTC(), Sleeper.SYSTEM, null);
    CommandLine root = new ConfApp(ctx).commandLine();
    List<OptionSpec> out = new ArrayList<>();
    for (OptionSpec o : root.getCommandSpec().options()) {
      if (o.arity().max() > 0 && !o.usageHelp() && !o.versionHelp()) {
        out.add(o);
      }
    }
    return out;
  }

  @Test
  void everyRootOptionWithAValueIsSkippedWithItsValue() {
    List<OptionSpec> options = rootOptionsWithAValue();
    assertThat(options).as("the root has options that take a value").isNotEmpty();
    for (OptionSpec o : options) {
      for (String name : o.names()) {
        // "help" as the value: taken for the noun, it would mean a local command and no set-up.
        assertThat(
                TlsPrestart.plan(new String[] {name, "help", "space", "list"}, HTTPS, () -> null))
            .as("%s help space list", name)
            .isNotNull();
        assertThat(TlsPrestart.plan(new String[] {name, "space", "help"}, HTTPS, () -> null))
            .as("%s space help: 'space' is the option's value, 'help' the noun", name)
            .isNull();
      }
    }
  }
}
