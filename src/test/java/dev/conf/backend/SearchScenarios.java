package dev.conf.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.conf.testing.ConfRunner.Result;
import dev.conf.testing.WireMockSuite;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code conf search} on both deployments, through the real command line and HTTP stack against
 * WireMock: golden output for terminal, pipe and JSON, paging across three pages in the
 * deployment's own style, the cap warning, CQL quoting. Every request is checked against the
 * deployment's OpenAPI document after each test.
 */
public abstract class SearchScenarios extends WireMockSuite {

  /** The search endpoint's path on the wire. */
  protected abstract String searchPath();

  /** The next link as the server writes it, for page n. */
  protected abstract String nextLink(int page);

  /** A hit's lastModified as this deployment writes 2026-11-29T09:00:00Z minus n hours. */
  protected abstract String lastModified(int hoursAgo);

  /** A hit's url as this deployment writes it, for content n in space ENG. */
  protected abstract String hitUrl(int n);

  /** The web URL conf prints for content n. */
  protected abstract String webUrl(int n);

  // ---- wire fixtures

  /** Content n: a page in ENG (n odd) or a blog post in OPS (n even), modified n hours before. */
  protected String hit(int n) {
    String type = n % 2 == 1 ? "page" : "blogpost";
    String space = n % 2 == 1 ? "ENG" : "OPS";
    String spaceName = n % 2 == 1 ? "Engineering" : "Operations";
    return "{\"content\":{\"id\":\""
        + (100 + n)
        + "\",\"type\":\""
        + type
        + "\",\"status\":\"current\",\"title\":\"Kubernetes guide "
        + n
        + "\",\"space\":{\"id\":"
        + (900 + n % 2)
        + ",\"key\":\""
        + space
        + "\",\"name\":\""
        + spaceName
        + "\",\"type\":\"global\"},\"_links\":{\"webui\":\""
        + hitUrl(n)
        + "\"}},\"title\":\"@@@hl@@@Kubernetes@@@endhl@@@ guide "
        + n
        + "\",\"excerpt\":\"How to run @@@hl@@@kubernetes@@@endhl@@@ &amp; keep it &quot;up&quot;\\n"
        + "in production\",\"url\":\""
        + hitUrl(n)
        + "\",\"resultGlobalContainer\":{\"title\":\""
        + spaceName
        + "\",\"displayUrl\":\"/spaces/"
        + space
        + "\"},\"breadcrumbs\":[],\"entityType\":\"content\",\"iconCssClass\":\"aui-icon"
        + " content-type-page\",\"lastModified\":\""
        + lastModified(n)
        + "\",\"friendlyLastModified\":\"today\",\"score\":1.5}";
  }

  protected String page(int first, int count, long totalSize, String next) {
    List<String> items = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      items.add(hit(i));
    }
    return "{\"results\":["
        + String.join(",", items)
        + "],\"start\":"
        + (first - 1)
        + ",\"limit\":"
        + count
        + ",\"size\":"
        + count
        + ",\"totalSize\":"
        + totalSize
        + ",\"cqlQuery\":\"text ~ \\\"kubernetes\\\"\",\"searchDuration\":42,\"_links\":{"
        + (next == null ? "" : "\"next\":\"" + next + "\",")
        + "\"base\":\"http://ignored.example/wiki\",\"context\":\"/wiki\"}}";
  }

  /** Six hits over three pages of two; the server reports {@code totalSize}. */
  protected void stubThreePages(long totalSize, boolean lastHasNext) {
    ThreePages.stub(
        wm,
        searchPath(),
        site(),
        n -> page(2 * n - 1, 2, totalSize, n < 3 || lastHasNext ? nextLink(n + 1) : null));
  }

  protected List<LoggedRequest> searches() {
    return wm.findAll(getRequestedFor(urlPathEqualTo(searchPath())));
  }

  private String cqlSent() {
    return searches().get(0).queryParameter("cql").firstValue();
  }

  // ---- output modes

  @Test
  void pipeGetsTabSeparatedRowsWithIsoTimesAndNoHeaders() {
    stubThreePages(6, false);
    Result r = conf.pipe().run("search", "kubernetes", "--limit", "2");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "101\tpage\tKubernetes guide 1\tENG\t2026-11-29T11:00:00Z\t"
                + webUrl(1)
                + "\n"
                + "102\tblogpost\tKubernetes guide 2\tOPS\t2026-11-29T10:00:00Z\t"
                + webUrl(2)
                + "\n");
    assertThat(r.err()).isEmpty();
    LoggedRequest sent = searches().get(0);
    assertThat(sent.queryParameter("cql").firstValue()).isEqualTo("text ~ \"kubernetes\"");
    assertThat(sent.queryParameter("limit").firstValue()).isEqualTo("2");
    assertThat(sent.queryParameter("excerpt").firstValue()).isEqualTo("none");
    assertThat(searches()).hasSize(1);
  }

  @Test
  void terminalGetsATableWithRelativeTimesAndAHintWhenThereIsMore() {
    stubThreePages(6, false);
    Result r = conf.terminal().width(160).run("search", "kubernetes", "-L", "2");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "ID   TYPE      TITLE               SPACE  LAST MODIFIED  URL\n"
                + "101  page      Kubernetes guide 1  ENG    1 hour ago     "
                + webUrl(1)
                + "\n"
                + "102  blogpost  Kubernetes guide 2  OPS    2 hours ago    "
                + webUrl(2)
                + "\n");
    assertThat(r.err()).isEqualTo("Showing 2 of 6 results; use --limit N or --all for more.\n");
  }

  @Test
  void aTerminalJustWideEnoughForTheUrlShowsItWhole() {
    stubThreePages(6, false);
    int width =
        "101  page  Kubernetes guide 1  ENG    1 hour ago     ".length() + webUrl(1).length();
    Result r = conf.terminal().width(width).run("search", "kubernetes", "-L", "1");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().lines())
        .hasSize(2)
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(width));
    assertThat(r.out().lines().skip(1).findFirst().orElseThrow())
        .startsWith("101  page  Kubernetes guide 1  ENG")
        .endsWith("  " + webUrl(1));
    Result narrower = conf.terminal().width(width - 1).run("search", "kubernetes", "-L", "1");
    assertThat(narrower.out())
        .isEqualTo(
            "ID   TYPE  TITLE               SPACE  LAST MODIFIED\n"
                + "101  page  Kubernetes guide 1  ENG    1 hour ago\n");
  }

  /** Issue 15: "Retrospe…" on 80 columns; the title keeps its width, the URL goes. */
  @Test
  void onEightyColumnsTheTitleIsWholeAndTheUrlLeftOut() {
    wm.stubFor(
        get(urlPathEqualTo(searchPath()))
            .willReturn(
                okJson(
                    page(1, 1, 1, null).replace("Kubernetes guide 1", "Retrospective 2026-11"))));
    Result r = conf.terminal().width(80).run("search", "retrospective", "-L", "1");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "ID   TYPE  TITLE                  SPACE  LAST MODIFIED\n"
                + "101  page  Retrospective 2026-11  ENG    1 hour ago\n");
    Result pipe = conf.pipe().run("search", "retrospective", "-L", "1");
    assertThat(pipe.out())
        .startsWith("101\tpage\tRetrospective 2026-11\tENG\t")
        .endsWith(webUrl(1) + "\n");
  }

  @Test
  void aTerminalPagesTheTableAndAPipeNeverDoes() {
    stubThreePages(6, false);
    Result tty = conf.terminal().withPager().width(160).run("search", "kubernetes", "--all");
    assertThat(tty.exitCode()).as(tty.toString()).isZero();
    assertThat(tty.out()).isEmpty();
    assertThat(conf.paged.toString()).startsWith("ID ").hasLineCount(7);

    conf.paged.getBuffer().setLength(0);
    Result pipe = conf.pipe().run("search", "kubernetes", "--all");
    assertThat(pipe.out().lines()).hasSize(6);
    assertThat(conf.paged.toString()).isEmpty();
  }

  @Test
  void excerptIsAskedForAndPrintedAsPlainText() {
    stubThreePages(2, false);
    Result r = conf.pipe().run("search", "kubernetes", "-L", "1", "--excerpt");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .endsWith("\tHow to run kubernetes & keep it \"up\" in production\n")
        .startsWith("101\tpage\tKubernetes guide 1\t");
    assertThat(searches().get(0).queryParameter("excerpt").firstValue()).isEqualTo("highlight");
  }

  @Test
  void jsonHasEveryDocumentedField() {
    stubThreePages(6, false);
    Result r = conf.pipe().run("search", "kubernetes", "-L", "1", "--json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .isEqualToIgnoringWhitespace(
            "[{\"id\":\"101\",\"type\":\"page\",\"title\":\"Kubernetes guide 1\","
                + "\"spaceKey\":\"ENG\",\"spaceName\":\"Engineering\","
                + "\"lastModified\":\"2026-11-29T11:00:00Z\",\"url\":\""
                + webUrl(1)
                + "\",\"excerpt\":\"How to run kubernetes & keep it \\\"up\\\" in production\"}]");
    // The excerpt is a JSON field, so it is asked for.
    assertThat(searches().get(0).queryParameter("excerpt").firstValue()).isEqualTo("highlight");
  }

  @Test
  void jsonFieldSelectionKeepsTheAskedFieldsAndSkipsTheExcerpt() {
    stubThreePages(6, false);
    Result r = conf.pipe().run("search", "kubernetes", "-L", "2", "--json", "id,title");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .isEqualToIgnoringWhitespace(
            "[{\"id\":\"101\",\"title\":\"Kubernetes guide 1\"},"
                + "{\"id\":\"102\",\"title\":\"Kubernetes guide 2\"}]");
    assertThat(searches().get(0).queryParameter("excerpt").firstValue()).isEqualTo("none");
    // The words after --json that are not fields are search text.
    assertThat(cqlSent()).isEqualTo("text ~ \"kubernetes\"");
  }

  @Test
  void jqFiltersInProcess() {
    stubThreePages(6, false);
    Result r =
        conf.pipe()
            .run("search", "kubernetes", "--all", "--jq", ".[] | select(.type == \"page\") | .url");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo(webUrl(1) + "\n" + webUrl(3) + "\n" + webUrl(5) + "\n");
  }

  @Test
  void anUnknownJsonFieldExits2WithTheAvailableOnesBeforeAnyRequest() {
    Result r = conf.pipe().run("search", "kubernetes", "--json=id,bogus");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith("conf: unknown JSON field: bogus\nAvailable fields:\n  id\n  type\n  title\n")
        .contains("  excerpt\n");
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  // ---- paging

  @Test
  void allWalksThreePagesInTheDeploymentsOwnStyle() {
    stubThreePages(6, false);
    Result r = conf.pipe().run("search", "kubernetes", "--all");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().lines())
        .extracting(l -> l.split("\t")[2])
        .containsExactly(
            "Kubernetes guide 1",
            "Kubernetes guide 2",
            "Kubernetes guide 3",
            "Kubernetes guide 4",
            "Kubernetes guide 5",
            "Kubernetes guide 6");
    assertThat(searches()).hasSize(3);
    assertThat(r.err()).isEmpty();
  }

  @Test
  void aSearchTheServerCapsSaysSoOnStderr() {
    stubThreePages(1500, false);
    Result r = conf.pipe().run("search", "kubernetes", "--all");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().lines()).hasSize(6);
    assertThat(r.err())
        .isEqualTo(
            "warning: Confluence reported 1,500 results but returned only 6: it limits how far a"
                + " search can be paged; narrow the search (--space, --type, --modified-since) to"
                + " see the rest\n");
  }

  @Test
  void limitStopsPagingWithoutAWarning() {
    stubThreePages(1500, false);
    Result r = conf.pipe().run("search", "kubernetes", "--limit", "3");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().lines()).hasSize(3);
    assertThat(r.err()).isEmpty();
    assertThat(searches()).hasSize(2);
  }

  // ---- no results, CQL

  @Test
  void noResultsExits0WithAMessageOnlyOnATerminal() {
    wm.stubFor(
        get(urlPathEqualTo(searchPath()))
            .willReturn(
                okJson(
                    "{\"results\":[],\"start\":0,\"limit\":25,\"size\":0,\"totalSize\":0,"
                        + "\"_links\":{}}")));
    Result tty = conf.terminal().run("search", "nothing here");
    assertThat(tty.exitCode()).isZero();
    assertThat(tty.out()).isEmpty();
    assertThat(tty.err()).isEqualTo("No results for: text ~ \"nothing here\"\n");

    Result pipe = conf.pipe().run("search", "nothing here");
    assertThat(pipe.exitCode()).isZero();
    assertThat(pipe.out()).isEmpty();
    assertThat(pipe.err()).isEmpty();
  }

  @Test
  void filtersBuildQuotedCqlThatReservedWordsAndQuotesCannotBreak() {
    wm.stubFor(get(urlPathEqualTo(searchPath())).willReturn(okJson(page(1, 1, 1, null))));
    Result r =
        conf.pipe()
            .run(
                "search",
                "say",
                "\"hi\" \\ or",
                "--space",
                "AND,~jane",
                "--type",
                "page",
                "--label",
                "order",
                "--label",
                "not",
                "--title",
                "in",
                "--modified-since",
                "7d");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(cqlSent())
        .isEqualTo(
            "text ~ \"say \\\"hi\\\" \\\\ or\" AND space in (\"AND\", \"~jane\") AND type = \"page\""
                + " AND label = \"order\" AND label = \"not\" AND title ~ \"in\""
                + " AND lastmodified >= now(\"-7d\")");
  }

  @Test
  void rawCqlIsAndedWithFiltersAndKeepsItsOrderLast() {
    wm.stubFor(get(urlPathEqualTo(searchPath())).willReturn(okJson(page(1, 1, 1, null))));
    Result r =
        conf.pipe()
            .run(
                "search",
                "--cql",
                "creator = currentUser() or title ~ \"order by\" ORDER BY created desc",
                "--space",
                "ENG");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(cqlSent())
        .isEqualTo(
            "space = \"ENG\" AND (creator = currentUser() or title ~ \"order by\")"
                + " ORDER BY created desc");
  }

  @Test
  void filtersAloneListTheNewestChangesFirst() {
    wm.stubFor(get(urlPathEqualTo(searchPath())).willReturn(okJson(page(1, 1, 1, null))));
    Result r = conf.pipe().run("search", "--space", "ENG", "--modified-since", "2026-11-01");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(cqlSent())
        .isEqualTo("space = \"ENG\" AND lastmodified >= \"2026-11-01\" order by lastmodified desc");
  }

  @Test
  void badInputIsAUsageErrorWithoutARequest() {
    assertThat(conf.pipe().run("search").err())
        .isEqualTo(
            "conf: nothing to search for: give TEXT, --cql, or a filter such as --space or"
                + " --label\n");
    Result type = conf.pipe().run("search", "x", "--type", "whiteboard");
    assertThat(type.exitCode()).isEqualTo(2);
    assertThat(type.err())
        .isEqualTo(
            "conf: unknown type 'whiteboard'; use one of: page, blogpost, attachment, comment\n");
    Result since = conf.pipe().run("search", "x", "--modified-since", "yesterday");
    assertThat(since.exitCode()).isEqualTo(2);
    assertThat(since.err()).contains("'yesterday' is neither a date");
    assertThat(conf.pipe().run("search", "x", "--all", "--limit", "3").exitCode()).isEqualTo(2);
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }
}
