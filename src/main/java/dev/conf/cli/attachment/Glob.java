package dev.conf.cli.attachment;

import dev.conf.error.ConfException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.regex.PatternSyntaxException;

/**
 * A shell-style pattern for attachment names: {@code *} any run of characters, {@code ?} one,
 * {@code [abc]}, {@code [a-z]} and {@code [!abc]} one of (or not of) a set; everything else
 * literal, whole name. Matching is the JDK's glob {@link PathMatcher}, so it is case-sensitive
 * where the platform's file names are (Linux, macOS) and case-insensitive on Windows.
 *
 * <p>An attachment name is not a path: it may hold {@code /}, {@code \}, {@code :} and other
 * characters a file system gives a meaning to or refuses. Both the name and the pattern's literal
 * characters are therefore spelled with stand-ins from Unicode's private use area before matching,
 * which keeps {@code *} matching across a {@code /}, keeps {@code {a,b}} and {@code \} literal (as
 * the documented syntax has neither) and an unclosed {@code [} an ordinary character.
 */
final class Glob {
  /** Characters a glob or a file system treats specially; each gets a private-use stand-in. */
  private static final String RESERVED = "/\\:*?\"<>|{}[] ";

  private static final char STAND_IN = '\uE000';

  private final PathMatcher matcher;

  private Glob(PathMatcher matcher) {
    this.matcher = matcher;
  }

  /** Matches everything when the pattern is null. */
  static Glob of(String glob) {
    if (glob == null) {
      return new Glob(path -> true);
    }
    try {
      return new Glob(FileSystems.getDefault().getPathMatcher("glob:" + translate(glob)));
    } catch (PatternSyntaxException e) {
      throw ConfException.usage("--pattern " + glob + ": " + e.getDescription());
    }
  }

  boolean matches(String name) {
    return name != null && matcher.matches(Path.of(literal(name)));
  }

  /** The pattern with {@code * ? [...]} kept as glob syntax and every other character literal. */
  private static String translate(String glob) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      int close = c == '[' ? glob.indexOf(']', i + 2) : -1;
      if (c == '*' || c == '?') {
        out.append(c);
      } else if (close > 0) {
        boolean negated = glob.charAt(i + 1) == '!';
        out.append('[')
            .append(negated ? "!" : "")
            .append(literal(glob.substring(negated ? i + 2 : i + 1, close)))
            .append(']');
        i = close;
      } else {
        out.append(literal(String.valueOf(c)));
      }
    }
    return out.toString();
  }

  /** Text with every reserved or control character replaced by its stand-in. */
  private static String literal(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int reserved = RESERVED.indexOf(c);
      if (c < 0x20) {
        out.append((char) (STAND_IN + 0x80 + c));
      } else if (reserved >= 0) {
        out.append((char) (STAND_IN + reserved));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
