package dev.conf.cli.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code DIR/.conf-export.json}: what conf wrote in an export directory, so that the next export
 * fetches only what changed and removes only files it wrote. Its shape is documented in
 * docs/json.md; {@code manifestVersion} changes if it ever changes incompatibly.
 *
 * @param site the site's URL
 * @param root the page id, or the space key, that was exported
 * @param spaceKey the space the pages are in
 * @param format {@code md} or {@code storage}
 * @param withAttachments whether attachments were downloaded (and images linked to them), by this
 *     export or by an earlier one whose files it kept
 * @param frontMatter whether the Markdown files start with {@code title} and {@code labels} front
 *     matter (null in manifests of conf versions before it: their files are written again)
 */
@JsonPropertyOrder({
  "manifestVersion",
  "site",
  "root",
  "spaceKey",
  "format",
  "withAttachments",
  "frontMatter",
  "pages"
})
@JsonInclude(JsonInclude.Include.NON_NULL)
record ExportManifest(
    int manifestVersion,
    String site,
    String root,
    String spaceKey,
    String format,
    boolean withAttachments,
    Boolean frontMatter,
    List<PageEntry> pages) {

  static final String FILE = ".conf-export.json";
  static final int VERSION = 1;

  /**
   * One page (or Cloud folder) as written.
   *
   * @param type {@code page} or {@code folder}
   * @param version the version written; null for folders
   * @param path its file (a folder's directory ends in {@code /}), relative to the export directory
   * @param links the pages its body links to, as {@code SPACEKEY:Title}: when one of them is
   *     exported to another place later, this page is written again so the link follows
   */
  @JsonPropertyOrder({"id", "type", "title", "parentId", "version", "path", "links", "attachments"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record PageEntry(
      String id,
      String type,
      String title,
      String parentId,
      Integer version,
      String path,
      List<String> links,
      List<AttachmentEntry> attachments) {}

  /** One attachment file as written. */
  @JsonPropertyOrder({"id", "name", "version", "path"})
  record AttachmentEntry(String id, String name, int version, String path) {}

  /** The manifest in {@code dir}, or null when there is none. */
  static ExportManifest read(Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      ExportManifest m = Json.mapper().readValue(file.toFile(), ExportManifest.class);
      if (m.manifestVersion() != VERSION || m.pages() == null) {
        throw new IOException("unknown manifestVersion " + m.manifestVersion());
      }
      return m;
    } catch (IOException e) {
      throw new ConfException(
          ExitCode.ERROR,
          file
              + " is not an export manifest conf can read ("
              + e.getMessage().lines().findFirst().orElse("")
              + "); delete it to export everything again");
    }
  }

  byte[] toBytes() {
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
