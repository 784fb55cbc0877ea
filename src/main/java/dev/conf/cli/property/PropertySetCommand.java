package dev.conf.cli.property;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.JsonOptions;
import dev.conf.cli.content.BodySource;
import dev.conf.cli.content.PageResolver;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.output.JsonFields;
import dev.conf.service.ContentProperty;
import dev.conf.util.Json;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code conf property set PAGE KEY (VALUE | --file F)}. */
@Access(Access.Kind.WRITES)
@Examples({
  "conf property set DOCS:Runbook owner '\"team-ops\"'",
  "conf property set 12345 review --file review.json --if-version 2"
})
@Command(
    name = "set",
    mixinStandardHelpOptions = true,
    description = {
      "Create a content property, or write a new version of it.",
      "",
      "The value is JSON: '{\"owner\":\"ann\"}', 42, true, or a string in quotes ('\"ann\"'). "
          + "The write is based on the version read; if the property changed in between (or "
          + "--if-version does not match), nothing is overwritten and conf exits 5. Setting the "
          + "value it already has sends nothing."
    })
public final class PropertySetCommand implements Callable<Integer>, JsonOptions.Fielded {
  private final CommandContext ctx;

  @Parameters(
      index = "0",
      paramLabel = "PAGE",
      description =
          "A page (id, SPACEKEY:Title or URL from the browser) or a blog post (its id or URL).")
  String page;

  @Parameters(index = "1", paramLabel = "KEY", description = "The property's key.")
  String key;

  @Parameters(
      index = "2",
      arity = "0..1",
      paramLabel = "VALUE",
      description = "The value, as JSON (or give --file).")
  String value;

  @Option(
      names = {"-F", "--file"},
      paramLabel = "F",
      description = "Read the JSON value from this file ('-' for stdin).")
  String file;

  @Option(
      names = "--if-version",
      paramLabel = "N",
      description = "Only if the property is at version N; otherwise exit 5 and change nothing.")
  Integer ifVersion;

  @Mixin JsonOptions json;

  PropertySetCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public JsonFields jsonFields() {
    return JsonFields.of(ContentProperty.class);
  }

  @Override
  public Integer call() {
    JsonNode parsed = parse(); // a bad value fails before any request
    PageResolver.Target target = new PageResolver(ctx).target(page);
    ContentProperty existing = ctx.service().items().property(target.type(), target.id(), key);
    String what = "property '" + key + "' of " + target.describe();
    if (ifVersion != null) {
      int at = existing == null ? 0 : existing.version();
      if (at != ifVersion) {
        throw new ConfException(
            ExitCode.CONFLICT,
            what
                + (existing == null ? " does not exist" : " is at version " + at)
                + ", not "
                + ifVersion
                + " (--if-version): nothing was changed");
      }
    }
    if (existing != null && existing.value().equals(parsed)) {
      ctx.io()
          .err()
          .println(
              "No changes: "
                  + what
                  + " already has this value at version "
                  + existing.version()
                  + "; nothing was sent.");
      return 0;
    }
    ContentProperty written;
    try {
      written =
          ctx.service().items().setProperty(target.type(), target.id(), key, parsed, existing);
    } catch (ConfException e) {
      if (e.exitCode() != ExitCode.CONFLICT) {
        throw e;
      }
      throw new ConfException(
          ExitCode.CONFLICT,
          what
              + " changed on the server since it was read"
              + (existing == null
                  ? " (someone created it)"
                  : " (this write was based on version " + existing.version() + ")")
              + "; nothing was overwritten. Read it again and re-apply your change.",
          e);
    }
    if (json.enabled()) {
      json.print(ctx.io(), written);
      return 0;
    }
    ctx.io()
        .err()
        .println(
            (existing == null ? "Created " : "Updated ")
                + what
                + " (version "
                + written.version()
                + ").");
    return 0;
  }

  private JsonNode parse() {
    if (value != null && file != null) {
      throw ConfException.usage("give the value as an argument or with --file, not both");
    }
    if (value == null && file == null) {
      throw ConfException.usage(
          "give the value (JSON) as an argument or with --file F (- for stdin)");
    }
    String text = value != null ? value : BodySource.read(ctx.io(), file);
    JsonNode node;
    try {
      node = Json.parse(text);
    } catch (IOException e) {
      node = null;
    }
    if (node == null || node.isMissingNode()) {
      throw ConfException.usage(
          "the value must be JSON (a string goes in quotes: '\"text\"'), not: "
              + abbreviate(text.strip()));
    }
    return node;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
