package dev.conf.cli.attachment;

import java.util.regex.Pattern;

/**
 * A shell-style pattern for attachment names: {@code *} any run of characters, {@code ?} one,
 * {@code [abc]} one of a set; everything else literal, case-sensitive, whole name.
 */
final class Glob {
  private final Pattern regex;

  private Glob(Pattern regex) {
    this.regex = regex;
  }

  /** Matches everything when the pattern is null. */
  static Glob of(String glob) {
    if (glob == null) {
      return new Glob(Pattern.compile(".*", Pattern.DOTALL));
    }
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        case '[' -> {
          int end = glob.indexOf(']', i + 2);
          if (end < 0) {
            re.append("\\[");
          } else {
            String set = glob.substring(i + 1, end);
            re.append('[')
                .append(set.startsWith("!") ? "^" + quoteSet(set.substring(1)) : quoteSet(set))
                .append(']');
            i = end;
          }
        }
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return new Glob(Pattern.compile(re.toString(), Pattern.DOTALL));
  }

  private static String quoteSet(String set) {
    return set.replace("\\", "\\\\").replace("[", "\\[").replace("^", "\\^").replace("&", "\\&");
  }

  boolean matches(String name) {
    return name != null && regex.matcher(name).matches();
  }
}
