package dev.conf.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * A build step, run by Maven after the fat jar is shaded: rewrites class files older than Java 6
 * (picocli ships Java 5 bytecode) as Java 8 class files with freshly computed stack map frames.
 *
 * <p>Why: Java 17's class-data sharing refuses pre-Java-6 classes ("Pre JDK 6 class not supported
 * by CDS"), and with them every class that implements or extends one, so none of conf's command
 * classes could be archived either. Only the class-file version and the frames change; the code is
 * the same.
 *
 * <p>Usage: {@code UpgradeClassFiles JAR} (rewritten in place, atomically, keeping the jar's file
 * mode: the temporary file would otherwise make it 0600, so another user could not run an installed
 * conf).
 *
 * <p>This file is a build-time source set ({@code src/build/java}), not part of conf: Maven runs it
 * with the JDK's single-file source launcher ({@code java -cp asm.jar UpgradeClassFiles.java JAR},
 * see the pom), so it needs neither the test classes nor a module of its own, and {@code
 * -Dmaven.test.skip=true} builds the same jar. The unit test compiles it as a test source.
 */
public final class UpgradeClassFiles {
  private UpgradeClassFiles() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: UpgradeClassFiles JAR");
    }
    Path jar = Path.of(args[0]);
    int upgraded = upgrade(jar);
    System.out.println(
        "[conf] upgraded " + upgraded + " pre-Java-6 class files in " + jar.getFileName());
  }

  /** Rewrites the jar in place; returns how many class files were upgraded. */
  public static int upgrade(Path jar) throws IOException {
    Path tmp =
        Files.createTempFile(
            jar.toAbsolutePath().getParent(), jar.getFileName().toString(), ".tmp");
    int upgraded = 0;
    try (URLClassLoader types =
            new URLClassLoader(
                new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        InputStream raw = Files.newInputStream(jar);
        ZipInputStream in = new ZipInputStream(raw);
        OutputStream rawOut = Files.newOutputStream(tmp);
        ZipOutputStream out = new ZipOutputStream(rawOut)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        byte[] bytes = in.readAllBytes();
        if (entry.getName().endsWith(".class")
            && majorVersion(bytes) > 0
            && majorVersion(bytes) < 50) {
          bytes = toJava8(bytes, types);
          upgraded++;
        }
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTime(entry.getTime());
        out.putNextEntry(copy);
        out.write(bytes);
        out.closeEntry();
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    keepMode(jar, tmp);
    Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return upgraded;
  }

  /** Gives the rewritten file the original's permissions (where the file system has them). */
  private static void keepMode(Path original, Path rewritten) throws IOException {
    if (Files.getFileStore(original).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(original);
      Files.setPosixFilePermissions(rewritten, mode);
    }
  }

  static int majorVersion(byte[] classFile) {
    if (classFile.length < 8
        || (classFile[0] & 0xff) != 0xCA
        || (classFile[1] & 0xff) != 0xFE
        || (classFile[2] & 0xff) != 0xBA
        || (classFile[3] & 0xff) != 0xBE) {
      return -1;
    }
    return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
  }

  static byte[] toJava8(byte[] classFile, ClassLoader types) {
    ClassWriter writer =
        new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
          @Override
          protected ClassLoader getClassLoader() {
            // Frames need the common super class of two types: look them up in the jar itself.
            return types;
          }
        };
    ClassVisitor version =
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public void visit(
              int v,
              int access,
              String name,
              String signature,
              String superName,
              String[] interfaces) {
            super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
          }
        };
    new ClassReader(classFile).accept(version, ClassReader.SKIP_FRAMES);
    return writer.toByteArray();
  }
}
