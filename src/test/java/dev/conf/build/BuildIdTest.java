package dev.conf.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildIdTest {
  @TempDir Path tmp;

  @Test
  void knownValuesOfPosixCksum() throws Exception {
    // Values printed by GNU coreutils' cksum (POSIX algorithm), pinned so the test needs no cksum.
    Path empty = Files.write(tmp.resolve("empty"), new byte[0]);
    Path abc = Files.writeString(tmp.resolve("abc"), "abc", StandardCharsets.US_ASCII);
    assertThat(BuildId.of(empty)).isEqualTo("4294967295-0");
    assertThat(BuildId.of(abc)).isEqualTo("1219131554-3");
  }

  @Test
  void theIdIsWhatCksumPrintsSoTheLauncherCanComputeItToo() throws Exception {
    byte[] bytes = new byte[300_000];
    new Random(7).nextBytes(bytes);
    Path jar = Files.write(tmp.resolve("conf.jar"), bytes);
    Path file = BuildId.write(jar);
    assertThat(file).isEqualTo(tmp.resolve("conf.jar.id"));
    assertThat(Files.readString(file)).isEqualTo(BuildId.of(jar) + "\n");

    Process cksum;
    try {
      cksum = new ProcessBuilder("cksum", jar.toString()).redirectErrorStream(true).start();
    } catch (java.io.IOException e) {
      Assumptions.abort("no cksum here: " + e.getMessage());
      return;
    }
    assertThat(cksum.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String[] words =
        new String(cksum.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split(" ");
    assertThat(BuildId.of(jar)).isEqualTo(words[0] + "-" + words[1]);
  }
}
