package dev.conf.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

class UpgradeClassFilesTest {
  @TempDir Path tmp;

  /** A Java 5 class with a branch, so the upgraded file needs a real stack map frame to verify. */
  private static byte[] java5Class() {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    cw.visit(
        Opcodes.V1_5,
        Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER,
        "old/Sign",
        null,
        "java/lang/Object",
        null);
    MethodVisitor m =
        cw.visitMethod(
            Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "sign", "(I)Ljava/lang/String;", null, null);
    m.visitCode();
    Label negative = new Label();
    m.visitVarInsn(Opcodes.ILOAD, 0);
    m.visitJumpInsn(Opcodes.IFLT, negative);
    m.visitLdcInsn("non-negative");
    m.visitInsn(Opcodes.ARETURN);
    m.visitLabel(negative);
    m.visitLdcInsn("negative");
    m.visitInsn(Opcodes.ARETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }

  @Test
  void upgradesOldClassesToVerifiableJava8AndLeavesTheRestAlone() throws Exception {
    Path jar = tmp.resolve("app.jar");
    try (OutputStream raw = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(raw)) {
      zip.putNextEntry(new ZipEntry("old/Sign.class"));
      zip.write(java5Class());
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("notes.txt"));
      zip.write("keep me".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      zip.closeEntry();
    }

    assertThat(UpgradeClassFiles.upgrade(jar)).isEqualTo(1);

    try (JarFile j = new JarFile(jar.toFile())) {
      byte[] upgraded = j.getInputStream(j.getEntry("old/Sign.class")).readAllBytes();
      assertThat(UpgradeClassFiles.majorVersion(upgraded)).isEqualTo(52);
      assertThat(new String(j.getInputStream(j.getEntry("notes.txt")).readAllBytes(), "UTF-8"))
          .isEqualTo("keep me");
    }
    // Loaded by a fresh loader, the class goes through the type-checking verifier and runs.
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      Method sign = loader.loadClass("old.Sign").getMethod("sign", int.class);
      assertThat(sign.invoke(null, -3)).isEqualTo("negative");
      assertThat(sign.invoke(null, 4)).isEqualTo("non-negative");
    }
    // A second run finds nothing left to do.
    assertThat(UpgradeClassFiles.upgrade(jar)).isZero();
  }

  @Test
  void theRewrittenJarKeepsItsFileModeSoOtherUsersCanRunIt() throws Exception {
    Path jar = tmp.resolve("app.jar");
    try (OutputStream raw = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(raw)) {
      zip.putNextEntry(new ZipEntry("old/Sign.class"));
      zip.write(java5Class());
      zip.closeEntry();
    }
    Assumptions.assumeTrue(
        Files.getFileStore(jar).supportsFileAttributeView(PosixFileAttributeView.class),
        "no POSIX file modes on this file system");
    Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));

    assertThat(UpgradeClassFiles.upgrade(jar)).isEqualTo(1);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(jar)))
        .isEqualTo("rw-r--r--");
  }
}
