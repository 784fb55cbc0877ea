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
}
