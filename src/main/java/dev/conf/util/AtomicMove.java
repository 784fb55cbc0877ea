package dev.conf.util;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Puts a finished temporary file in place of another, atomically where the file system can. */
public final class AtomicMove {
  private AtomicMove() {}

  /**
   * Moves {@code from} over {@code to}: an atomic rename on the same file system, so a reader sees
   * the old file or the new one, never half of one; a plain replacing move where the file system
   * has no atomic rename.
   */
  public static void replace(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
