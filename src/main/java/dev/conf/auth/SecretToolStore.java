package dev.conf.auth;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Linux Secret Service through libsecret's {@code secret-tool}, used instead of java-keyring
 * when that program is installed. Measured here: a lookup through {@code secret-tool} costs about
 * 50 ms, while java-keyring's D-Bus client needs 0.6–0.9 s to connect in a fresh JVM — most of a
 * command's run time.
 *
 * <p>Items are stored exactly as java-keyring stores them (attributes {@code service} and {@code
 * account}, label {@code service|account}), so either store reads what the other wrote. The secret
 * travels over stdin and stdout, never in argv. Every call has a deadline, like the keychain store.
 */
public final class SecretToolStore implements SecretStore {
  private final Path executable;
  private final Duration timeout;

  public SecretToolStore(Path executable, Duration timeout) {
    this.executable = executable;
    this.timeout = timeout;
  }

  /** {@code secret-tool} on the PATH, on Linux; empty elsewhere. */
  public static Optional<Path> find(Map<String, String> env) {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
      return Optional.empty();
    }
    String path = env.get("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, "secret-tool");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  @Override
  public String get(String profile) {
    Result r =
        run(
            "read the secret from",
            null,
            "lookup",
            "service",
            service(),
            "account",
            account(profile));
    if (r.exit == 0) {
      String secret = r.out;
      return secret.endsWith("\n") ? secret.substring(0, secret.length() - 1) : secret;
    }
    if (r.exit == 1 && r.err.isBlank()) {
      return null; // no such item
    }
    throw failure("read the secret from", r);
  }

  @Override
  public void put(String profile, String secret) {
    Result r =
        run(
            "store the secret in",
            secret,
            "store",
            "--label=" + service() + "|" + account(profile),
            "service",
            service(),
            "account",
            account(profile));
    if (r.exit != 0) {
      throw failure("store the secret in", r);
    }
  }

  @Override
  public boolean delete(String profile) {
    if (get(profile) == null) {
      return false;
    }
    Result r =
        run(
            "delete the secret from",
            null,
            "clear",
            "service",
            service(),
            "account",
            account(profile));
    if (r.exit != 0) {
      throw failure("delete the secret from", r);
    }
    return true;
  }

  @Override
  public String describe() {
    return "keychain";
  }

  private static String service() {
    return KeyringSecretStore.SERVICE;
  }

  private static String account(String profile) {
    return KeyringSecretStore.account(profile);
  }

  private record Result(int exit, String out, String err) {}

  private Result run(String what, String stdin, String... args) {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw SecretStoreException.failed(what, e.getMessage(), e);
    }
    try {
      try (OutputStream in = process.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw SecretStoreException.timedOut(what, timeout, null);
      }
      return new Result(
          process.exitValue(), read(process.getInputStream()), read(process.getErrorStream()));
    } catch (IOException e) {
      process.destroyForcibly();
      throw SecretStoreException.failed(what, e.getMessage(), e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new SecretStoreException("interrupted while using the OS keychain", e);
    }
  }

  private static String read(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  private static SecretStoreException failure(String what, Result r) {
    String detail = r.err.strip().replace('\n', ' ');
    return SecretStoreException.failed(
        what, detail.isEmpty() ? "secret-tool exited with " + r.exit : detail, null);
  }
}
