package dev.conf.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SecretToolStore}: against the real {@code secret-tool} and Secret Service where they exist
 * (skipped with the reason elsewhere; {@code .ci/run} provides both and makes them required), and
 * against small stand-in scripts for what a real keychain cannot be made to do on demand.
 */
class SecretToolStoreTest {
  private static final boolean LINUX =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
  private static final boolean REQUIRED = "required".equals(System.getenv("CONF_KEYCHAIN_TEST"));

  @TempDir Path dir;

  private Path script(String body) throws IOException {
    Path s = dir.resolve("secret-tool");
    Files.writeString(s, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwx------"));
    return s;
  }

  private static SecretToolStore realStore() {
    assumeTrue(LINUX, "secret-tool is the Linux Secret Service client");
    Optional<Path> tool = SecretToolStore.find(System.getenv());
    String bus = System.getenv("DBUS_SESSION_BUS_ADDRESS");
    if (REQUIRED) {
      assertThat(tool)
          .as("CONF_KEYCHAIN_TEST=required but secret-tool is not installed")
          .isPresent();
    }
    assumeTrue(tool.isPresent(), "secret-tool is not installed (Debian: libsecret-tools)");
    assumeTrue(
        bus != null && !bus.isBlank(),
        "no D-Bus session bus, so no Secret Service; run under dbus-run-session as .ci/run does");
    return new SecretToolStore(tool.get(), Duration.ofSeconds(10));
  }

  @Test
  void roundTripThroughTheRealSecretService() {
    SecretToolStore store = realStore();
    String profile = "conf-test-" + UUID.randomUUID();
    try {
      assertThat(store.get(profile)).isNull();
      store.put(profile, "first-token");
      assertThat(store.get(profile)).isEqualTo("first-token");
      store.put(profile, "second token:with/odd=chars+ and spaces");
      assertThat(store.get(profile)).isEqualTo("second token:with/odd=chars+ and spaces");
      assertThat(store.delete(profile)).isTrue();
      assertThat(store.get(profile)).isNull();
      assertThat(store.delete(profile)).isFalse();
    } finally {
      store.delete(profile);
    }
  }

  @Test
  void readsWhatJavaKeyringWroteAndTheOtherWayRound() {
    SecretToolStore tool = realStore();
    KeyringSecretStore keyring = new KeyringSecretStore(Duration.ofSeconds(10));
    String a = "conf-test-" + UUID.randomUUID();
    String b = "conf-test-" + UUID.randomUUID();
    try {
      keyring.put(a, "written-by-java-keyring");
      assertThat(tool.get(a)).isEqualTo("written-by-java-keyring");
      tool.put(b, "written-by-secret-tool");
      assertThat(keyring.get(b)).isEqualTo("written-by-secret-tool");
    } finally {
      tool.delete(a);
      tool.delete(b);
    }
  }

  @Test
  void theSecretTravelsOnStdinNeverInArguments() throws Exception {
    assumeTrue(LINUX, "stand-in scripts are POSIX sh");
    Path args = dir.resolve("args");
    Path stdin = dir.resolve("stdin");
    SecretToolStore store =
        new SecretToolStore(
            script("echo \"$@\" >> " + args + "\ncat > " + stdin), Duration.ofSeconds(10));
    store.put("work", "p@ss w0rd");
    assertThat(Files.readString(stdin)).isEqualTo("p@ss w0rd");
    assertThat(Files.readString(args))
        .isEqualTo("store --label=conf|profile:work service conf account profile:work\n")
        .doesNotContain("p@ss");
  }

  @Test
  void aMissingItemIsNullAndAFailureSaysWhatToDo() throws Exception {
    assumeTrue(LINUX, "stand-in scripts are POSIX sh");
    assertThat(new SecretToolStore(script("exit 1"), Duration.ofSeconds(10)).get("x")).isNull();
    SecretToolStore broken =
        new SecretToolStore(
            script("echo 'secret-tool: Cannot autolaunch D-Bus without X11 $DISPLAY' >&2; exit 1"),
            Duration.ofSeconds(10));
    assertThatThrownBy(() -> broken.get("x"))
        .isInstanceOf(SecretStoreException.class)
        .hasMessageContaining("Cannot autolaunch D-Bus")
        .hasMessageContaining("--insecure-storage");
  }

  @Test
  void aKeychainThatDoesNotAnswerFailsAtTheDeadline() throws Exception {
    assumeTrue(LINUX, "stand-in scripts are POSIX sh");
    SecretToolStore hung = new SecretToolStore(script("exec sleep 60"), Duration.ofSeconds(1));
    long start = System.nanoTime();
    assertThatThrownBy(() -> hung.get("x"))
        .isInstanceOf(SecretStoreException.class)
        .hasMessageContaining("no answer within 1s");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
  }
}
