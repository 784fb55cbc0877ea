package dev.conf.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code bin/conf} with the built jar, installed as a user would (bin/conf, lib/conf.jar and its
 * build id): the archive it records is used, and still used after the jar is replaced by a copy
 * with the same bytes and a new modification time. Java 17 checks that time and refuses an archive
 * recorded from another file; the launcher used to keep passing the refused archive, so every later
 * run went without one (issue 16). Runs with the JVM of the build and, when the machine has one, a
 * Java 25 or newer (AOT cache instead of CDS).
 *
 * <p>Whether the archive was used is read from the JVM itself: {@code JAVA_TOOL_OPTIONS} (not a
 * launcher option, so not part of the archive's key) logs where {@code dev.conf.Main} came from.
 */
class LauncherIT {
  private static final String FROM_ARCHIVE = "dev.conf.Main source: shared objects file";

  @TempDir Path tmp;

  static Stream<Path> javaHomes() throws IOException {
    List<Path> homes = new ArrayList<>();
    homes.add(Path.of(System.getProperty("java.home")));
    Path jvms = Path.of("/usr/lib/jvm");
    if (Files.isDirectory(jvms)) {
      try (Stream<Path> all = Files.list(jvms)) {
        all.filter(h -> major(h) >= 25 && major(h) != major(homes.get(0)))
            .sorted()
            .limit(1)
            .forEach(homes::add);
      }
    }
    return homes.stream();
  }

  private static int major(Path javaHome) {
    try {
      for (String line : Files.readAllLines(javaHome.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=\"")) {
          String v = line.substring("JAVA_VERSION=\"".length());
          return Integer.parseInt(v.split("[.\"]")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not a JDK
    }
    return -1;
  }

  private record Run(int exit, String out, String err) {}

  @ParameterizedTest
  @MethodSource("javaHomes")
  void theArchiveIsUsedAndRecordedAgainWhenACopyGivesTheJarANewTime(Path javaHome)
      throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
    Path built = Path.of(System.getProperty("conf.jar", "target/conf.jar"));
    Assumptions.assumeTrue(Files.isRegularFile(built), "run after package: " + built);
    String kind = major(javaHome) >= 25 ? ".aot" : ".jsa";

    Path home = install(built);
    Path jar = home.resolve("lib/conf.jar");
    Path md = Files.writeString(tmp.resolve("t.md"), "# T\n\n*a*\n");
    Path cache = tmp.resolve("cache/conf");

    // First run: the archive is recorded (in the foreground here) and used.
    Run first = conf(home, javaHome, md);
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains("<h1>T</h1>").contains(FROM_ARCHIVE);
    List<Path> archives = archives(cache);
    assertThat(archives).hasSize(1);
    assertThat(archives.get(0).getFileName().toString())
        .contains("-" + Files.readString(built.resolveSibling("conf.jar.id")).trim() + "-")
        .endsWith(kind);
    assertThat(Files.getLastModifiedTime(archives.get(0)))
        .isEqualTo(Files.getLastModifiedTime(jar));

    // The same bytes, a new modification time: a copy, a rebuild, a reinstall.
    Path copy = tmp.resolve("copy.jar");
    Files.copy(jar, copy);
    FileTime later = FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000);
    Files.setLastModifiedTime(copy, later);
    Files.move(copy, jar, StandardCopyOption.REPLACE_EXISTING);

    Run afterCopy = conf(home, javaHome, md);
    assertThat(afterCopy.exit()).as(afterCopy.err()).isZero();
    assertThat(afterCopy.out()).contains("<h1>T</h1>").contains(FROM_ARCHIVE);
    assertThat(archives(cache)).hasSize(1);
    assertThat(Files.getLastModifiedTime(archives(cache).get(0))).isEqualTo(later);
    assertThat(stderrBesidesTheJvmNotice(afterCopy)).isEmpty();
  }

  /**
   * {@code conf --version} names the runtime and the archive every other command uses, handed over
   * by the launcher: not recorded yet before the first command (and --version records none itself),
   * the recorded file after it, the reason when there is none. It maps no archive itself.
   */
  @ParameterizedTest
  @MethodSource("javaHomes")
  void versionNamesTheRuntimeAndTheArchive(Path javaHome) throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
    Path built = Path.of(System.getProperty("conf.jar", "target/conf.jar"));
    Assumptions.assumeTrue(Files.isRegularFile(built), "run after package: " + built);
    String kind = major(javaHome) >= 25 ? "AOT cache " : "AppCDS archive ";
    Path home = install(built);
    Path cache = tmp.resolve("cache/conf");

    Run before = conf(home, javaHome, Map.of(), "--version");
    assertThat(before.exit()).as(before.err()).isZero();
    List<String> lines = versionLines(before);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("conf ");
    assertThat(lines.get(1)).startsWith("java: ").endsWith(", " + javaHome.toRealPath());
    assertThat(lines.get(2))
        .startsWith("archive: " + kind + cache)
        .endsWith("(not recorded yet: the next command records it)");
    assertThat(before.out()).doesNotContain(FROM_ARCHIVE);
    assertThat(Files.isDirectory(cache) ? archives(cache) : List.of()).isEmpty();

    Path md = Files.writeString(tmp.resolve("t.md"), "# T\n");
    assertThat(conf(home, javaHome, md).exit()).isZero();
    Path archive = archives(cache).get(0);
    Run after = conf(home, javaHome, Map.of(), "--version");
    assertThat(versionLines(after).get(2)).isEqualTo("archive: " + kind + archive);
    assertThat(after.out()).doesNotContain(FROM_ARCHIVE);

    Run off = conf(home, javaHome, Map.of("CONF_NO_CDS", "1"), "-V");
    assertThat(versionLines(off).get(2)).isEqualTo("archive: none (CONF_NO_CDS=1)");
  }

  private static List<String> versionLines(Run run) {
    return run.out().lines().filter(l -> !l.startsWith("[")).toList();
  }

  /** bin/conf, lib/conf.jar and its build id, as a user installs them. */
  private Path install(Path built) throws IOException {
    Path home = tmp.resolve("conf");
    Files.createDirectories(home.resolve("bin"));
    Files.createDirectories(home.resolve("lib"));
    Path launcher = home.resolve("bin/conf");
    Files.copy(Path.of("bin/conf"), launcher);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.copy(built, home.resolve("lib/conf.jar"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(
        built.resolveSibling("conf.jar.id"),
        home.resolve("lib/conf.jar.id"),
        StandardCopyOption.COPY_ATTRIBUTES);
    return home;
  }

  private static List<Path> archives(Path cache) throws IOException {
    try (Stream<Path> files = Files.list(cache)) {
      return files.filter(f -> f.toString().matches(".*\\.(jsa|aot)$")).toList();
    }
  }

  private static List<String> stderrBesidesTheJvmNotice(Run run) {
    return run.err()
        .lines()
        .filter(l -> !l.startsWith("Picked up JAVA_TOOL_OPTIONS"))
        .filter(l -> !l.isBlank())
        .toList();
  }

  private Run conf(Path home, Path javaHome, Path md) throws Exception {
    return conf(home, javaHome, Map.of(), "convert", md.toString());
  }

  private Run conf(Path home, Path javaHome, Map<String, String> extra, String... args)
      throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(home.resolve("bin/conf").toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    Map<String, String> env = pb.environment();
    Map<String, String> keep = new HashMap<>();
    for (String name : List.of("PATH", "LANG", "TMPDIR")) {
      if (env.containsKey(name)) {
        keep.put(name, env.get(name));
      }
    }
    env.clear();
    env.putAll(keep);
    env.put("HOME", tmp.toString());
    env.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
    env.put("CONF_CONFIG_DIR", tmp.resolve("config").toString());
    env.put("JAVA_HOME", javaHome.toString());
    env.put("CONF_CDS_FOREGROUND", "1");
    env.put("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:stdout");
    env.putAll(extra);
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    p.getOutputStream().close();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("bin/conf finished").isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
