package dev.conf.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.util.Json;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Relative times, field selection, jq and the pager switch, without any command around them. */
class OutputSystemTest {
  static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  @JsonPropertyOrder({"id", "title", "version"})
  record Thing(String id, String title, int version, String extra) {}

  @Test
  void relativeTimesReadLikeSpeech() {
    assertThat(Times.relative(NOW.minusSeconds(20), NOW)).isEqualTo("just now");
    assertThat(Times.relative(NOW.minusSeconds(60), NOW)).isEqualTo("1 minute ago");
    assertThat(Times.relative(NOW.minusSeconds(59 * 60), NOW)).isEqualTo("59 minutes ago");
    assertThat(Times.relative(NOW.minusSeconds(3 * 3600 + 5), NOW)).isEqualTo("3 hours ago");
    assertThat(Times.relative(NOW.minusSeconds(86400), NOW)).isEqualTo("1 day ago");
    assertThat(Times.relative(NOW.minusSeconds(45 * 86400L), NOW)).isEqualTo("1 month ago");
    assertThat(Times.relative(NOW.minusSeconds(800 * 86400L), NOW)).isEqualTo("2 years ago");
    assertThat(Times.relative(NOW.plusSeconds(30), NOW)).isEqualTo("just now");
    assertThat(Times.relative(NOW.plusSeconds(7200), NOW)).isEqualTo("Nov 29, 2026");
  }

  @Test
  void pipesGetIsoTimesInUtcToTheSecond() {
    Io pipe = Io.builder().build();
    Io tty = Io.builder().stdoutTty(true).build();
    Instant t = Instant.parse("2026-11-29T09:00:00.123Z");
    assertThat(Times.cell(pipe, NOW, t)).isEqualTo("2026-11-29T09:00:00Z");
    assertThat(Times.cell(tty, NOW, t)).isEqualTo("2 hours ago");
    assertThat(Times.cell(tty, NOW, null)).isEmpty();
  }

  @Test
  void fieldsComeFromTheRecordInItsDeclaredOrder() {
    assertThat(JsonFields.of(Thing.class).names())
        .containsExactly("id", "title", "version", "extra");
  }

  @Test
  void selectionKeepsTheAskedFieldsInTheAskedOrder() {
    List<Thing> things = List.of(new Thing("1", "One", 3, "x"), new Thing("2", null, 1, "y"));
    assertThat(JsonFields.select(things, List.of("title", "id")).toString())
        .isEqualTo("[{\"title\":\"One\",\"id\":\"1\"},{\"title\":null,\"id\":\"2\"}]");
    assertThat(JsonFields.select(things.get(0), List.of()).toString())
        .isEqualTo("{\"id\":\"1\",\"title\":\"One\",\"version\":3,\"extra\":\"x\"}");
  }

  record Branch(String id, String title, List<Branch> children) {}

  @Test
  void aNestedSelectionAppliesToEveryNodeAndKeepsTheChildren() {
    Branch tree =
        new Branch(
            "1", "Root", List.of(new Branch("2", "Leaf", List.of()), new Branch("3", "L", null)));
    JsonFields fields = JsonFields.of(Branch.class).nestedIn("children");
    assertThat(fields.selectFrom(tree, List.of("title")).toString())
        .isEqualTo(
            "{\"title\":\"Root\",\"children\":[{\"title\":\"Leaf\",\"children\":[]},"
                + "{\"title\":\"L\",\"children\":null}]}");
    assertThat(fields.selectFrom(List.of(tree), List.of("children", "id")).toString())
        .isEqualTo(
            "[{\"children\":[{\"children\":[],\"id\":\"2\"},{\"children\":null,\"id\":\"3\"}],"
                + "\"id\":\"1\"}]");
    assertThat(fields.selectFrom(tree, List.of()).toString())
        .isEqualTo(JsonFields.select(tree, List.of()).toString());
  }

  @Test
  void anUnknownFieldIsAUsageErrorListingTheAvailableOnes() {
    assertThatThrownBy(() -> JsonFields.of(Thing.class).validate(List.of("id", "titel")))
        .isInstanceOf(ConfException.class)
        .hasMessage(
            "unknown JSON field: titel\nAvailable fields:\n  id\n  title\n  version\n  extra")
        .extracting(e -> ((ConfException) e).exitCode())
        .isEqualTo(ExitCode.USAGE);
  }

  @Test
  void jqPrintsStringsRawAndOtherValuesAsJson() throws Exception {
    var input = Json.mapper().readTree("[{\"id\":\"1\",\"n\":2},{\"id\":\"2\",\"n\":5}]");
    StringWriter out = new StringWriter();
    Jq.print(Io.builder().out(out).build(), ".[] | .id, .n", input);
    assertThat(out).hasToString("1\n2\n2\n5\n");

    StringWriter objects = new StringWriter();
    Jq.print(Io.builder().out(objects).build(), "map(select(.n > 3))", input);
    assertThat(objects).hasToString("[{\"id\":\"2\",\"n\":5}]\n");

    StringWriter pretty = new StringWriter();
    Jq.print(Io.builder().out(pretty).stdoutTty(true).build(), ".[0]", input);
    assertThat(pretty).hasToString("{\n  \"id\" : \"1\",\n  \"n\" : 2\n}\n");
  }

  @Test
  void aBrokenJqExpressionIsAUsageError() {
    assertThatThrownBy(() -> Jq.apply(".[", Json.mapper().createArrayNode()))
        .isInstanceOf(ConfException.class)
        .hasMessageStartingWith("invalid --jq expression: ")
        .extracting(e -> ((ConfException) e).exitCode())
        .isEqualTo(ExitCode.USAGE);
    assertThatThrownBy(() -> Jq.apply(".a.b", Json.mapper().createArrayNode()))
        .isInstanceOf(ConfException.class)
        .extracting(e -> ((ConfException) e).exitCode())
        .isEqualTo(ExitCode.ERROR);
  }

  @Test
  void pagerCommandComesFromConfPagerThenPagerThenLess() {
    assertThat(OutputPager.command(Map.of())).isEqualTo("less -FRX");
    assertThat(OutputPager.command(Map.of("PAGER", "more"))).isEqualTo("more");
    assertThat(OutputPager.command(Map.of("PAGER", "more", "CONF_PAGER", "most -s")))
        .isEqualTo("most -s");
    assertThat(OutputPager.command(Map.of("PAGER", "more", "CONF_PAGER", ""))).isNull();
    assertThat(OutputPager.command(Map.of("PAGER", "cat"))).isNull();
  }

  @Test
  void thePagerSettingComesBetweenConfPagerAndPager() {
    assertThat(OutputPager.command(Map.of("PAGER", "more"), "most")).isEqualTo("most");
    assertThat(OutputPager.command(Map.of("PAGER", "more"), "cat")).isNull();
    assertThat(OutputPager.command(Map.of("PAGER", "more"), "")).isNull();
    assertThat(OutputPager.command(Map.of("CONF_PAGER", "less -R"), "cat")).isEqualTo("less -R");
    assertThat(OutputPager.command(Map.of("CONF_PAGER", ""), "most")).isNull();
    assertThat(OutputPager.command(Map.of(), null)).isEqualTo("less -FRX");
  }

  @Test
  void noPagerStartsWhenTheCommandSaysPagingIsOff() {
    int[] started = {0};
    Io tty =
        Io.builder()
            .out(new StringWriter())
            .stdoutTty(true)
            .pager(
                command -> {
                  started[0]++;
                  return new StringWriter();
                })
            .build()
            .withPagerCommand(() -> null);
    tty.startPager();
    tty.closePager();
    assertThat(started[0]).isZero();
  }

  @Test
  void thePagerRunsOnlyOnATerminalAndGetsEverythingPrintedAfterItStarts() {
    StringWriter paged = new StringWriter();
    StringWriter out = new StringWriter();
    int[] started = {0};
    OutputPager.Launcher fake =
        command -> {
          assertThat(command).isEqualTo("less -FRX");
          started[0]++;
          return paged;
        };
    Io tty = Io.builder().out(out).stdoutTty(true).pager(fake).build();
    tty.out().println("before");
    tty.startPager();
    tty.startPager();
    tty.out().println("long output");
    tty.closePager();
    tty.out().println("after");
    tty.out().flush();
    assertThat(started[0]).isEqualTo(1);
    assertThat(paged).hasToString("long output\n");
    assertThat(out).hasToString("before\nafter\n");

    Io pipe = Io.builder().out(Writer.nullWriter()).pager(fake).build();
    pipe.startPager();
    pipe.closePager();
    assertThat(started[0]).isEqualTo(1);
  }
}
