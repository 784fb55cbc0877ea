package dev.conf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape of {@code dev.conf.cli}, read from the compiled classes (so a fully qualified name in
 * code counts as much as an import): the nouns ({@code cli/page}, {@code cli/label}, ...) never
 * refer to one another, and {@code cli/content}, the kit they share, refers to none of them. Only
 * the root package ({@code Commands}, {@code OpenCommand}) sees every noun.
 */
class CliPackagesTest {
  private static final Pattern CLI_PACKAGE = Pattern.compile("dev/conf/cli/([a-z]+)/");

  @Test
  void nounsReferToNoOtherNounAndTheKitToNone() throws Exception {
    Path root =
        Path.of(CommandContext.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve("dev/conf/cli");
    List<String> wrong = new ArrayList<>();
    try (Stream<Path> classes = Files.walk(root)) {
      for (Path c : classes.filter(p -> p.toString().endsWith(".class")).toList()) {
        Path rel = root.relativize(c);
        if (rel.getNameCount() < 2) {
          continue; // the root package: the command tree, which names every noun
        }
        String own = rel.getName(0).toString();
        for (String other : referencedCliPackages(c)) {
          boolean allowed = other.equals(own) || (other.equals("content") && !own.equals(other));
          if (!allowed) {
            wrong.add("cli/" + rel + " refers to cli/" + other);
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void theReaderSeesAReference() throws Exception {
    Path page =
        Path.of(
            dev.conf.cli.page.PageCommand.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    Path update = page.resolve("dev/conf/cli/page/PageUpdateCommand.class");
    assertThat(referencedCliPackages(update)).contains("content");
  }

  /** The {@code dev.conf.cli.X} packages the class file names anywhere in its constant pool. */
  static Set<String> referencedCliPackages(Path classFile) throws IOException {
    Set<String> out = new TreeSet<>();
    for (String s : utf8Constants(classFile)) {
      Matcher m = CLI_PACKAGE.matcher(s);
      while (m.find()) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  /** Every UTF-8 constant of a class file (class names, descriptors, signatures, strings). */
  static List<String> utf8Constants(Path classFile) throws IOException {
    List<String> out = new ArrayList<>();
    try (InputStream in = Files.newInputStream(classFile);
        DataInputStream data = new DataInputStream(in)) {
      if (data.readInt() != 0xCAFEBABE) {
        throw new IOException(classFile + " is not a class file");
      }
      data.readUnsignedShort(); // minor
      data.readUnsignedShort(); // major
      int count = data.readUnsignedShort();
      for (int i = 1; i < count; i++) {
        int tag = data.readUnsignedByte();
        switch (tag) {
          case 1 -> out.add(data.readUTF());
          case 7, 8, 16, 19, 20 -> data.skipNBytes(2);
          case 15 -> data.skipNBytes(3);
          case 3, 4, 9, 10, 11, 12, 17, 18 -> data.skipNBytes(4);
          case 5, 6 -> {
            data.skipNBytes(8);
            i++; // takes two entries
          }
          default -> throw new IOException(classFile + ": unknown constant tag " + tag);
        }
      }
    }
    return out;
  }
}
