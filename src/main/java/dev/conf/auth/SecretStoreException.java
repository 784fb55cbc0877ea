package dev.conf.auth;

import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;

/** The keychain could not be used; the message says what to do instead. */
public final class SecretStoreException extends ConfException {
  private static final long serialVersionUID = 1L;

  private static final String ADVICE =
      "set the secret in the environment (e.g. CONFLUENCE_API_TOKEN or CONFLUENCE_PAT) or log in with"
          + " --insecure-storage to keep it in a file";

  public SecretStoreException(String message, Throwable cause) {
    super(ExitCode.ERROR, message, cause);
  }

  /** The keychain did not answer in time. */
  static SecretStoreException timedOut(String what, java.time.Duration timeout, Throwable cause) {
    return new SecretStoreException(
        "could not "
            + what
            + " the OS keychain: no answer within "
            + timeout.toSeconds()
            + "s (is it locked?); "
            + ADVICE,
        cause);
  }

  /** The keychain answered with an error, or could not be reached. */
  static SecretStoreException failed(String what, String detail, Throwable cause) {
    return new SecretStoreException(
        "could not " + what + " the OS keychain (" + detail + "); " + ADVICE, cause);
  }
}
