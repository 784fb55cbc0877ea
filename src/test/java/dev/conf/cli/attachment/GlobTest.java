package dev.conf.cli.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {
  @ParameterizedTest
  @CsvSource({
    "*.png, diagram.png, true",
    "*.png, diagram.PNG, false",
    "*.png, diagram.png.txt, false",
    "report-?.pdf, report-1.pdf, true",
    "report-?.pdf, report-10.pdf, false",
    "[ab]*, alpha, true",
    "[ab]*, gamma, false",
    "[!ab]*, gamma, true",
    "a.b, a.b, true",
    "a.b, axb, false",
    "(x)+, (x)+, true",
    "[unclosed, [unclosed, true",
  })
  void matchesWholeNamesLikeAShell(String glob, String name, boolean matches) {
    assertThat(Glob.of(glob).matches(name)).isEqualTo(matches);
  }

  @ParameterizedTest
  @CsvSource({
    "../evil.txt, .._evil.txt",
    "a/b\\c, a_b_c",
    "'..', attachment_",
    "plain.txt, plain.txt"
  })
  void savedNamesStayInTheTargetDirectory(String name, String saved) {
    assertThat(SafeDownload.safeName(name)).isEqualTo(saved);
  }
}
