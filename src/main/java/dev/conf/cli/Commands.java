package dev.conf.cli;

import dev.conf.cli.api.ApiCommand;
import dev.conf.cli.attachment.AttachmentCommand;
import dev.conf.cli.attachment.AttachmentDeleteCommand;
import dev.conf.cli.attachment.AttachmentDownloadCommand;
import dev.conf.cli.attachment.AttachmentListCommand;
import dev.conf.cli.attachment.AttachmentUploadCommand;
import dev.conf.cli.auth.AuthCommand;
import dev.conf.cli.auth.LoginCommand;
import dev.conf.cli.auth.LogoutCommand;
import dev.conf.cli.auth.StatusCommand;
import dev.conf.cli.auth.SwitchCommand;
import dev.conf.cli.auth.TokenCommand;
import dev.conf.cli.blog.BlogCommand;
import dev.conf.cli.blog.BlogCreateCommand;
import dev.conf.cli.blog.BlogDeleteCommand;
import dev.conf.cli.blog.BlogListCommand;
import dev.conf.cli.blog.BlogRestoreCommand;
import dev.conf.cli.blog.BlogUpdateCommand;
import dev.conf.cli.blog.BlogViewCommand;
import dev.conf.cli.comment.CommentAddCommand;
import dev.conf.cli.comment.CommentCommand;
import dev.conf.cli.comment.CommentDeleteCommand;
import dev.conf.cli.comment.CommentListCommand;
import dev.conf.cli.comment.CommentReopenCommand;
import dev.conf.cli.comment.CommentReplyCommand;
import dev.conf.cli.comment.CommentResolveCommand;
import dev.conf.cli.config.ConfigCommand;
import dev.conf.cli.config.ConfigGetCommand;
import dev.conf.cli.config.ConfigListCommand;
import dev.conf.cli.config.ConfigSetCommand;
import dev.conf.cli.config.ConfigUnsetCommand;
import dev.conf.cli.export.ExportCommand;
import dev.conf.cli.label.LabelAddCommand;
import dev.conf.cli.label.LabelCommand;
import dev.conf.cli.label.LabelListCommand;
import dev.conf.cli.label.LabelRemoveCommand;
import dev.conf.cli.page.PageAppendCommand;
import dev.conf.cli.page.PageChildrenCommand;
import dev.conf.cli.page.PageCommand;
import dev.conf.cli.page.PageCopyCommand;
import dev.conf.cli.page.PageCreateCommand;
import dev.conf.cli.page.PageDeleteCommand;
import dev.conf.cli.page.PageDiffCommand;
import dev.conf.cli.page.PageEditCommand;
import dev.conf.cli.page.PageHistoryCommand;
import dev.conf.cli.page.PageListCommand;
import dev.conf.cli.page.PageMoveCommand;
import dev.conf.cli.page.PageRestoreCommand;
import dev.conf.cli.page.PageRestrictCommand;
import dev.conf.cli.page.PageRestrictionsCommand;
import dev.conf.cli.page.PageTreeCommand;
import dev.conf.cli.page.PageUpdateCommand;
import dev.conf.cli.page.PageViewCommand;
import dev.conf.cli.property.PropertyCommand;
import dev.conf.cli.property.PropertyDeleteCommand;
import dev.conf.cli.property.PropertyGetCommand;
import dev.conf.cli.property.PropertyListCommand;
import dev.conf.cli.property.PropertySetCommand;
import dev.conf.cli.publish.PublishCommand;
import dev.conf.cli.search.SearchCommand;
import dev.conf.cli.space.SpaceCommand;
import dev.conf.cli.space.SpaceListCommand;
import dev.conf.cli.space.SpaceViewCommand;
import dev.conf.cli.template.TemplateCommand;
import dev.conf.cli.template.TemplateListCommand;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command tree, in one place: every top-level command ("noun") and its subcommands ("verbs").
 *
 * <p>Why not picocli's {@code subcommands = {...}} attribute: picocli builds the model of every
 * command it is given by reflection before parsing, and that cost grows with every command added
 * (about 20 ms per command class here, measured). {@link #build} gives picocli every noun, so
 * {@code conf --help} and "unknown command" still see them all, but only the verbs of the noun on
 * the command line.
 */
public final class Commands {
  private Commands() {}

  /** A top-level command and its subcommands. */
  record Noun(Class<?> type, List<Class<?>> verbs) {
    Noun(Class<?> type, Class<?>... verbs) {
      this(type, List.of(verbs));
    }

    boolean isCalled(String word) {
      return Commands.isCalled(type, word);
    }
  }

  /** Whether a command class answers to this name or one of its aliases. */
  static boolean isCalled(Class<?> type, String word) {
    Command c = type.getAnnotation(Command.class);
    if (c.name().equals(word)) {
      return true;
    }
    for (String alias : c.aliases()) {
      if (alias.equals(word)) {
        return true;
      }
    }
    return false;
  }

  static final List<Noun> NOUNS =
      List.of(
          new Noun(
              AuthCommand.class,
              LoginCommand.class,
              StatusCommand.class,
              LogoutCommand.class,
              TokenCommand.class,
              SwitchCommand.class),
          new Noun(SpaceCommand.class, SpaceListCommand.class, SpaceViewCommand.class),
          new Noun(
              PageCommand.class,
              PageListCommand.class,
              PageViewCommand.class,
              PageCreateCommand.class,
              PageUpdateCommand.class,
              PageEditCommand.class,
              PageAppendCommand.class,
              PageDeleteCommand.class,
              PageChildrenCommand.class,
              PageTreeCommand.class,
              PageHistoryCommand.class,
              PageDiffCommand.class,
              PageMoveCommand.class,
              PageCopyCommand.class,
              PageRestoreCommand.class,
              PageRestrictionsCommand.class,
              PageRestrictCommand.class),
          new Noun(
              BlogCommand.class,
              BlogListCommand.class,
              BlogViewCommand.class,
              BlogCreateCommand.class,
              BlogUpdateCommand.class,
              BlogDeleteCommand.class,
              BlogRestoreCommand.class),
          new Noun(
              AttachmentCommand.class,
              AttachmentListCommand.class,
              AttachmentUploadCommand.class,
              AttachmentDownloadCommand.class,
              AttachmentDeleteCommand.class),
          new Noun(
              CommentCommand.class,
              CommentListCommand.class,
              CommentAddCommand.class,
              CommentReplyCommand.class,
              CommentResolveCommand.class,
              CommentReopenCommand.class,
              CommentDeleteCommand.class),
          new Noun(
              LabelCommand.class,
              LabelListCommand.class,
              LabelAddCommand.class,
              LabelRemoveCommand.class),
          new Noun(
              PropertyCommand.class,
              PropertyListCommand.class,
              PropertyGetCommand.class,
              PropertySetCommand.class,
              PropertyDeleteCommand.class),
          new Noun(TemplateCommand.class, TemplateListCommand.class),
          new Noun(OpenCommand.class),
          new Noun(SearchCommand.class),
          new Noun(ExportCommand.class),
          new Noun(ApiCommand.class),
          new Noun(ConvertCommand.class),
          new Noun(PublishCommand.class),
          new Noun(CompletionCommand.class),
          new Noun(HelpCommand.class),
          new Noun(
              ConfigCommand.class,
              ConfigGetCommand.class,
              ConfigSetCommand.class,
              ConfigListCommand.class,
              ConfigUnsetCommand.class),
          new Noun(CdsTrainingCommand.class),
          new Noun(CompleteCommand.class));

  /**
   * Root options that take a value: the word after them is not a command. Listed by hand so that
   * finding the command word needs no picocli model; RootOptionsTest ties it to {@link
   * RootCommand}.
   */
  static final List<String> ROOT_OPTIONS_WITH_VALUES =
      List.of("--profile", "--deployment", "--ca-cert");

  /**
   * The tree for these arguments: the noun and verb named on the command line built for real, every
   * other command as a placeholder. Completion scripts, and callers that pass no arguments at all
   * (tests, tools), get every verb; {@code conf --version}, {@code --help} or an unknown command
   * get none, as they need only the nouns.
   */
  static CommandLine build(Object root, CommandLine.IFactory factory, String... args) {
    boolean all = args == null || args.length == 0;
    int at = commandWordIndex(args, 0);
    String word = at < 0 ? null : args[at];
    boolean everything = all || "completion".equals(word);
    // The verb is the next word after the noun (global options may stand between them).
    int verbAt = at < 0 ? -1 : commandWordIndex(args, at + 1);
    String verb = verbAt < 0 ? null : args[verbAt];
    CommandLine tree = new CommandLine(root, factory);
    if (!everything && word != null) {
      CommandLine exact = exactly(tree, factory, word, verb);
      if (exact != null) {
        return exact;
      }
    }
    for (Noun noun : NOUNS) {
      if (everything || (word != null && noun.isCalled(word))) {
        CommandLine sub = new CommandLine(noun.type(), factory);
        for (Class<?> v : noun.verbs()) {
          sub.addSubcommand(
              everything || (verb != null && isCalled(v, verb))
                  ? new CommandLine(v, factory)
                  : placeholder(v));
        }
        tree.addSubcommand(sub);
      } else {
        tree.addSubcommand(placeholder(noun.type()));
      }
    }
    return tree;
  }

  /**
   * When the command line names a known noun and (if it has any) a known verb, the tree is just
   * root, noun and verb: nothing else can be reached, listed or suggested from there. Each
   * placeholder left out is one picocli {@code CommandLine} less to construct (about 1.5 ms each in
   * a fresh JVM; {@code conf page view} had 25 of them). Null when the words are not that exact.
   */
  private static CommandLine exactly(
      CommandLine tree, CommandLine.IFactory factory, String word, String verb) {
    for (Noun noun : NOUNS) {
      if (!noun.isCalled(word)) {
        continue;
      }
      CommandLine sub = new CommandLine(noun.type(), factory);
      if (!noun.verbs().isEmpty()) {
        Class<?> match = null;
        for (Class<?> v : noun.verbs()) {
          if (verb != null && isCalled(v, verb)) {
            match = v;
          }
        }
        if (match == null) {
          return null;
        }
        sub.addSubcommand(new CommandLine(match, factory));
      }
      return tree.addSubcommand(sub);
    }
    return null;
  }

  /**
   * A command that is not on the command line: only its name, aliases and description, read from
   * its annotation, which is all that {@code --help} lists and "did you mean" suggests. Building
   * the real command would reflect over every option it has.
   */
  private static CommandLine placeholder(Class<?> type) {
    Command c = type.getAnnotation(Command.class);
    CommandSpec spec = CommandSpec.create().name(c.name()).aliases(c.aliases());
    spec.usageMessage().description(c.description()).hidden(c.hidden());
    return new CommandLine(spec);
  }

  /** The first argument that names a command, or null when there is none. */
  static String commandWord(String... args) {
    int at = commandWordIndex(args, 0);
    return at < 0 ? null : args[at];
  }

  private static int commandWordIndex(String[] args, int from) {
    for (int i = from; args != null && i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) {
        return -1;
      }
      if (a.startsWith("-")) {
        if (ROOT_OPTIONS_WITH_VALUES.contains(a.toLowerCase(Locale.ROOT))) {
          i++;
        }
        continue;
      }
      return i;
    }
    return -1;
  }
}
