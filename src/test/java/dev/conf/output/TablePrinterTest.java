package dev.conf.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TablePrinterTest {
  private String print(boolean tty, int width) {
    StringWriter out = new StringWriter();
    Io io = Io.builder().out(out).stdoutTty(tty).width(() -> width).build();
    new TablePrinter(io, "key", "name", "type")
        .row("DOCS", "Documentation", "global")
        .row("~jane", "Jane's\tspace\nnotes", "personal")
        .print();
    return out.toString();
  }

  @Test
  void terminalGetsHeadersAndAlignedColumns() {
    assertThat(print(true, 100))
        .isEqualTo(
            "KEY    NAME                TYPE\n"
                + "DOCS   Documentation       global\n"
                + "~jane  Jane's space notes  personal\n");
  }

  @Test
  void narrowTerminalTruncatesTheWidestColumn() {
    assertThat(print(true, 26))
        .isEqualTo(
            "KEY    NAME       TYPE\n"
                + "DOCS   Document…  global\n"
                + "~jane  Jane's s…  personal\n");
  }

  @Test
  void pipeGetsTabSeparatedRowsWithoutHeaders() {
    assertThat(print(false, 10))
        .isEqualTo("DOCS\tDocumentation\tglobal\n" + "~jane\tJane's space notes\tpersonal\n");
  }

  @Test
  void columnStylesApplyOnlyOnAColourTerminal() {
    StringWriter colour = new StringWriter();
    Io tty = Io.builder().out(colour).stdoutTty(true).colorAllowed(true).build();
    new TablePrinter(tty, "type", "url").style(0, Style::dim).row("page", "https://x/1").print();
    assertThat(colour.toString())
        .isEqualTo(
            "\u001b[1mTYPE\u001b[0m  \u001b[1mURL\u001b[0m\n"
                + "\u001b[2mpage\u001b[0m  https://x/1\n");

    StringWriter plain = new StringWriter();
    Io noColour = Io.builder().out(plain).stdoutTty(true).build();
    new TablePrinter(noColour, "type", "url").style(0, Style::dim).row("page", "u").print();
    assertThat(plain.toString()).doesNotContain("\u001b");
  }

  @Test
  void wholeColumnsShrinkOnlyWhenNothingElseCan() {
    int[] widths = {10, 30, 40};
    TablePrinter.fit(widths, 60, java.util.Set.of(2));
    assertThat(widths).containsExactly(8, 8, 40);

    int[] tooNarrow = {10, 30, 40};
    TablePrinter.fit(tooNarrow, 30, java.util.Set.of(2));
    assertThat(tooNarrow[0] + tooNarrow[1] + tooNarrow[2] + 4).isLessThanOrEqualTo(30);
  }
}
