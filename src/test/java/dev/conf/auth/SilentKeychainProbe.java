package dev.conf.auth;

import java.time.Duration;

/**
 * Run in a child JVM by {@link KeyringSecretStoreTest}: one read from the keychain with a short
 * deadline, reported on stdout. The child's environment points D-Bus at a socket that never
 * answers, which the parent JVM cannot do to itself because the D-Bus library reads the address
 * from the process environment.
 */
public final class SilentKeychainProbe {
  private SilentKeychainProbe() {}

  public static void main(String[] args) {
    KeyringSecretStore store = new KeyringSecretStore(Duration.ofMillis(Long.parseLong(args[0])));
    int code;
    try {
      String secret = store.get("conf-test-silent");
      System.out.println("ANSWERED " + (secret == null ? "null" : "a secret"));
      code = 0;
    } catch (SecretStoreException e) {
      System.out.println("FAILED " + e.getMessage());
      code = 3;
    }
    // The D-Bus library leaves non-daemon threads behind; exit like conf's Main does.
    System.exit(code);
  }
}
