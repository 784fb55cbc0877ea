package dev.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code conf convert} in the packaged jar: the shaded commonmark and jsoup work, and commands that
 * do not convert never load them (start-up time is a project target).
 */
class ConvertJarIT {
  @TempDir Path tmp;

  private String run(List<String> jvmArgs, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmArgs);
    cmd.add("-jar");
    cmd.add(System.getProperty("conf.jar", "target/conf.jar"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("CONF_CONFIG_DIR", tmp.resolve("config").toString());
    Path out = tmp.resolve("out.txt");
    Process p =
        pb.redirectOutput(out.toFile()).redirectError(tmp.resolve("err.txt").toFile()).start();
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("conf finished").isTrue();
    assertThat(p.exitValue()).as(Files.readString(tmp.resolve("err.txt"))).isZero();
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  @Test
  void convertsBothWaysFromTheJar() throws Exception {
    Path md = Files.writeString(tmp.resolve("a.md"), "# T\n\n> [!TIP]\n> `x`\n");
    String storage = run(List.of(), "convert", md.toString());
    assertThat(storage)
        .isEqualTo(
            "<h1>T</h1>\n<ac:structured-macro ac:name=\"tip\"><ac:rich-text-body><p><code>x</code>"
                + "</p></ac:rich-text-body></ac:structured-macro>\n");

    Path xhtml = Files.writeString(tmp.resolve("a.xhtml"), storage);
    assertThat(run(List.of(), "convert", xhtml.toString())).isEqualTo("# T\n\n> [!TIP]\n> `x`\n");
  }

  @Test
  void helpAndVersionLoadNoConverter() throws Exception {
    for (String arg : List.of("--help", "--version")) {
      String classes = run(List.of("-Xshare:off", "-verbose:class"), arg);
      // The class log works (--version answers before any command class is loaded).
      assertThat(classes).contains("dev.conf.Main");
      assertThat(classes)
          .as(arg)
          .doesNotContain("dev.conf.convert.")
          .doesNotContain("org.commonmark.")
          .doesNotContain("org.jsoup.");
    }
  }
}
