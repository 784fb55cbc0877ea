package dev.conf.service;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code conf publish} wrote to a page, kept on the page as the content property {@link #KEY}
 * so that the next run can tell an unchanged file from a changed one, and a page edited in
 * Confluence from one only conf wrote.
 *
 * @param hash {@code sha256:<hex>} of everything conf published from the file (title, parent title,
 *     storage body, sorted labels, image hashes)
 * @param version the page version conf's write produced
 * @param path the source file, relative to the published folder, {@code /}-separated
 * @param attachments attachment name to {@code sha256:<hex>} of the image file uploaded as it
 * @param labels the labels conf set from the file's front matter: the ones it may remove when the
 *     file no longer lists them (labels added in Confluence are never conf's to remove)
 */
@JsonPropertyOrder({"hash", "version", "path", "attachments", "labels"})
public record PublishRecord(
    String hash, int version, String path, Map<String, String> attachments, List<String> labels) {
  /**
   * The content property key. Not {@code conf.publish}: a dot would split the key in the {@code
   * expand=metadata.properties.<key>} path that reads it back with the page.
   */
  public static final String KEY = "conf-publish";

  /**
   * The hash of a record written right after a create, before the page's images and labels: no file
   * hashes to it, so the next run updates the page and finishes what was interrupted.
   */
  public static final String PENDING = "pending";

  public PublishRecord {
    attachments = attachments == null ? Map.of() : new TreeMap<>(attachments);
    labels = labels == null ? List.of() : labels.stream().sorted().toList();
  }

  /** A record without labels (as records written before conf kept them read back). */
  public PublishRecord(String hash, int version, String path, Map<String, String> attachments) {
    this(hash, version, path, attachments, List.of());
  }
}
