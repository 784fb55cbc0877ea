package dev.conf.cli.content;

import dev.conf.cli.CommandContext;
import dev.conf.cli.JsonOptions;
import dev.conf.convert.ConvertOptions;
import dev.conf.convert.Mentions;
import dev.conf.convert.ReadableText;
import dev.conf.convert.StorageToMarkdown;
import dev.conf.error.ConfException;
import dev.conf.output.FieldList;
import dev.conf.output.Io;
import dev.conf.output.JsonFields;
import dev.conf.output.Style;
import dev.conf.output.Times;
import dev.conf.service.BodyFormat;
import dev.conf.service.ContentType;
import dev.conf.service.Page;
import dev.conf.service.Person;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code conf page view} and {@code conf blog view}: metadata and body of one. */
public abstract class ViewContent implements Callable<Integer>, JsonOptions.Fielded {
  protected final CommandContext ctx;

  @Parameters(
      paramLabel = "PAGE",
      description = "An id, SPACEKEY:Title, or the URL from the browser.")
  String target;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "storage (XHTML as saved), view (rendered HTML), text (plain text) or markdown."
              + " Default: text on a terminal, storage in a pipe.")
  String format;

  @Option(names = "--version", paramLabel = "N", description = "An older version.")
  Integer version;

  @Option(names = "--web", description = "Open it in the browser instead.")
  boolean web;

  @Option(names = "--raw", description = "Print only the body, e.g. to edit and update it.")
  boolean raw;

  @Mixin JsonOptions json;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  protected ViewContent(CommandContext ctx) {
    this.ctx = ctx;
  }

  protected abstract ContentType type();

  @Override
  public JsonFields jsonFields() {
    return JsonFields.of(Page.class);
  }

  @Override
  public Integer call() {
    String fmt = format();
    if (version != null && version < 1) {
      throw ConfException.usage("--version must be 1 or more");
    }
    PageResolver resolver = new PageResolver(ctx);
    String id = resolver.id(type(), target);
    Page page =
        ctx.service()
            .pages()
            .getPage(
                type(), id, fmt.equals("view") ? BodyFormat.VIEW : BodyFormat.STORAGE, version);
    if (web) {
      return Web.open(ctx, page.url());
    }
    if (page.trashed()) {
      ctx.io().err().println(Trash.note(type(), page));
    }
    // One lookup for everyone shown: the creator, the last editor and, in text or Markdown, the
    // people the body mentions (Cloud answers name them by account id only).
    boolean converted = fmt.equals("text") || fmt.equals("markdown");
    Set<String> ids = new LinkedHashSet<>();
    if (!json.enabled() || json.wants("author") || json.wants("lastUpdatedBy")) {
      ids.addAll(page.unnamedIds());
    }
    if (converted && (!json.enabled() || json.wants("body"))) {
      ids.addAll(Mentions.ids(page.body()));
    }
    Map<String, Person> people = ids.isEmpty() ? Map.of() : ctx.service().people(ids);
    page = page.withPeople(people);
    Mentions names = Mentions.of(Person.names(people));
    if (fmt.equals("text")) {
      page = withBody(page, "text", ReadableText.render(page.body(), textOptions(), names));
    } else if (fmt.equals("markdown")) {
      page =
          withBody(
              page,
              "markdown",
              page.body() == null
                  ? null
                  : StorageToMarkdown.convert(page.body(), ConvertOptions.defaults(), names));
    }
    if (json.enabled()) {
      json.print(ctx.io(), page);
      return 0;
    }
    String body = page.body() == null ? "" : page.body();
    if (raw) {
      ctx.io().out().print(body.endsWith("\n") || body.isEmpty() ? body : body + "\n");
      ctx.io().out().flush();
      return 0;
    }
    ctx.io().startPager();
    fields(page);
    ctx.io().out().println(ctx.io().isStdoutTty() ? "" : "--");
    ctx.io().out().print(body.endsWith("\n") || body.isEmpty() ? body : body + "\n");
    ctx.io().out().flush();
    return 0;
  }

  /** --format, or the default for where the output goes: text on a terminal, else storage. */
  private String format() {
    String fmt = format;
    if (fmt == null) {
      fmt = ctx.io().isStdoutTty() && !json.enabled() && !raw ? "text" : "storage";
    }
    fmt = fmt.toLowerCase(Locale.ROOT);
    if (fmt.equals("md")) {
      fmt = "markdown";
    }
    if (!List.of("storage", "view", "text", "markdown").contains(fmt)) {
      throw ConfException.usage(
          "--format must be storage, view, text or markdown, not '" + format + "'");
    }
    return fmt;
  }

  /**
   * Text for a terminal: wrapped to its width, headings in bold where colour is on. Plain and
   * unwrapped in a pipe and in JSON.
   */
  private ReadableText.Options textOptions() {
    Io io = ctx.io();
    if (!io.isStdoutTty() || json.enabled() || raw) {
      return ReadableText.Options.PLAIN;
    }
    if (!io.colorEnabled()) {
      return ReadableText.Options.plain(io.terminalWidth());
    }
    return new ReadableText.Options(
        io.terminalWidth(), Style::boldUnderline, Style::bold, Style::bold);
  }

  /** The page's fields, before its body. */
  private void fields(Page page) {
    boolean current = page.status() == null || page.status().equals("current");
    FieldList fields = new FieldList(ctx.io());
    if (!current) {
      fields.add("Status", page.status());
    }
    fields
        .add("Title", page.title())
        .add("ID", page.id())
        .add("Space", page.spaceKey())
        .add("Version", String.valueOf(page.version()))
        .add("Author", page.author())
        .add(
            "Updated",
            page.lastUpdated() == null
                ? null
                : Times.show(page.lastUpdated(), ctx.io().isStdoutTty(), ctx.clock())
                    + (page.lastUpdatedBy() == null ? "" : " by " + page.lastUpdatedBy()))
        .add("URL", page.url())
        .add("Labels", page.labels() == null ? null : String.join(", ", page.labels()))
        .add("Parent", page.parentId())
        .print();
  }

  static Page withBody(Page p, String format, String body) {
    return new Page(
        p.id(),
        p.type(),
        p.title(),
        p.status(),
        p.spaceId(),
        p.spaceKey(),
        p.parentId(),
        p.version(),
        p.versionMessage(),
        p.author(),
        p.created(),
        p.lastUpdatedBy(),
        p.lastUpdated(),
        p.url(),
        p.labels(),
        format,
        body,
        p.authorId(),
        p.lastUpdatedById());
  }
}
