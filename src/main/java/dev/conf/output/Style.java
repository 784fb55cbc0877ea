package dev.conf.output;

/** ANSI styles; callers check {@link Io#colorEnabled()} first. */
public final class Style {
  private Style() {}

  public static String bold(String s) {
    return "\u001b[1m" + s + "\u001b[0m";
  }

  /** Bold and underlined: a page's top-level headings. */
  public static String boldUnderline(String s) {
    return "\u001b[1;4m" + s + "\u001b[0m";
  }

  public static String red(String s) {
    return "\u001b[31m" + s + "\u001b[0m";
  }

  public static String green(String s) {
    return "\u001b[32m" + s + "\u001b[0m";
  }

  public static String yellow(String s) {
    return "\u001b[33m" + s + "\u001b[0m";
  }

  public static String dim(String s) {
    return "\u001b[2m" + s + "\u001b[0m";
  }

  public static String cyan(String s) {
    return "\u001b[36m" + s + "\u001b[0m";
  }
}
