package dev.conf.service;

/** The two kinds of content conf reads and writes with the same commands. */
public enum ContentType {
  PAGE("page"),
  BLOGPOST("blog post");

  private final String noun;

  ContentType(String noun) {
    this.noun = noun;
  }

  /** How messages name one of these: "page", "blog post". */
  public String noun() {
    return noun;
  }

  /**
   * How messages name content {@code id} of {@code type}: "page 42", "blog post 42", or "page or
   * blog post 42" when the type is not known ({@code null}: a bare id, which names either).
   */
  public static String describe(ContentType type, String id) {
    return (type == null ? "page or blog post" : type.noun()) + " " + id;
  }
}
