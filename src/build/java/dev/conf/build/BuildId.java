package dev.conf.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A build step, run by Maven as the last one on the jar: writes the jar's <em>build id</em> beside
 * it, to {@code conf.jar.id}. Every per-jar cache key starts from this one id: the launchers' class
 * data archive or AOT cache ({@code bin/conf}, {@code bin/conf.cmd}) and the rendered help ({@code
 * cli/HelpCache}).
 *
 * <p>The id is {@code CRC-SIZE}, the two numbers POSIX {@code cksum} prints for the jar, so {@code
 * bin/conf} can compute the very same id itself ({@code cksum}) when the file is missing or older
 * than the jar; HelpCache, which cannot afford to read the jar's bytes, then simply does not cache.
 * The file only saves the launcher reading the 10 MB jar on every run.
 *
 * <p>Usage: {@code BuildId JAR}. Like {@link UpgradeClassFiles}, a build-time source run with the
 * JDK's single-file source launcher.
 */
public final class BuildId {
  private BuildId() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: BuildId JAR");
    }
    Path jar = Path.of(args[0]);
    Path file = write(jar);
    System.out.println("[conf] build id " + Files.readString(file).trim() + " in " + file);
  }

  /** Writes {@code JAR.id} (one line) and returns its path. */
  public static Path write(Path jar) throws IOException {
    Path file = jar.resolveSibling(jar.getFileName() + ".id");
    Files.writeString(file, of(jar) + "\n", StandardCharsets.US_ASCII);
    return file;
  }

  /** {@code CRC-SIZE} as POSIX {@code cksum} computes them. */
  public static String of(Path jar) throws IOException {
    int crc = 0;
    long size = 0;
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(jar)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        for (int i = 0; i < n; i++) {
          crc = step(crc, buf[i]);
        }
        size += n;
      }
    }
    // cksum then feeds the length, least significant octet first, as few octets as it needs.
    for (long len = size; len != 0; len >>>= 8) {
      crc = step(crc, (byte) len);
    }
    return Integer.toUnsignedString(~crc) + "-" + size;
  }

  /** One octet of the CRC-32 of POSIX cksum: polynomial 0x04C11DB7, most significant bit first. */
  private static int step(int crc, byte b) {
    crc ^= (b & 0xff) << 24;
    for (int bit = 0; bit < 8; bit++) {
      crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
    }
    return crc;
  }
}
