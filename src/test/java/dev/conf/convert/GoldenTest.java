package dev.conf.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden pairs in {@code src/test/resources/convert}: {@code <case>.md} ⇄ {@code
 * <case>.storage.xhtml}. Each file is exactly what converting the other gives, so each case checks
 * both directions and that a round trip is stable.
 */
class GoldenTest {
  static Path dir() {
    try {
      return Path.of(
              Objects.requireNonNull(GoldenTest.class.getResource("/convert/headings.md")).toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(dir())) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".storage.xhtml"))
          .map(n -> n.substring(0, n.length() - ".storage.xhtml".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  static String read(String name) throws IOException {
    return Files.readString(dir().resolve(name), StandardCharsets.UTF_8);
  }

  @Test
  void everyCaseHasBothFiles() throws IOException {
    List<String> names = cases().toList();
    assertThat(names).hasSizeGreaterThanOrEqualTo(18);
    for (String name : names) {
      assertThat(dir().resolve(name + ".md")).exists();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void markdownToStorage(String name) throws IOException {
    String storage = MarkdownToStorage.convert(read(name + ".md")).storage();

    assertThat(storage).isEqualTo(read(name + ".storage.xhtml"));
    StorageXml.parse(storage);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void storageToMarkdown(String name) throws IOException {
    assertThat(StorageToMarkdown.convert(read(name + ".storage.xhtml")))
        .isEqualTo(read(name + ".md"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void markdownRoundTripIsStable(String name) throws IOException {
    String md = read(name + ".md");
    String once = StorageToMarkdown.convert(MarkdownToStorage.convert(md).storage());
    String twice = StorageToMarkdown.convert(MarkdownToStorage.convert(once).storage());

    assertThat(once).isEqualTo(md);
    assertThat(twice).isEqualTo(md);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void storageRoundTripGivesTheSameBytes(String name) throws IOException {
    String storage = read(name + ".storage.xhtml");

    assertThat(MarkdownToStorage.convert(StorageToMarkdown.convert(storage)).storage())
        .isEqualTo(storage);
  }
}
