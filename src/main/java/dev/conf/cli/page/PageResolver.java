package dev.conf.cli.page;

import dev.conf.cli.CommandContext;
import dev.conf.service.ContentType;

/** Turns what the user typed into a content id, looking titles up where needed. */
public final class PageResolver {
  private final CommandContext ctx;

  public PageResolver(CommandContext ctx) {
    this.ctx = ctx;
  }

  /** Parses without a request: for validating arguments before anything is sent. */
  public PageRef parse(String arg) {
    return PageRef.parse(arg, ctx.connection().site());
  }

  /** The id of the page or blog post the argument names; exit code 3 when a title finds none. */
  public String id(ContentType type, String arg) {
    return id(type, parse(arg));
  }

  public String id(ContentType type, PageRef ref) {
    if (!ref.byTitle()) {
      return ref.id();
    }
    return ctx.service().pages().findByTitle(type, ref.spaceKey(), ref.title()).id();
  }
}
