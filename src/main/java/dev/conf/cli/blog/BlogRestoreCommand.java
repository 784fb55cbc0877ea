package dev.conf.cli.blog;

import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.JsonOptions;
import dev.conf.cli.content.PageResolver;
import dev.conf.cli.content.Trash;
import dev.conf.output.JsonFields;
import dev.conf.service.BodyFormat;
import dev.conf.service.ContentType;
import dev.conf.service.Page;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code conf blog restore}: a blog post back from the trash. */
@Access(Access.Kind.WRITES)
@Examples({"conf blog restore 45678", "conf blog list --space ENG --status trashed"})
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Bring a blog post back from the trash, as it was.",
      "",
      "Find it with conf blog list --space KEY --status trashed. A blog post not in the trash "
          + "is refused (exit 2)."
    })
public final class BlogRestoreCommand implements Callable<Integer>, JsonOptions.Fielded {
  private final CommandContext ctx;

  @Parameters(paramLabel = "POST", description = "The blog post's id, or its URL.")
  String target;

  @Mixin JsonOptions json;

  BlogRestoreCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public JsonFields jsonFields() {
    return JsonFields.of(Page.class);
  }

  @Override
  public Integer call() {
    String id = new PageResolver(ctx).id(ContentType.BLOGPOST, target);
    Page post = ctx.service().pages().getPage(ContentType.BLOGPOST, id, BodyFormat.STORAGE, null);
    return Trash.restore(ctx, json, ContentType.BLOGPOST, post, null);
  }
}
