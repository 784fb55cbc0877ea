package dev.conf.cli.content;

import dev.conf.cli.CommandContext;
import dev.conf.error.ConfException;
import dev.conf.output.Progress;
import dev.conf.service.Attachment;
import dev.conf.service.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Uploads a Markdown body's local images as attachments of the page it goes to, one per file name,
 * with a progress bar and a line each on a terminal (nothing in a pipe).
 *
 * <p>Each upload's version comment carries the file's hash ({@code sha256:<hex> (uploaded by
 * conf)}). That is how an update knows, from one listing of the page's attachments, that an image
 * is already there byte for byte: an attachment of that name whose current version has the same
 * size and carries the same hash is not uploaded again. Anything else (a new name, another size, a
 * version uploaded by hand or by another tool, whose bytes conf cannot know without downloading
 * them) is uploaded, as a new version of the attachment: at worst one upload too many, never a
 * stale image.
 */
final class PageImages {
  private PageImages() {}

  /** The version comment of an upload: the hash a later update compares. */
  static String comment(LocalImages.Image image) {
    return image.hash() + " (uploaded by conf)";
  }

  /** Whether the page's attachment of that name already holds exactly these bytes. */
  static boolean unchanged(LocalImages.Image image, Attachment existing) {
    return existing != null
        && existing.size() == image.size()
        && existing.comment() != null
        && existing.comment().contains(image.hash());
  }

  /** The images the page lacks, or holds other bytes of (see the class comment). */
  static List<LocalImages.Image> changed(
      List<LocalImages.Image> images, List<Attachment> attachments) {
    Map<String, Attachment> byName = new HashMap<>();
    for (Attachment a : attachments) {
      byName.putIfAbsent(a.name(), a);
    }
    List<LocalImages.Image> out = new ArrayList<>();
    for (LocalImages.Image image : images) {
      if (!unchanged(image, byName.get(image.name()))) {
        out.add(image);
      }
    }
    return out;
  }

  /**
   * Uploads the images to page (or blog post) {@code pageId}, in order, stopping at the first
   * failure.
   *
   * @return the failure, naming the image, or null when all were uploaded
   */
  static Failure upload(
      CommandContext ctx, ContentType type, String pageId, List<LocalImages.Image> images) {
    boolean tty = ctx.io().isStderrTty();
    for (int i = 0; i < images.size(); i++) {
      LocalImages.Image image = images.get(i);
      Progress progress = Progress.of(ctx.io(), ctx.clock(), image.name(), image.size());
      Attachment a;
      try {
        a =
            ctx.service()
                .items()
                .uploadAttachment(
                    type,
                    pageId,
                    image.file(),
                    image.name(),
                    comment(image),
                    true,
                    progress::update);
      } catch (ConfException e) {
        progress.abandon();
        return new Failure(image, e);
      }
      progress.finish();
      if (tty) {
        ctx.io()
            .err()
            .println(
                "Uploaded image "
                    + image.name()
                    + (a.version() > 1 ? " as version " + a.version() : "")
                    + " ("
                    + (i + 1)
                    + " of "
                    + images.size()
                    + ").");
      }
    }
    return null;
  }

  /** An upload that failed: which image, and why. */
  record Failure(LocalImages.Image image, ConfException cause) {}
}
