package dev.conf.cli.export;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What an export did: {@code conf export --json} prints it (docs/json.md).
 *
 * @param directory the export directory as given
 * @param root the page id or space key exported
 * @param pages pages (and Cloud folders) in the export now
 * @param written page files fetched and written this time
 * @param unchanged page files left as they were (same version), moved ones included
 * @param moved page files moved because the page was renamed or moved
 * @param removed pages gone from the server whose files were removed
 * @param attachments attachment files in the export now
 * @param attachmentsDownloaded attachments downloaded this time
 * @param attachmentsRemoved attachment files removed (gone from the server or their page)
 */
@JsonPropertyOrder({
  "directory",
  "root",
  "format",
  "pages",
  "written",
  "unchanged",
  "moved",
  "removed",
  "attachments",
  "attachmentsDownloaded",
  "attachmentsRemoved"
})
public record ExportSummary(
    String directory,
    String root,
    String format,
    int pages,
    int written,
    int unchanged,
    int moved,
    int removed,
    int attachments,
    int attachmentsDownloaded,
    int attachmentsRemoved) {}
