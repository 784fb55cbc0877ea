package dev.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds the layering docs/architecture.md states, on the compiled classes (what the JVM links, so a
 * fully qualified name in the code counts as much as an import).
 *
 * <p>Each rule names the classes it covers by package prefix, the prefixes they must not reference,
 * and the few classes it exempts (the composition root). The class files' constant pools are read
 * by hand: every class name and every type in a descriptor or signature is a reference.
 */
class LayeringTest {

  /**
   * A rule: classes under {@code from} (but not {@code exempt}) must not reference {@code banned}.
   */
  record Rule(
      String why, String from, Set<String> exempt, List<String> banned, String exemptPackage) {
    Rule(String why, String from, Set<String> exempt, List<String> banned) {
      this(why, from, exempt, banned, null);
    }
  }

  static final List<Rule> RULES =
      List.of(
          new Rule(
              "commands never reach HTTP or a backend; CommandContext is the composition root",
              "dev/conf/cli/",
              Set.of("dev/conf/cli/CommandContext", "dev/conf/cli/ConfApp"),
              List.of("dev/conf/http/", "dev/conf/backend/", "okhttp3/")),
          new Rule(
              "the service layer is neutral: no deployment, credentials or HTTP",
              "dev/conf/service/",
              Set.of(),
              List.of(
                  "dev/conf/auth/",
                  "dev/conf/http/",
                  "dev/conf/backend/",
                  "dev/conf/cli/",
                  "dev/conf/config/",
                  "okhttp3/")),
          new Rule(
              "convert is pure: text in, text out, no I/O and no other layer",
              "dev/conf/convert/",
              Set.of(),
              List.of(
                  "dev/conf/auth/",
                  "dev/conf/http/",
                  "dev/conf/backend/",
                  "dev/conf/cli/",
                  "dev/conf/config/",
                  "dev/conf/service/",
                  "dev/conf/output/",
                  "okhttp3/",
                  "java/nio/file/",
                  "java/io/File",
                  "java/net/Socket",
                  "java/net/URL",
                  "java/net/HttpURLConnection",
                  "java/net/http/",
                  "java/lang/ProcessBuilder")),
          new Rule(
              "commands name no deployment: they ask the service's capabilities (logging in is"
                  + " about deployments)",
              "dev/conf/cli/",
              Set.of("dev/conf/cli/CommandContext"),
              List.of("dev/conf/auth/Deployment"),
              "dev/conf/cli/auth/"),
          new Rule(
              "Cloud or Data Center, and which routes, is chosen once: only Backends meets auth",
              "dev/conf/backend/",
              Set.of("dev/conf/backend/Backends"),
              List.of("dev/conf/auth/")),
          new Rule(
              "backends speak HTTP for the service; they know nothing of commands or profiles",
              "dev/conf/backend/",
              Set.of(),
              List.of("dev/conf/cli/", "dev/conf/config/")),
          new Rule(
              "the HTTP layer sits below backends and commands",
              "dev/conf/http/",
              Set.of(),
              List.of("dev/conf/cli/", "dev/conf/backend/", "dev/conf/service/")),
          new Rule(
              "credentials know nothing of commands, backends or the service",
              "dev/conf/auth/",
              Set.of(),
              List.of("dev/conf/cli/", "dev/conf/backend/", "dev/conf/service/")),
          new Rule(
              "the leaf layers (error, util, output, config) stay leaves",
              "dev/conf/(error|util|output|config)/",
              Set.of(),
              List.of(
                  "dev/conf/cli/",
                  "dev/conf/backend/",
                  "dev/conf/http/",
                  "dev/conf/service/",
                  "dev/conf/auth/")));

  @Test
  void theCompiledClassesKeepTheLayering() throws IOException {
    Map<String, Set<String>> refs = compiledReferences();
    assertThat(refs).hasSizeGreaterThan(100);
    assertThat(violations(refs)).isEmpty();
  }

  /**
   * The HTTP layer knows no Confluence operation: no content path, no body shape in its compiled
   * strings. A write whose answer was lost is only marked ({@code http/WriteOutcomeUnknown}); the
   * backend that sent it settles it ({@code backend/v1/V1WriteOutcome}, {@code
   * backend/v2/V2WriteOutcome}).
   */
  @Test
  void httpKnowsNoConfluenceContentPaths() throws IOException {
    List<String> words =
        List.of(
            "rest/api/content", "api/v2/pages", "api/v2/blogposts", "body.storage", "body-format");
    List<String> found = new ArrayList<>();
    Path http = classesDir().resolve("dev/conf/http");
    try (Stream<Path> files = Files.walk(http)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        // Class-file string constants are (modified) UTF-8, so an ASCII word is found as is.
        String bytes =
            new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String w : words) {
          if (bytes.contains(w)) {
            found.add(http.relativize(f) + ": " + w);
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }

  /**
   * The command nouns ({@code cli/page}, {@code cli/label}, ...) never refer to one another, and
   * {@code cli/content}, the kit they share, refers to none of them; only the root package (the
   * command tree) sees every noun.
   */
  @Test
  void commandNounsReferToNoOtherNounAndTheKitToNone() throws IOException {
    assertThat(nounViolations(compiledReferences())).isEmpty();
  }

  @Test
  void theNounCheckFlagsANounUsingAnother() {
    Map<String, Set<String>> refs = new TreeMap<>();
    refs.put("dev/conf/cli/page/PageLabels", Set.of("dev/conf/cli/label/LabelAddCommand"));
    refs.put("dev/conf/cli/content/PageResolver", Set.of("dev/conf/cli/page/PageCommand"));
    refs.put("dev/conf/cli/label/LabelAddCommand", Set.of("dev/conf/cli/content/LabelNames"));
    refs.put("dev/conf/cli/Commands", Set.of("dev/conf/cli/page/PageCommand"));
    assertThat(nounViolations(refs))
        .containsExactlyInAnyOrder(
            "dev/conf/cli/page/PageLabels -> dev/conf/cli/label/LabelAddCommand",
            "dev/conf/cli/content/PageResolver -> dev/conf/cli/page/PageCommand");
  }

  @Test
  void theCheckFlagsABannedReferenceAndHonoursTheExemptions() {
    Map<String, Set<String>> refs = new TreeMap<>();
    refs.put("dev/conf/service/ConfluenceService", Set.of("dev/conf/auth/Deployment"));
    refs.put(
        "dev/conf/cli/page/PageViewCommand", Set.of("dev/conf/http/ApiClient", "java/lang/String"));
    refs.put("dev/conf/cli/page/PageViewCommand$1", Set.of("okhttp3/HttpUrl"));
    refs.put("dev/conf/cli/CommandContext", Set.of("dev/conf/backend/Backends"));
    refs.put("dev/conf/convert/Reader", Set.of("java/nio/file/Files", "java/net/URI"));
    refs.put("dev/conf/output/Io", Set.of("dev/conf/error/ExitCode"));
    refs.put("dev/conf/cli/auth/LoginCommand", Set.of("dev/conf/auth/Deployment"));
    refs.put("dev/conf/backend/Backends$1", Set.of("dev/conf/auth/Site"));
    refs.put("dev/conf/backend/v1/V1Pages", Set.of("dev/conf/auth/Site"));

    assertThat(violations(refs))
        .containsExactlyInAnyOrder(
            "dev/conf/cli/page/PageViewCommand -> dev/conf/http/ApiClient (commands never reach"
                + " HTTP or a backend; CommandContext is the composition root)",
            "dev/conf/cli/page/PageViewCommand$1 -> okhttp3/HttpUrl (commands never reach HTTP or a"
                + " backend; CommandContext is the composition root)",
            "dev/conf/backend/v1/V1Pages -> dev/conf/auth/Site (Cloud or Data Center, and which"
                + " routes, is chosen once: only Backends meets auth)",
            "dev/conf/convert/Reader -> java/nio/file/Files (convert is pure: text in, text out, no"
                + " I/O and no other layer)",
            "dev/conf/service/ConfluenceService -> dev/conf/auth/Deployment (the service layer is"
                + " neutral: no deployment, credentials or HTTP)");
  }

  @Test
  void referencesComeFromClassNamesDescriptorsAndSignatures() throws IOException {
    try (InputStream in =
        LayeringTest.class.getResourceAsStream("/dev/conf/LayeringTest$Rule.class")) {
      assertThat(references(in)).contains("java/util/Set", "java/util/List", "java/lang/Record");
    }
  }

  private static final Pattern CLI_NOUN = Pattern.compile("^dev/conf/cli/([a-z]+)/");

  static List<String> nounViolations(Map<String, Set<String>> refs) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : refs.entrySet()) {
      Matcher own = CLI_NOUN.matcher(e.getKey());
      if (!own.find()) {
        continue;
      }
      for (String target : new TreeSet<>(e.getValue())) {
        Matcher other = CLI_NOUN.matcher(target);
        if (other.find()
            && !other.group(1).equals(own.group(1))
            && !(other.group(1).equals("content") && !own.group(1).equals("content"))) {
          out.add(e.getKey() + " -> " + target);
        }
      }
    }
    return out;
  }

  private static Map<String, Set<String>> compiled;

  /** Each compiled class of conf's main code, with the classes it references. */
  static synchronized Map<String, Set<String>> compiledReferences() throws IOException {
    if (compiled != null) {
      return compiled;
    }
    Map<String, Set<String>> refs = new TreeMap<>();
    Path classes = classesDir();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        try (InputStream in = Files.newInputStream(f)) {
          String name = classes.relativize(f).toString().replace('\\', '/');
          refs.put(name.substring(0, name.length() - ".class".length()), references(in));
        }
      }
    }
    compiled = refs;
    return refs;
  }

  static List<String> violations(Map<String, Set<String>> refs) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : refs.entrySet()) {
      String cls = e.getKey();
      String outer = cls.contains("$") ? cls.substring(0, cls.indexOf('$')) : cls;
      for (Rule rule : RULES) {
        if (!Pattern.compile("^" + rule.from()).matcher(cls).find()
            || rule.exempt().contains(outer)
            || (rule.exemptPackage() != null && cls.startsWith(rule.exemptPackage()))) {
          continue;
        }
        for (String target : new TreeSet<>(e.getValue())) {
          if (rule.banned().stream().anyMatch(target::startsWith)) {
            out.add(cls + " -> " + target + " (" + rule.why() + ")");
          }
        }
      }
    }
    return out;
  }

  private static final Pattern DESCRIPTOR_TYPE = Pattern.compile("L([\\w/$]+)[;<]");

  /** Every class a class file names: its constant pool's classes and the types in descriptors. */
  static Set<String> references(InputStream classFile) throws IOException {
    DataInputStream in = new DataInputStream(classFile);
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    List<Integer> classNames = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7 -> classNames.add(in.readUnsignedShort());
        case 8, 16, 19, 20 -> in.readUnsignedShort();
        case 15 -> {
          in.readUnsignedByte();
          in.readUnsignedShort();
        }
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++;
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    Set<String> out = new TreeSet<>();
    for (int idx : classNames) {
      String n = utf8[idx];
      if (n.startsWith("[")) {
        addDescriptorTypes(n, out);
      } else {
        out.add(n);
      }
    }
    for (String s : utf8) {
      if (s != null && s.indexOf(';') > 0) {
        addDescriptorTypes(s, out);
      }
    }
    return out;
  }

  private static void addDescriptorTypes(String descriptor, Set<String> out) {
    Matcher m = DESCRIPTOR_TYPE.matcher(descriptor);
    while (m.find()) {
      out.add(m.group(1));
    }
  }

  private static Path classesDir() {
    try {
      return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
