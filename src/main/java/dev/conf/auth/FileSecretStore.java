package dev.conf.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.conf.util.AtomicMove;
import dev.conf.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;

/**
 * Secrets in a plain JSON file readable only by its owner (mode 0600). Used only when the user
 * chose it with {@code --insecure-storage}; login warns each time.
 */
public final class FileSecretStore implements SecretStore {
  private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {};

  private final Path file;

  public FileSecretStore(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  @Override
  public String get(String profile) {
    return read().get(profile);
  }

  @Override
  public void put(String profile, String secret) {
    Map<String, String> secrets = read();
    secrets.put(profile, secret);
    write(secrets);
  }

  @Override
  public boolean delete(String profile) {
    Map<String, String> secrets = read();
    if (secrets.remove(profile) == null) {
      return false;
    }
    write(secrets);
    return true;
  }

  @Override
  public String describe() {
    return "file (" + file + ")";
  }

  private Map<String, String> read() {
    if (!Files.exists(file)) {
      return new TreeMap<>();
    }
    try {
      return Json.mapper().readValue(file.toFile(), MAP);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file, e);
    }
  }

  /** Writes a 0600 temporary file and renames it into place, so no reader sees half a file. */
  private void write(Map<String, String> secrets) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.deleteIfExists(tmp);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            tmp,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(tmp);
      }
      Files.write(tmp, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(secrets));
      AtomicMove.replace(tmp, file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file, e);
    }
  }
}
