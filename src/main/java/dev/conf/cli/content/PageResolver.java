package dev.conf.cli.content;

import dev.conf.cli.CommandContext;
import dev.conf.error.ConfException;
import dev.conf.service.ContentType;

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
    return ctx.service().pages().findByTitle(type, ref.spaceKey(), ref.title()).id();
  }
}
