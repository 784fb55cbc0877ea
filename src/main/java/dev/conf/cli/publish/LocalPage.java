package dev.conf.cli.publish;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One page a publish makes from the folder: a Markdown file, or a sub-folder.
 *
 * @param path the source, relative to the folder and {@code /}-separated: {@code guide/setup.md};
 *     for a sub-folder its index file ({@code guide/index.md}) or, without one, {@code guide/}
 * @param parentPath the {@link #path} of the parent page, or null for the top (under the root)
 * @param storage the body in storage format
 * @param labels normalized label names from the front matter
 * @param images attachment name to the image file it is uploaded from
 * @param imageHashes attachment name to {@code sha256:<hex>} of that file
 * @param hash {@code sha256:<hex>} of the title, parent title, labels, image hashes and body: what
 *     the publish record compares
 */
public record LocalPage(
    String path,
    String title,
    String parentPath,
    String storage,
    List<String> labels,
    Map<String, Path> images,
    Map<String, String> imageHashes,
    String hash) {
  public LocalPage {
    labels = List.copyOf(labels);
    images = Map.copyOf(images);
    imageHashes = Map.copyOf(imageHashes);
  }
}
