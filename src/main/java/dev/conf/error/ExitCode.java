package dev.conf.error;

/**
 * Every exit code conf returns, in one place. Scripts rely on these numbers: they are documented in
 * the README and must never change meaning.
 */
public enum ExitCode {
  OK(0),
  ERROR(1),
  USAGE(2),
  NOT_FOUND(3),
  AUTH(4),
  CONFLICT(5),
  RATE_LIMITED(6);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
