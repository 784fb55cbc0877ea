package dev.conf.auth;

import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;

/** The keychain could not be used; the message says what to do instead. */
public final class SecretStoreException extends ConfException {
  private static final long serialVersionUID = 1L;

  private static final String ADVICE =
      "set the secret in the environment (e.g. CONFLUENCE_API_TOKEN or CONFLUENCE_PAT) or log in with"
          + " --insecure-storage to keep it in a file";

  private final String reason;

  public SecretStoreException(String message, Throwable cause) {
    this(message, null, cause);
  }

  private SecretStoreException(String message, String reason, Throwable cause) {
    super(ExitCode.ERROR, message, cause);
    this.reason = reason;
  }

  /** Why the keychain could not be used, in a few words (no advice); null when unknown. */
  public String reason() {
    return reason;
  }

  /** The keychain did not answer in time. */
  static SecretStoreException timedOut(String what, java.time.Duration timeout, Throwable cause) {
    String reason = "no answer within " + timeout.toSeconds() + "s (is it locked?)";
    return new SecretStoreException(
        "could not " + what + " the OS keychain: " + reason + "; " + ADVICE, reason, cause);
  }

  /** The keychain answered with an error, or could not be reached. */
  public static SecretStoreException failed(String what, String detail, Throwable cause) {
    return new SecretStoreException(
        "could not " + what + " the OS keychain (" + detail + "); " + ADVICE, detail, cause);
  }
}
