package dev.conf.auth;

import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises token refreshes of one profile across every conf process on the machine: an OS file
 * lock on {@code <config dir>/<profile>.oauth.lock}, beside the config file. A refresh token
 * rotates on use and replaying a spent one revokes the whole login, so of forty CI steps that find
 * the access token expired, one refreshes and the others, once they get the lock, read the tokens
 * it stored. Threads of one process are serialised first by an in-process lock, as the OS lock is
 * held per process.
 */
public final class TokenLock {
  private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final Path file;

  public TokenLock(Path file) {
    this.file = file.toAbsolutePath().normalize();
  }

  /** The lock file for a profile's tokens in a config directory. */
  public static TokenLock forProfile(Path configDir, String profile) {
    return new TokenLock(
        configDir.resolve(profile.replaceAll("[^A-Za-z0-9._-]", "_") + ".oauth.lock"));
  }

  public Path file() {
    return file;
  }

  /** Runs {@code action} holding the lock, waiting as long as another holder needs. */
  public <T> T with(Supplier<T> action) {
    ReentrantLock local = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
    local.lock();
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        FileLock held = channel.lock();
        try {
          return action.get();
        } finally {
          held.release();
        }
      }
    } catch (IOException e) {
      throw new ConfException(
          ExitCode.ERROR, "could not lock " + file + " to refresh the login: " + e.getMessage(), e);
    } finally {
      local.unlock();
    }
  }
}
