package dev.conf.testing;

import dev.conf.auth.SecretStore;
import dev.conf.auth.SecretStoreException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A keychain stand-in for command tests; the real keychain has its own test. */
public final class MemorySecretStore implements SecretStore {
  public final Map<String, String> secrets = new ConcurrentHashMap<>();

  /**
   * When set, every call fails as an unreachable keychain does, with this reason (e.g. "Secret
   * Service not running").
   */
  public volatile String unreachable;

  /**
   * The most bytes one secret may take as UTF-16, as Windows Credential Manager allows (2,560); 0
   * for no limit. A longer secret is refused as the real keychain refuses it.
   */
  public volatile int maxUtf16Bytes;

  @Override
  public String get(String profile) {
    reachable("read the secret from");
    return secrets.get(profile);
  }

  @Override
  public void put(String profile, String secret) {
    reachable("store the secret in");
    if (maxUtf16Bytes > 0 && secret.length() * 2 > maxUtf16Bytes) {
      throw new SecretStoreException(
          "could not store the secret in the OS keychain (the secret is "
              + secret.length() * 2
              + " bytes, over the limit of "
              + maxUtf16Bytes
              + ")",
          null);
    }
    secrets.put(profile, secret);
  }

  @Override
  public boolean delete(String profile) {
    reachable("delete the secret from");
    return secrets.remove(profile) != null;
  }

  @Override
  public String describe() {
    return "keychain";
  }

  private void reachable(String what) {
    if (unreachable != null) {
      throw SecretStoreException.failed(what, unreachable, null);
    }
  }
}
