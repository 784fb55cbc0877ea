package dev.conf.cli.comment;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.JsonOptions;
import dev.conf.cli.LimitOptions;
import dev.conf.cli.content.PageResolver;
import dev.conf.convert.Mentions;
import dev.conf.convert.StorageText;
import dev.conf.output.JsonFields;
import dev.conf.output.TablePrinter;
import dev.conf.output.Times;
import dev.conf.service.Comment;
import dev.conf.service.Person;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code conf comment list PAGE}. */
@Access(Access.Kind.READS)
@Examples({"conf comment list DOCS:Runbook", "conf comment list 12345 --inline --json"})
@Command(
    name = "list",
    aliases = "ls",
    mixinStandardHelpOptions = true,
    description = {
      "List the comments of a page or blog post, each thread in order: a comment,",
      "then its replies. --limit counts threads.",
      "",
      "On a terminal: a table (replies marked with ↳, relative dates). In a pipe:",
      "tab-separated ID, PARENT, AUTHOR, CREATED, [RESOLUTION,] BODY (one line).",
      "With --json: an array of {id, parentId, location, author, authorId, created,",
      "resolution, highlighted, body (storage XHTML), url}."
    })
public final class CommentListCommand implements Callable<Integer>, JsonOptions.Fielded {
  private final CommandContext ctx;

  @Parameters(
      paramLabel = "PAGE",
      description =
          "A page (id, SPACEKEY:Title or URL from the browser) or a blog post (its id or URL).")
  String page;

  @Option(
      names = "--inline",
      description = "Inline comments (on highlighted text), with their resolved state.")
  boolean inline;

  @Mixin LimitOptions limit = new LimitOptions();

  @Mixin JsonOptions json;

  /** The names of the people the comments mention, once looked up. */
  private Mentions mentions = Mentions.NONE;

  CommentListCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public JsonFields jsonFields() {
    return JsonFields.of(Comment.class);
  }

  @Override
  public Integer call() {
    long maxItems = limit.max();
    PageResolver.Target target = new PageResolver(ctx).target(page);
    List<Comment> comments =
        withNames(ctx.service().items().comments(target.type(), target.id(), inline, maxItems));
    if (json.enabled()) {
      json.print(ctx.io(), comments);
      return 0;
    }
    boolean tty = ctx.io().isStdoutTty();
    if (comments.isEmpty()) {
      if (tty) {
        ctx.io()
            .err()
            .println(target.capitalized() + " has no " + (inline ? "inline " : "") + "comments.");
      }
      return 0;
    }
    ctx.io().startPager();
    List<String> headers = new ArrayList<>(List.of("id", "parent", "author", "created"));
    if (inline) {
      headers.add("resolution");
    }
    headers.add("body");
    TablePrinter table = new TablePrinter(ctx.io(), headers.toArray(String[]::new));
    for (Comment c : comments) {
      String text = StorageText.toText(c.body() == null ? "" : c.body(), mentions);
      text = text.replaceAll("\\s+", " ").trim();
      if (tty && c.parentId() != null) {
        text = "↳ " + text;
      }
      List<String> row = new ArrayList<>();
      row.add(c.id());
      row.add(c.parentId() == null ? "" : c.parentId());
      row.add(c.author() == null ? "" : c.author());
      row.add(Times.show(c.created(), tty, ctx.clock()));
      if (inline) {
        row.add(c.resolution() == null ? "" : c.resolution());
      }
      row.add(text);
      table.row(row.toArray(String[]::new));
    }
    table.print();
    return 0;
  }

  /**
   * Cloud answers carry account ids: one lookup, for the authors and (on a terminal or in a pipe)
   * the people the bodies mention, names them all.
   */
  private List<Comment> withNames(List<Comment> comments) {
    Set<String> ids = new LinkedHashSet<>();
    boolean authors = !json.enabled() || json.wants("author");
    for (Comment c : comments) {
      if (authors && c.unnamed()) {
        ids.add(c.authorId());
      }
      if (!json.enabled()) {
        ids.addAll(Mentions.ids(c.body()));
      }
    }
    Map<String, Person> people = ids.isEmpty() ? Map.of() : ctx.service().people(ids);
    mentions = Mentions.of(Person.names(people));
    if (people.isEmpty()) {
      return comments;
    }
    List<Comment> out = new ArrayList<>();
    for (Comment c : comments) {
      Person p = c.authorId() == null ? null : people.get(c.authorId());
      out.add(p != null && p.named() ? c.withAuthor(p.displayName()) : c);
    }
    return out;
  }
}
