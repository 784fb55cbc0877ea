package dev.conf.error;

/**
 * A failure the user should see as one line on stderr, with the exit code that classifies it.
 * Thrown from any layer; the command line maps it to its exit code in one place.
 */
public class ConfException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ExitCode exitCode;
  private String code;
  private Integer status;
  private String request;
  private String hint;

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

  /**
   * The HTTP answer that caused this failure: its status and {@code METHOD /path} (never the query
   * string, which may hold search words). Shown in machine-readable errors.
   */
  public ConfException fromResponse(int status, String request) {
    this.status = status;
    this.request = request;
    return this;
  }

  /** What the user can do about it, for machine-readable errors (the message may say it too). */
  public ConfException hint(String hint) {
    this.hint = hint;
    return this;
  }

  /** A finer error code than the exit code's, e.g. {@code read_only} (see docs/json.md). */
  public ConfException code(String code) {
    this.code = code;
    return this;
  }

  /** The explicit error code, or null to derive it from the exit code and status. */
  public String code() {
    return code;
  }

  /** The HTTP status, or null when no response caused this. */
  public Integer status() {
    return status;
  }

  /** {@code METHOD /path} of the request whose answer caused this, or null. */
  public String request() {
    return request;
  }

  public String hint() {
    return hint;
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
