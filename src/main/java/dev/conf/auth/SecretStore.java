package dev.conf.auth;

/**
 * Where a profile's secret is kept between runs: the OS keychain, or, only when the user asked for
 * it, a plain file. Keys are profile names; secrets never go into the config file.
 */
public interface SecretStore {
  /** The secret for a profile, or null when none is stored. */
  String get(String profile);

  void put(String profile, String secret);

  /** Removes the secret; true when there was one. */
  boolean delete(String profile);

  /** How {@code conf auth status} names this store: "keychain" or "file (PATH)". */
  String describe();
}
