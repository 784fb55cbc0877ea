package dev.conf.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conf.backend.Backends;
import dev.conf.cli.CommandContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering the routing by API version relies on, read from the compiled classes (a class's
 * constant pool names every class it uses as {@code dev/conf/auth/Site}): the service stands on
 * neither auth nor HTTP, the backends meet auth only where {@link Backends} chooses, and commands
 * name no deployment.
 */
class ServiceImportsTest {
  private static Path classes() {
    try {
      return Path.of(
          ConfluenceService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Each class file under {@code pkg} (a path such as dev/conf/service) that names {@code used}.
   */
  private static Map<String, List<String>> using(String pkg, List<String> used) {
    Map<String, List<String>> found = new TreeMap<>();
    try (Stream<Path> files = Files.walk(classes().resolve(pkg))) {
      files
          .filter(f -> f.toString().endsWith(".class"))
          .forEach(
              f -> {
                String text = read(f);
                List<String> hits = used.stream().filter(text::contains).toList();
                if (!hits.isEmpty()) {
                  found.put(classes().relativize(f).toString(), hits);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  private static String read(Path f) {
    try {
      return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theServiceImportsNeitherAuthNorHttpNorABackend() {
    assertThat(
            using(
                "dev/conf/service",
                List.of("dev/conf/auth/", "dev/conf/http/", "dev/conf/backend/", "okhttp3/")))
        .isEmpty();
  }

  @Test
  void onlyBackendsMeetsAuthAmongTheBackends() {
    // Backends and its nested classes (the compiler's switch tables are Backends$1).
    assertThat(using("dev/conf/backend", List.of("dev/conf/auth/")).keySet())
        .contains("dev/conf/backend/Backends.class")
        .allMatch(
            c ->
                c.equals("dev/conf/backend/Backends.class")
                    || c.startsWith("dev/conf/backend/Backends$"));
  }

  @Test
  void commandsNameNoDeploymentAndNoBackend() {
    Map<String, List<String>> found =
        using("dev/conf/cli", List.of("dev/conf/auth/Deployment", "dev/conf/backend/"));
    // Logging in is about deployments; the composition root builds the backend.
    found.keySet().removeIf(c -> c.startsWith("dev/conf/cli/auth/"));
    found.remove(CommandContext.class.getName().replace('.', '/') + ".class");
    assertThat(found).isEmpty();
  }
}
