package dev.conf.http;

import dev.conf.error.ConfException;

/**
 * A write whose outcome the HTTP layer cannot know: an earlier attempt's answer was lost after the
 * request had gone, so the server may have applied it. Either the answer to a POST never came (it
 * is never replayed), or a PUT replayed after a lost attempt met a 409, which its own first attempt
 * may have caused. The HTTP layer knows no Confluence operation, so it only says so; the backend
 * that sent the write settles it (reads the content back, looks the title up) and either returns
 * what the server has or lets this stand.
 *
 * <p>It is the failure the user sees when nobody settles it: same message, exit code, status and
 * hint as the plain failure it stands for, so callers that do not care need not catch it.
 */
public final class WriteOutcomeUnknown extends ConfException {
  private static final long serialVersionUID = 1L;

  /** Why the outcome is unknown. */
  public enum Why {
    /** The answer to a write that is never replayed (a POST) was lost. */
    ANSWER_LOST,
    /** A PUT replayed after a lost attempt met a conflict its first attempt may have caused. */
    REPLAY_CONFLICT
  }

  private final Why why;

  WriteOutcomeUnknown(Why why, ConfException failure) {
    super(failure.exitCode(), failure.getMessage(), failure.getCause());
    this.why = why;
    if (failure.status() != null) {
      fromResponse(failure.status(), failure.request());
    }
    hint(failure.hint());
    code(failure.code());
  }

  public Why why() {
    return why;
  }
}
