package dev.conf.auth;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Secrets in the OS keychain (macOS Keychain, Windows Credential Manager, Secret Service on Linux)
 * through java-keyring. Every call runs with a deadline: a locked or absent Secret Service must not
 * hang a script, so a call that takes too long fails with advice instead.
 */
public final class KeyringSecretStore implements SecretStore {
  static final String SERVICE = "conf";
  private final Duration timeout;
  private final ExecutorService executor;
  private Keyring keyring;

  public KeyringSecretStore(Duration timeout) {
    this.timeout = timeout;
    this.executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "conf-keyring");
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public String get(String profile) {
    return call(
        "read the secret from",
        () -> {
          try {
            return keyring().getPassword(SERVICE, account(profile));
          } catch (PasswordAccessException e) {
            // java-keyring reports "no such entry" this way on every backend.
            return null;
          }
        });
  }

  @Override
  public void put(String profile, String secret) {
    call(
        "store the secret in",
        () -> {
          keyring().setPassword(SERVICE, account(profile), secret);
          return null;
        });
  }

  @Override
  public boolean delete(String profile) {
    return call(
        "delete the secret from",
        () -> {
          Keyring k = keyring();
          try {
            if (k.getPassword(SERVICE, account(profile)) == null) {
              return false;
            }
            k.deletePassword(SERVICE, account(profile));
            return true;
          } catch (PasswordAccessException e) {
            return false;
          }
        });
  }

  @Override
  public String describe() {
    return "keychain";
  }

  static String account(String profile) {
    return "profile:" + profile;
  }

  private Keyring keyring() throws BackendNotSupportedException {
    if (keyring == null) {
      keyring = Keyring.create();
    }
    return keyring;
  }

  private <T> T call(String what, Callable<T> action) {
    Future<T> future = executor.submit(action);
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw SecretStoreException.timedOut(what, timeout, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw SecretStoreException.failed(
          what,
          cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(),
          cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SecretStoreException("interrupted while using the OS keychain", e);
    }
  }
}
