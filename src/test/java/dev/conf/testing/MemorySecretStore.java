package dev.conf.testing;

import dev.conf.auth.SecretStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A keychain stand-in for command tests; the real keychain has its own test. */
public final class MemorySecretStore implements SecretStore {
  public final Map<String, String> secrets = new ConcurrentHashMap<>();

  @Override
  public String get(String profile) {
    return secrets.get(profile);
  }

  @Override
  public void put(String profile, String secret) {
    secrets.put(profile, secret);
  }

  @Override
  public boolean delete(String profile) {
    return secrets.remove(profile) != null;
  }

  @Override
  public String describe() {
    return "keychain";
  }
}
