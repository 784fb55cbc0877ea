package dev.conf.cli;

import dev.conf.config.ConfigPaths;
import dev.conf.util.AtomicMove;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code conf --help} printed from a file rendered once per jar. Rendering needs picocli's model of
 * the root command and every noun, about two thirds of that command's run time, and the text only
 * changes with the jar; like the launcher's class-data archive, the cache is keyed by the jar's
 * build id ({@code conf.jar.id} beside it). Running from a classes directory (tests, IDEs), or from
 * a jar without a current build id, never caches.
 */
public final class HelpCache {
  private HelpCache() {}

  /**
   * The root help when this jar has rendered it before, else null: {@code Main} prints it before
   * loading anything else, as {@code --version}.
   */
  public static String cachedRootHelp(Map<String, String> env) {
    Path file = cacheFile(env);
    if (file == null) {
      return null;
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  /** The root help: from the cache when it is there, else rendered and (best effort) cached. */
  static String rootHelp(Map<String, String> env, Supplier<String> render) {
    Path file = cacheFile(env);
    if (file != null) {
      try {
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        // not cached yet (or unreadable): render below
      }
    }
    String text = render.get();
    if (file != null) {
      write(file, text);
    }
    return text;
  }

  /** Where this jar's help lives, or null when conf does not run from a jar with a build id. */
  static Path cacheFile(Map<String, String> env) {
    try {
      Path jar =
          Path.of(HelpCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      String id = buildId(jar);
      if (id == null) {
        return null;
      }
      return ConfigPaths.cacheDir(env).resolve("help-" + Version.get() + "-" + id + ".txt");
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      return null;
    }
  }

  /**
   * The jar's build id: the line the build wrote beside it ({@code conf.jar.id}, see {@code
   * dev.conf.build.BuildId}), the key {@code bin/conf} names its archive by too. Null when there is
   * none, or when the jar is newer than it (replaced by another build without its id): computing
   * the id would mean reading the whole jar, more than rendering the help costs.
   */
  static String buildId(Path jar) {
    try {
      if (!Files.isRegularFile(jar)) {
        return null;
      }
      Path idFile = jar.resolveSibling(jar.getFileName() + ".id");
      if (Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(idFile)) > 0) {
        return null;
      }
      String id = Files.readString(idFile, StandardCharsets.US_ASCII).trim();
      return id.matches("[0-9]+-[0-9]+") ? id : null;
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      // Help of earlier builds is dead weight now.
      try (var old = Files.newDirectoryStream(file.getParent(), "help-*.txt")) {
        for (Path p : old) {
          Files.deleteIfExists(p);
        }
      }
      Path tmp = Files.createTempFile(file.getParent(), "help", ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      AtomicMove.replace(tmp, file);
    } catch (IOException e) {
      // A cache that cannot be written only means rendering next time too.
    }
  }
}
