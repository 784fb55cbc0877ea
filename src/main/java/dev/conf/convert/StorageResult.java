package dev.conf.convert;

import java.util.List;

/**
 * What converting one Markdown document produced.
 *
 * @param storage the page body in storage format
 * @param meta the YAML front matter (never rendered into {@code storage})
 * @param localImages local image paths as written in the Markdown (percent-decoded, without a
 *     fragment), in document order without duplicates: the files a publisher uploads as attachments
 * @param pageLinks link targets that became links to pages (percent-decoded paths, without a
 *     fragment), in document order without duplicates
 */
public record StorageResult(
    String storage, FrontMatter meta, List<String> localImages, List<String> pageLinks) {
  public StorageResult {
    localImages = List.copyOf(localImages);
    pageLinks = List.copyOf(pageLinks);
  }
}
