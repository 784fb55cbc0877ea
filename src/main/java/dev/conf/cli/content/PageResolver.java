package dev.conf.cli.content;

import dev.conf.cli.CommandContext;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.service.ContentType;
import dev.conf.service.Cql;
import dev.conf.service.Page;
import dev.conf.service.SearchQuery;
import dev.conf.service.SearchResult;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns what the user typed into a content id, looking titles up where needed. */
public final class PageResolver {
  private final CommandContext ctx;

  public PageResolver(CommandContext ctx) {
    this.ctx = ctx;
  }

  /** Parses without a request: for validating arguments before anything is sent. */
  public ContentAddress parse(String arg) {
    return ContentAddress.parse(arg, ctx.siteUrls());
  }

  /** The id of the page or blog post the argument names; exit code 3 when a title finds none. */
  public String id(ContentType type, String arg) {
    return id(type, parse(arg));
  }

  /**
   * The page or blog post the argument names, for commands that take either (attachments, comments,
   * labels). Its type is the one the argument shows (a blog post's URL), or null for a bare id,
   * which the backend then treats as either; {@code SPACEKEY:Title} names a page.
   */
  public Target target(String arg) {
    ContentAddress ref = parse(arg);
    if (!ref.byTitle()) {
      return new Target(ref.type(), ref.id());
    }
    ContentType type = ref.type() != null ? ref.type() : ContentType.PAGE;
    return new Target(type, id(type, ref));
  }

  /**
   * A page or blog post by id.
   *
   * @param type PAGE, BLOGPOST, or null when not known
   */
  public record Target(ContentType type, String id) {
    /** "page 42", "blog post 42", or "page or blog post 42". */
    public String describe() {
      return ContentType.describe(type, id);
    }

    /** {@link #describe} to begin a sentence with: "Page 42". */
    public String capitalized() {
      String d = describe();
      return Character.toUpperCase(d.charAt(0)) + d.substring(1);
    }
  }

  /**
   * The id of the {@code type} content the reference names; exit 2 when its URL says it is the
   * other type (a blog post's URL given to a {@code page} command, or the reverse), which would
   * otherwise end in a puzzling "not found".
   */
  public String id(ContentType type, ContentAddress ref) {
    if (ref.type() != null && ref.type() != type) {
      throw ConfException.usage(
          "that URL is a "
              + ref.type().noun()
              + ", not a "
              + type.noun()
              + ": use the `conf "
              + (ref.type() == ContentType.BLOGPOST ? "blog" : "page")
              + "` commands");
    }
    if (!ref.byTitle()) {
      return ref.id();
    }
    return findByTitle(type, ref.spaceKey(), ref.title()).id();
  }

  /** Titles asked for when the exact one is not in the space: enough to find its case variants. */
  static final int SIMILAR_LIMIT = 50;

  /**
   * The page or blog post titled {@code title} in the space, forgiving case: the exact title first
   * (the REST lookups match it exactly, on both deployments); else one CQL title search, and a
   * title that equals it ignoring case is taken when it is the only one (with a note on stderr, as
   * a title differing only in case cannot be anything else); else exit 3 with the closest titles:
   * "no page titled 'Runbok' in space DOCS; did you mean 'Runbook'?".
   */
  public Page findByTitle(ContentType type, String spaceKey, String title) {
    ConfException missing;
    try {
      return ctx.service().pages().findByTitle(type, spaceKey, title);
    } catch (ConfException e) {
      if (e.exitCode() != ExitCode.NOT_FOUND) {
        throw e;
      }
      missing = e;
    }
    List<SearchResult> similar = similar(type, spaceKey, title);
    Set<String> sameButCase = new LinkedHashSet<>();
    for (SearchResult r : similar) {
      if (r.title() != null && r.title().equalsIgnoreCase(title)) {
        sameButCase.add(r.title());
      }
    }
    if (sameButCase.size() == 1) {
      String found = sameButCase.iterator().next();
      Page page = ctx.service().pages().findByTitle(type, spaceKey, found);
      ctx.io()
          .err()
          .println("conf: no " + type.noun() + " titled '" + title + "'; using '" + found + "'");
      return page;
    }
    List<String> suggestions =
        sameButCase.isEmpty()
            ? TitleSuggestions.closest(title, titles(similar))
            : sameButCase.stream().toList();
    if (suggestions.isEmpty()) {
      throw missing;
    }
    throw ConfException.notFound(
        "no "
            + type.noun()
            + " titled '"
            + title
            + "' in space "
            + spaceKey
            + "; did you mean "
            + TitleSuggestions.quoted(suggestions)
            + "?");
  }

  private static List<String> titles(List<SearchResult> results) {
    Set<String> out = new LinkedHashSet<>();
    for (SearchResult r : results) {
      if (r.title() != null) {
        out.add(r.title());
      }
    }
    return List.copyOf(out);
  }

  /**
   * Titles of the space's pages (or blog posts) that CQL's title search finds for the words of
   * {@code title}; it ignores case. Empty when the search fails: the suggestion is a courtesy, and
   * the exact lookup's "not found" stands.
   */
  private List<SearchResult> similar(ContentType type, String spaceKey, String title) {
    if (title.isBlank() || spaceKey == null) {
      return List.of();
    }
    String cql =
        "space = "
            + Cql.quote(spaceKey)
            + " AND type = "
            + (type == ContentType.BLOGPOST ? "blogpost" : "page")
            + " AND title ~ "
            + Cql.quote(title.strip());
    try {
      return ctx.service().search(new SearchQuery(cql, false), SIMILAR_LIMIT).results();
    } catch (ConfException e) {
      if (e.exitCode() == ExitCode.AUTH || e.exitCode() == ExitCode.RATE_LIMITED) {
        throw e;
      }
      return List.of();
    }
  }
}
