package dev.conf.cli.export;

import dev.conf.cli.export.ExportLayout.Place;
import dev.conf.cli.export.ExportManifest.AttachmentEntry;
import dev.conf.cli.export.ExportManifest.PageEntry;
import dev.conf.service.Attachment;
import dev.conf.service.Page;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one export will do, decided before anything on disk changes: the tree as the server has it
 * now, what the previous export (its manifest) already wrote, and from the two the files to fetch,
 * move, download and remove. {@link ExportPlanner} builds it; {@link ExportExecutor} carries it out
 * and fills in {@link #done} and {@link #attachmentsDone} as files land.
 */
final class ExportPlan {
  /** A moved file: parked under a temporary name first, so moves never overwrite each other. */
  record Move(Path from, Path parked, Path to) {}

  /** An attachment to download into a page's attachments folder. */
  record Download(Place page, Attachment attachment, String path) {}

  String site;
  String root;
  String spaceKey;

  /** The top page when a page (not a space) was exported: its body is already here. */
  Page top;

  ExportManifest old;
  final Map<String, PageEntry> oldById = new HashMap<>();
  boolean sameShape;

  /** Every page and folder in the export, in tree order. */
  Map<String, Place> places = new HashMap<>();

  /** Bodies asked for while the listing went on, by page id. */
  final Map<String, CompletableFuture<Page>> prefetched = new ConcurrentHashMap<>();

  final Map<String, List<Attachment>> attachmentsOf = new HashMap<>();
  final Map<String, String> newPathOfLink = new HashMap<>();

  /**
   * Without --with-attachments: by page id, the names of the attachment files an earlier export
   * wrote, which stay (and stay in the manifest) rather than being taken for stale.
   */
  final Map<String, java.util.Set<String>> keptAttachmentNames = new HashMap<>();

  /** Some attachment files of an earlier export were kept ({@link #keptAttachmentNames}). */
  boolean keepsAttachments;

  final List<Place> toFetch = new ArrayList<>();
  final List<Move> moves = new ArrayList<>();
  final List<Path> toDelete = new ArrayList<>();
  final List<Download> toDownload = new ArrayList<>();

  /** Entries for what is (or will be, once moved) on disk, filled in as files land. */
  final Map<String, PageEntry> done = new ConcurrentHashMap<>();

  final Map<String, List<AttachmentEntry>> attachmentsDone = new ConcurrentHashMap<>();

  int unchanged;
  int moved;
  int removed;
  int attachmentsRemoved;
}
