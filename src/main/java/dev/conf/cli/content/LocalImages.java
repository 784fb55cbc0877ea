package dev.conf.cli.content;

import dev.conf.error.ConfException;
import dev.conf.util.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local images a Markdown file references, found on disk and hashed: what {@code conf publish}
 * and {@code conf page|blog create|update --file F.md} upload as attachments. Reads files only, so
 * that a missing image fails before any request.
 *
 * <p>A relative path resolves against the folder of the Markdown file; one starting with {@code /}
 * against the root (the published folder; for a single file, its own folder). Each image is
 * attached under its file name (the path's last segment), so two different files with one name
 * cannot share a page.
 */
public final class LocalImages {
  private LocalImages() {}

  /**
   * One image to attach.
   *
   * @param name the attachment's file name on the page
   * @param file the file, absolute and normalized
   * @param size its size in bytes
   * @param hash {@code sha256:<hex>} of its bytes
   */
  public record Image(String name, Path file, long size, String hash) {}

  /**
   * Finds and hashes the images, one per attachment name, in the order first written.
   *
   * @param paths local image paths as the Markdown wrote them (percent-decoded, no fragment)
   * @param folder the folder relative paths resolve against
   * @param root the folder paths starting with {@code /} resolve against; files are named relative
   *     to it in messages
   * @param where what the messages name as the source ({@code guide/setup.md}), or null
   * @throws ConfException exit 2 for a missing or unreadable image, or two different files with one
   *     name
   */
  public static List<Image> find(List<String> paths, Path folder, Path root, String where) {
    Path top = root.toAbsolutePath().normalize();
    Path base = folder.toAbsolutePath().normalize();
    String prefix = where == null ? "" : where + ": ";
    Map<String, Image> byName = new LinkedHashMap<>();
    for (String written : paths) {
      Path file = resolve(base, top, written);
      if (!Files.exists(file)) {
        throw ConfException.usage(prefix + "image not found: " + written);
      }
      if (!Files.isRegularFile(file)) {
        throw ConfException.usage(prefix + "image is not a file: " + written);
      }
      if (!Files.isReadable(file)) {
        throw ConfException.usage(prefix + "cannot read image " + written + ": permission denied");
      }
      String name = fileName(written);
      Image other = byName.get(name);
      if (other != null) {
        if (!sameFile(other.file(), file)) {
          throw ConfException.usage(
              prefix
                  + "two different images would be attached as '"
                  + name
                  + "': "
                  + shown(top, other.file())
                  + " and "
                  + shown(top, file)
                  + "; rename one");
        }
        continue;
      }
      byName.put(name, new Image(name, file, size(file, written, prefix), sha256(file, prefix)));
    }
    return List.copyOf(byName.values());
  }

  /** The attachment name of an image path: its last segment. */
  public static String fileName(String path) {
    String p = path.replace('\\', '/');
    return p.substring(p.lastIndexOf('/') + 1);
  }

  private static Path resolve(Path folder, Path root, String image) {
    String p = image.replace('\\', '/');
    Path file = p.startsWith("/") ? root.resolve(p.substring(1)) : folder.resolve(p);
    return file.normalize();
  }

  private static String shown(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return a.equals(b) || Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  private static long size(Path file, String written, String prefix) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw ConfException.usage(prefix + "cannot read image " + written + ": " + e.getMessage());
    }
  }

  private static String sha256(Path file, String prefix) {
    try {
      return Sha256.of(file);
    } catch (IOException e) {
      throw ConfException.usage(prefix + "cannot read image " + file + ": " + e.getMessage());
    }
  }
}
