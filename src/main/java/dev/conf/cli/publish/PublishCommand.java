package dev.conf.cli.publish;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.JsonOptions;
import dev.conf.cli.content.PageResolver;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.output.JsonFields;
import dev.conf.output.TablePrinter;
import dev.conf.service.ConfluenceService;
import dev.conf.service.ContentType;
import dev.conf.service.Page;
import dev.conf.service.PublishedPage;
import dev.conf.service.Space;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code conf publish DIR --space KEY}: a folder of Markdown files to a page tree, idempotently.
 * The files are read and converted first ({@link SourceTree}); then one paged search reads every
 * page under the root with conf's record ({@link ConfluenceService#publishedPages}); {@link
 * Planner} decides; this class writes, parents first, then (with --prune) trashes the pages whose
 * file is gone, children first.
 */
@Access(Access.Kind.WRITES)
@Examples({
  "conf publish docs --space ENG --dry-run",
  "conf publish docs --space ENG --parent 'ENG:Handbook' --json",
  "conf publish docs --space ENG --prune --dry-run"
})
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
      "Publish a folder of Markdown files as a page tree.",
      "",
      "Each .md file becomes a page; a sub-folder becomes a parent page (its index.md",
      "or README.md gives its body; without one it lists its children). The title is",
      "the front matter's title:, else the first # heading (then left out of the",
      "body), else the file name; labels come from the front matter, local images",
      "are uploaded as attachments, links to other files of the folder become page",
      "links. Pages go under --parent, else under the space's homepage. In a folder",
      "`conf export` wrote, the file exported from that page is the page itself: its",
      "children go under it, and it is not written.",
      "",
      "Idempotent: conf records on each page (content property conf-publish) the",
      "hash of what it published and the version it wrote. Unchanged files send",
      "nothing; a changed file is one update, and only changed images are uploaded.",
      "A page edited in Confluence since, or one conf did not publish, is skipped",
      "unless --force.",
      "",
      "A page conf published whose file is gone (deleted or renamed) is listed as",
      "orphaned; with --prune it is moved to the trash after the other pages are",
      "written, unless edited in Confluence since (skipped, unless --force) or it",
      "still has children conf does not remove (skipped).",
      "",
      "Output: ACTION (create, update, unchanged, skipped, delete, orphaned), PATH,",
      "TITLE, ID and REASON (a gone file's PATH is the one conf recorded); a table",
      "on a terminal, tab-separated in a pipe. With --json: an array of {path,",
      "title, action, id, version, reason}."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  every page is created, updated, unchanged or trashed (or would be, with",
      "     --dry-run); orphaned pages do not change it",
      "  2  bad input: DIR missing, no .md files, two pages with one title, a missing",
      "     image",
      "  3  the space or --parent page does not exist",
      "  4  not logged in, or no permission",
      "  5  some pages were skipped (edited in Confluence, not published by conf, a",
      "     same-titled page elsewhere in the space, or with --prune a page that keeps",
      "     children conf does not remove); the others were published",
      "  1  anything else (network, server error)"
    })
public final class PublishCommand
    implements Callable<Integer>, JsonOptions.Fielded, Access.Conditional {
  private final CommandContext ctx;

  @Parameters(paramLabel = "DIR", description = "The folder of Markdown files.")
  String dir;

  @Option(
      names = {"-s", "--space"},
      paramLabel = "KEY",
      required = true,
      description = "The space.")
  String space;

  @Option(
      names = "--parent",
      paramLabel = "PAGE",
      description = "Publish under this page (id, SPACEKEY:Title or URL); default: the homepage.")
  String parent;

  @Option(names = "--dry-run", description = "Print the plan; write nothing.")
  boolean dryRun;

  /** A dry run only reads: it runs on a read-only profile too. */
  @Override
  public boolean writes() {
    return !dryRun;
  }

  @Option(
      names = "--force",
      description =
          "Overwrite pages edited in Confluence since conf published them, and same-titled pages"
              + " under the root that conf did not publish; with --prune, trash such edited pages"
              + " whose file is gone.")
  boolean force;

  @Option(
      names = "--prune",
      description =
          "Move to the trash the pages under the root that conf published from files that are"
              + " gone.")
  boolean prune;

  @Mixin JsonOptions json;

  PublishCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  /** One line of the result: what happened to one page. */
  @JsonPropertyOrder({"path", "title", "action", "id", "version", "reason"})
  public record Outcome(
      String path, String title, String action, String id, Integer version, String reason) {}

  @Override
  public JsonFields jsonFields() {
    return JsonFields.of(Outcome.class);
  }

  @Override
  public Integer call() {
    // Everything local fails before the first request. The service is built without one, and
    // gives the conversion the site's code macro languages.
    if (!java.nio.file.Files.isDirectory(Path.of(dir))) {
      SourceTree.read(Path.of(dir), ctx.codeLanguage()); // the one-line usage error
    }
    ConfluenceService service = ctx.service();
    SourceTree.Result source = SourceTree.read(Path.of(dir), ctx.codeLanguage());
    source.warnings().forEach(w -> ctx.io().err().println("warning: " + w));
    List<LocalPage> pages = source.pages();

    Space sp = service.getSpace(space);
    String rootId =
        parent != null ? new PageResolver(ctx).id(ContentType.PAGE, parent) : sp.homepageId();
    // An export of the root page (a space's homepage, or --parent) holds the root itself: read
    // again with it, so the root is not published under itself.
    SourceTree.Result rooted =
        SourceTree.isExport(Path.of(dir))
            ? SourceTree.read(Path.of(dir), ctx.codeLanguage(), rootId)
            : source;
    if (rooted.rootFile() != null) {
      ctx.io()
          .err()
          .println(
              "note: "
                  + rooted.rootFile()
                  + " was exported from page "
                  + rootId
                  + ", which the pages go under: its children are published under it; the"
                  + " page itself is not written");
      pages = rooted.pages();
    }
    Map<String, PublishedPage> underRoot = new HashMap<>();
    List<PublishedPage> state = service.publishedPages(sp.key(), rootId);
    for (PublishedPage p : state) {
      underRoot.putIfAbsent(p.title(), p);
    }
    Map<String, PublishedPage> elsewhere = new HashMap<>();
    for (LocalPage page : pages) {
      if (!underRoot.containsKey(page.title())) {
        PublishedPage other = findElsewhere(service, sp.key(), page.title());
        if (other != null) {
          elsewhere.put(page.title(), other);
        }
      }
    }
    List<Planner.Step> plan = Planner.plan(pages, underRoot, elsewhere, force);
    List<Planner.Orphan> orphans = Planner.orphans(pages, state, plan, rootId, prune, force);
    List<Outcome> outcomes;
    if (dryRun) {
      outcomes = describe(plan);
      orphans.forEach(o -> outcomes.add(Publisher.outcome(o, o.action(), o.reason())));
    } else {
      Publisher publisher = new Publisher(service, ctx.io(), sp.key(), rootId);
      outcomes = new ArrayList<>(publisher.carryOut(plan));
      outcomes.addAll(publisher.prune(state, orphans));
    }
    return report(outcomes);
  }

  /** The page with this title elsewhere in the space, or null. */
  private static PublishedPage findElsewhere(ConfluenceService service, String key, String title) {
    try {
      Page p = service.pages().findByTitle(ContentType.PAGE, key, title);
      return new PublishedPage(
          p.id(),
          p.title(),
          key,
          p.version(),
          p.versionMessage(),
          p.parentId(),
          p.labels(),
          null,
          null,
          0);
    } catch (ConfException e) {
      if (e.exitCode() == ExitCode.NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }

  private static List<Outcome> describe(List<Planner.Step> plan) {
    List<Outcome> out = new ArrayList<>();
    for (Planner.Step s : plan) {
      out.add(Publisher.outcome(s.page(), s.action(), s.remote(), s.reason()));
    }
    return out;
  }

  private int report(List<Outcome> outcomes) {
    print(outcomes);
    Map<String, Integer> counts = new HashMap<>();
    for (Outcome o : outcomes) {
      counts.merge(o.action(), 1, Integer::sum);
    }
    String summary = summary(counts);
    if (dryRun) {
      ctx.io().err().println("Dry run: " + summary + "; nothing was written.");
    } else {
      ctx.io()
          .err()
          .println(
              "Published "
                  + dir
                  + " to "
                  + space
                  + ": "
                  + summary
                      .replace("to create", "created")
                      .replace("to update", "updated")
                      .replace("to delete", "moved to the trash")
                  + ".");
    }
    int skipped = counts.getOrDefault("skipped", 0);
    if (skipped > 0) {
      ctx.io()
          .err()
          .println(
              "conf: "
                  + skipped
                  + (skipped == 1 ? " page was" : " pages were")
                  + " skipped (edited in Confluence, not published by conf, in the way, or"
                  + " keeping children); see REASON, or use --force");
      return ExitCode.CONFLICT.code();
    }
    return ExitCode.OK.code();
  }

  /** The outcomes on stdout: JSON, or the table. */
  private void print(List<Outcome> outcomes) {
    if (json.enabled()) {
      json.print(ctx.io(), outcomes);
    } else {
      TablePrinter table = new TablePrinter(ctx.io(), "ACTION", "PATH", "TITLE", "ID", "REASON");
      for (Outcome o : outcomes) {
        table.row(
            o.action(),
            o.path(),
            o.title(),
            o.id() == null ? "" : o.id(),
            o.reason() == null ? "" : o.reason());
      }
      table.print();
    }
    ctx.io().out().flush();
  }

  /** "1 to create, 0 to update, ...", from the count of each action. */
  private String summary(Map<String, Integer> counts) {
    String summary =
        counts.getOrDefault("create", 0)
            + " to create, "
            + counts.getOrDefault("update", 0)
            + " to update, "
            + counts.getOrDefault("unchanged", 0)
            + " unchanged, "
            + counts.getOrDefault("skipped", 0)
            + " skipped";
    if (prune) {
      summary += ", " + counts.getOrDefault("delete", 0) + " to delete";
    }
    int orphaned = counts.getOrDefault("orphaned", 0);
    if (orphaned > 0) {
      summary += ", " + orphaned + " orphaned (their files are gone; see --prune)";
    }
    return summary;
  }
}
