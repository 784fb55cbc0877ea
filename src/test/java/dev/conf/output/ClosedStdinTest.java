package dev.conf.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What descriptor 0 points at, judged: closed, taken by the JVM's own files, or real input. */
class ClosedStdinTest {
  private static final String HOME = System.getProperty("java.home");

  @Test
  void aDescriptorThatIsNotOpenIsClosed() {
    assertThat(ClosedStdin.closed(Optional.empty(), HOME, "")).isTrue();
  }

  @Test
  void theRuntimeImageOrAJarOnTheClassPathIsNotInput() throws Exception {
    String modules = Path.of(HOME).toRealPath().resolve("lib").resolve("modules").toString();
    assertThat(ClosedStdin.closed(Optional.of(modules), HOME, "")).isTrue();
    File jar = File.createTempFile("conf", ".jar");
    jar.deleteOnExit();
    String real = jar.toPath().toRealPath().toString();
    assertThat(ClosedStdin.closed(Optional.of(real), HOME, "x.jar" + File.pathSeparator + jar))
        .isTrue();
  }

  @Test
  void pipesTerminalsAndFilesAreInput() {
    assertThat(ClosedStdin.closed(Optional.of("pipe:[12345]"), HOME, "conf.jar")).isFalse();
    assertThat(ClosedStdin.closed(Optional.of("/dev/pts/3"), HOME, "conf.jar")).isFalse();
    assertThat(ClosedStdin.closed(Optional.of("/home/me/page.md"), HOME, "conf.jar")).isFalse();
  }
}
