package dev.conf.auth;

import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;

/** The keychain could not be used; the message says what to do instead. */
public final class SecretStoreException extends ConfException {
  private static final long serialVersionUID = 1L;

  public SecretStoreException(String message, Throwable cause) {
    super(ExitCode.ERROR, message, cause);
  }
}
