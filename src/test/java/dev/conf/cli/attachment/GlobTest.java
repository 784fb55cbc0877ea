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
    "[a-c]?, b1, true",
    "[a-c]?, d1, false",
    "*.png, a/b.png, true",
    "a/*, a/b, true",
    "*, 'a\\b', true",
    "'a\\*', 'a\\b', true",
    "'a\\*', ab, false",
    "{a;b}.txt, {a;b}.txt, true",
    "{a;b}.txt, a.txt, false",
    "*:*, 12:30 notes.txt, true",
    "'<*>', '<x>', true",
    "'*\"*', 'say \"hi\"', true",
    "*, .hidden, true",
    "'', '', true",
    "'', x, false",
  })
  void matchesWholeNamesLikeAShell(String glob, String name, boolean matches) {
    assertThat(Glob.of(glob).matches(name)).isEqualTo(matches);
  }

  @org.junit.jupiter.api.Test
  void noPatternMatchesEveryName() {
    assertThat(Glob.of(null).matches("anything/at all")).isTrue();
    assertThat(Glob.of(null).matches(null)).isFalse();
    assertThat(Glob.of("*").matches(null)).isFalse();
  }

  @org.junit.jupiter.api.Test
  void aBadSetIsAUsageErrorNamingThePattern() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Glob.of("[z-a]*"))
        .isInstanceOf(dev.conf.error.ConfException.class)
        .hasMessageStartingWith("--pattern [z-a]*: ")
        .extracting(e -> ((dev.conf.error.ConfException) e).exitCode())
        .isEqualTo(dev.conf.error.ExitCode.USAGE);
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
