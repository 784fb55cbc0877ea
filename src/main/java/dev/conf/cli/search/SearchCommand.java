package dev.conf.cli.search;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.JsonOptions;
import dev.conf.cli.LimitOptions;
import dev.conf.error.ConfException;
import dev.conf.output.Io;
import dev.conf.output.JsonFields;
import dev.conf.output.Style;
import dev.conf.output.TablePrinter;
import dev.conf.output.Times;
import dev.conf.service.Cql;
import dev.conf.service.SearchQuery;
import dev.conf.service.SearchResult;
import dev.conf.service.SearchResults;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code conf search}: CQL search, built from text and filters or given raw. */
@Access(Access.Kind.READS)
@Examples({
  "conf search kubernetes --space ENG --type page",
  "conf search --label runbook --modified-since 7d --json id,title --jq '.[].title'",
  "conf search --cql 'creator = currentUser() order by created desc'"
})
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Search pages, blog posts, attachments and comments.",
      "",
      "TEXT and the filters are combined into CQL, every value quoted; --cql adds raw CQL.",
      "",
      "On a terminal: a table (the URL column is left out when the terminal is too narrow for "
          + "it). In a pipe: tab-separated ID, TYPE, TITLE, SPACE, LAST MODIFIED (ISO-8601), URL "
          + "and, with --excerpt, EXCERPT, so `cut -f1` gives ids for conf page view. With --json: "
          + "an array of {id, type, title, spaceKey, spaceName, lastModified, url, excerpt}."
    })
public final class SearchCommand implements Callable<Integer>, JsonOptions.Fielded {
  private final CommandContext ctx;

  @Parameters(paramLabel = "TEXT", arity = "0..*", description = "Words to search for.")
  List<String> words = new ArrayList<>();

  @Option(names = "--cql", paramLabel = "CQL", description = "Raw CQL, ANDed with the filters.")
  String cql;

  @Option(
      names = {"-s", "--space"},
      paramLabel = "KEY",
      split = ",",
      description = "Only in these spaces (repeat or comma-separate).")
  List<String> spaces = new ArrayList<>();

  @Option(
      names = {"-t", "--type"},
      paramLabel = "TYPE",
      split = ",",
      completionCandidates = Types.class,
      description = "Only this content type: ${COMPLETION-CANDIDATES}.")
  List<String> types = new ArrayList<>();

  @Option(
      names = {"-l", "--label"},
      paramLabel = "LABEL",
      description = "Only content with this label (repeat: with every one).")
  List<String> labels = new ArrayList<>();

  @Option(names = "--title", paramLabel = "TEXT", description = "Only titles containing TEXT.")
  String title;

  @Option(
      names = "--modified-since",
      paramLabel = "DATE|DURATION",
      description =
          "Only content changed since a date (2026-01-31) or within 30m, 12h, 7d, 2w, 6M, 1y.")
  String modifiedSince;

  @Mixin LimitOptions limit = new LimitOptions();

  @Option(names = "--excerpt", description = "Add the highlighted excerpt, as plain text.")
  boolean excerpt;

  @Mixin JsonOptions json;

  SearchCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  /** The {@code --type} values, for help and shell completion. */
  static final class Types extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Types() {
      // Not Cql.TYPES: picocli builds this for every command line, and --help must not load Cql.
      super(List.of("page", "blogpost", "attachment", "comment"));
    }
  }

  @Override
  public JsonFields jsonFields() {
    return JsonFields.of(SearchResult.class);
  }

  @Override
  public Integer call() {
    if (limit.limitGiven() && limit.all()) {
      throw ConfException.usage("--limit and --all cannot be used together");
    }
    long max = limit.max();
    String query = cql();
    boolean wantExcerpt = excerpt || json.wants("excerpt");
    SearchResults found = ctx.service().search(new SearchQuery(query, wantExcerpt), max);
    Io io = ctx.io();
    List<SearchResult> results = found.results();
    if (found.truncated()) {
      io.err()
          .printf(
              "warning: Confluence reported %,d results but returned only %,d: it limits how far a"
                  + " search can be paged; narrow the search (--space, --type, --modified-since)"
                  + " to see the rest%n",
              found.totalSize(), results.size());
    }
    if (json.enabled()) {
      json.print(io, results);
      return 0;
    }
    if (results.isEmpty()) {
      if (io.isStdoutTty()) {
        io.err().println("No results for: " + query);
      }
      return 0;
    }
    print(io, results);
    if (io.isStdoutTty() && !found.truncated() && found.totalSize() > results.size()) {
      io.err()
          .printf(
              "Showing %,d of %,d results; use --limit N or --all for more.%n",
              results.size(), found.totalSize());
    }
    return 0;
  }

  /** The CQL the options ask for; exit 2 when they ask for nothing or for something invalid. */
  String cql() {
    Cql builder = new Cql();
    try {
      builder
          .text(String.join(" ", words))
          .spaces(spaces)
          .types(types)
          .labels(labels)
          .title(title)
          .modifiedSince(modifiedSince)
          .raw(cql);
    } catch (IllegalArgumentException e) {
      throw ConfException.usage(e.getMessage());
    }
    if (builder.isEmpty()) {
      throw ConfException.usage(
          "nothing to search for: give TEXT, --cql, or a filter such as --space or --label");
    }
    return builder.build();
  }

  private void print(Io io, List<SearchResult> results) {
    Instant now = ctx.clock().instant();
    List<String> headers =
        new ArrayList<>(List.of("id", "type", "title", "space", "last modified", "url"));
    if (excerpt) {
      headers.add("excerpt");
    }
    // The id first, as page list has it: `conf search ... | cut -f1 | xargs -n1 conf page view`.
    // On a terminal the title keeps its width; the URL, useless cut short, goes when it cannot fit.
    TablePrinter table =
        new TablePrinter(io, headers.toArray(String[]::new))
            .style(1, Style::dim)
            .style(4, Style::dim)
            .style(5, Style::cyan)
            .dropWhenNarrow(5);
    for (SearchResult r : results) {
      Instant modified = r.lastModified() == null ? null : Instant.parse(r.lastModified());
      List<String> row =
          new ArrayList<>(
              List.of(
                  nonNull(r.id()),
                  nonNull(r.type()),
                  nonNull(r.title()),
                  nonNull(r.spaceKey()),
                  Times.cell(io, now, modified),
                  nonNull(r.url())));
      if (excerpt) {
        row.add(nonNull(r.excerpt()));
      }
      table.row(row.toArray(String[]::new));
    }
    table.print();
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
