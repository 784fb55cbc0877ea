package dev.conf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The help cache is keyed by the build id the build writes beside the jar, like bin/conf. */
class HelpCacheTest {
  @TempDir Path dir;

  private Path jar(String id, Instant jarTime, Instant idTime) throws Exception {
    Path jar = Files.write(dir.resolve("conf.jar"), new byte[] {1, 2, 3});
    Files.setLastModifiedTime(jar, FileTime.from(jarTime));
    if (id != null) {
      Path idFile = Files.writeString(dir.resolve("conf.jar.id"), id + "\n");
      Files.setLastModifiedTime(idFile, FileTime.from(idTime));
    }
    return jar;
  }

  @Test
  void theBuildIdIsTheLineBesideTheJar() throws Exception {
    Instant t = Instant.parse("2026-12-01T10:00:00Z");
    assertThat(HelpCache.buildId(jar("1379482780-14301183", t, t)))
        .isEqualTo("1379482780-14301183");
  }

  @Test
  void noIdNoCache() throws Exception {
    Instant t = Instant.parse("2026-12-01T10:00:00Z");
    assertThat(HelpCache.buildId(jar(null, t, t))).isNull();
    assertThat(HelpCache.buildId(dir.resolve("missing.jar"))).isNull();
    assertThat(HelpCache.buildId(dir)).isNull();
  }

  @Test
  void anIdOlderThanTheJarBelongsToAnotherBuild() throws Exception {
    Instant t = Instant.parse("2026-12-01T10:00:00Z");
    assertThat(HelpCache.buildId(jar("1-3", t.plusSeconds(60), t))).isNull();
  }

  @Test
  void aDamagedIdIsNoId() throws Exception {
    Instant t = Instant.parse("2026-12-01T10:00:00Z");
    assertThat(HelpCache.buildId(jar("../../etc/passwd", t, t))).isNull();
  }

  @Test
  void testsRunFromClassesAndNeverCache() {
    assertThat(HelpCache.cacheFile(java.util.Map.of())).isNull();
  }
}
