package dev.conf.error;

/**
 * A failure the user should see as one line on stderr, with the exit code that classifies it.
 * Thrown from any layer; the command line maps it to its exit code in one place.
 */
public class ConfException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ExitCode exitCode;

  public ConfException(ExitCode exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public ConfException(ExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public ExitCode exitCode() {
    return exitCode;
  }

  public static ConfException usage(String message) {
    return new ConfException(ExitCode.USAGE, message);
  }

  public static ConfException notFound(String message) {
    return new ConfException(ExitCode.NOT_FOUND, message);
  }

  public static ConfException auth(String message) {
    return new ConfException(ExitCode.AUTH, message);
  }
}
