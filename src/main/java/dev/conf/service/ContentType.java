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
}
