package dev.conf.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link KeyringSecretStore} against the real OS keychain. Skipped, with the reason, where none is
 * reachable (a Linux box without a D-Bus session and a Secret Service); {@code .ci/run} provides
 * both and sets {@code CONF_KEYCHAIN_TEST=required} so that there a missing keychain fails the
 * build instead of skipping quietly.
 */
class KeyringSecretStoreTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final boolean LINUX =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
  private static final boolean REQUIRED = "required".equals(System.getenv("CONF_KEYCHAIN_TEST"));

  @Test
  void secretsRoundTripThroughTheRealKeychain() {
    KeyringSecretStore store = new KeyringSecretStore(TIMEOUT);
    String profile = "conf-test-" + UUID.randomUUID();
    assumeKeychainReachable(store, profile);
    try {
      store.put(profile, "first-token");
      assertThat(store.get(profile)).isEqualTo("first-token");

      store.put(profile, "second-token:with/odd=chars+");
      assertThat(store.get(profile)).isEqualTo("second-token:with/odd=chars+");

      assertThat(store.delete(profile)).isTrue();
      assertThat(store.get(profile)).isNull();
      assertThat(store.delete(profile)).isFalse();
    } finally {
      try {
        store.delete(profile);
      } catch (SecretStoreException e) {
        // Best effort: the assertions above already say what went wrong.
      }
    }
  }

  @Test
  void aKeychainThatNeverAnswersFailsWithinTheTimeout(@TempDir Path dir) throws Exception {
    assumeTrue(
        LINUX, "only the Linux keychain (Secret Service over D-Bus) can be pointed elsewhere");
    Path socket = dir.resolve("silent-bus");
    Path output = dir.resolve("probe.out");
    try (ServerSocketChannel silent = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      // Bound and listening, so connecting succeeds, but nothing ever reads or answers.
      silent.bind(UnixDomainSocketAddress.of(socket));
      ProcessBuilder child =
          new ProcessBuilder(
                  List.of(
                      Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                      "-cp",
                      System.getProperty("java.class.path"),
                      SilentKeychainProbe.class.getName(),
                      "1500"))
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
      child.environment().put("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + socket);
      long start = System.nanoTime();
      Process process = child.start();
      boolean exited = process.waitFor(60, TimeUnit.SECONDS);
      if (!exited) {
        process.destroyForcibly();
      }
      long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      String out = Files.readString(output, StandardCharsets.UTF_8);

      assertThat(exited).as("child JVM finished; output:%n%s", out).isTrue();
      assertThat(process.exitValue()).as("exit code; output:%n%s", out).isEqualTo(3);
      assertThat(out).contains("FAILED could not read the secret from the OS keychain: no answer");
      // 1.5 s deadline plus JVM start-up; far below the 60 s a hang would take.
      assertThat(elapsedMs).isLessThan(30_000);
    }
  }

  private static void assumeKeychainReachable(KeyringSecretStore store, String profile) {
    if (LINUX) {
      String bus = System.getenv("DBUS_SESSION_BUS_ADDRESS");
      boolean hasBus = bus != null && !bus.isBlank();
      if (REQUIRED) {
        assertThat(hasBus).as("CONF_KEYCHAIN_TEST=required but no D-Bus session").isTrue();
      }
      assumeTrue(
          hasBus,
          "no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset), so no Secret Service;"
              + " run under dbus-run-session with gnome-keyring unlocked, as .ci/run does");
    }
    String reason = null;
    long start = System.nanoTime();
    try {
      String existing = store.get(profile);
      assertThat(existing).as("fresh profile %s has no secret", profile).isNull();
      System.out.printf(
          "KeyringSecretStore: first get (incl. Keyring.create) took %d ms%n",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    } catch (SecretStoreException e) {
      reason = e.getMessage();
      if (REQUIRED) {
        throw e;
      }
    }
    assumeTrue(reason == null, "no OS keychain reachable: " + reason);
  }

  private static java.io.File nullDevice() throws IOException {
    return new java.io.File(LINUX ? "/dev/null" : "NUL");
  }
}
