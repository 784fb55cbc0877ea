package dev.conf.cli;

/** Options every command takes, filled in by the root command while parsing. */
public final class GlobalOptions {
  String profile;
  boolean debug;
  boolean noColor;
  String deployment;
  String caCert;

  public String profile() {
    return profile;
  }

  public boolean debug() {
    return debug;
  }

  public boolean noColor() {
    return noColor;
  }

  public String deployment() {
    return deployment;
  }

  public String caCert() {
    return caCert;
  }
}
