package dev.conf.cli.content;

import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.service.ContentType;
import dev.conf.service.Page;
import dev.conf.service.PageUpdate;
import java.util.List;
import java.util.Objects;

/**
 * What {@code page|blog update} does to one page or blog post, decided from what the user gave and
 * what was read: the title and body it saves, the images it uploads first, and every message it
 * says. Pure: no I/O, so each rule is tested without a server; {@link UpdateContent} reads and
 * writes.
 *
 * @param id the id the user named (the page read is that one)
 * @param current the version read, which the update is based on
 * @param title the title to save: the new one, or the current
 * @param body the body to save (storage format): the new one, or the current
 * @param upload the images to upload before saving (those the page lacks or holds other bytes of)
 */
record UpdatePlan(
    ContentType type,
    String id,
    Page current,
    String title,
    String body,
    List<LocalImages.Image> upload) {
  UpdatePlan {
    upload = List.copyOf(upload);
  }

  /**
   * Checks what the user gave, before any request: something to change, a body that is not empty
   * (unless allowed: an empty pipe must not blank a page), a title that is not blank.
   *
   * @param body the new body, or null for none
   * @param title the new title, or null for none
   */
  static void checkInput(String body, String title, boolean allowEmpty) {
    if (body == null && title == null) {
      throw ConfException.usage("nothing to update: give --title, --file F or - (stdin)");
    }
    if (body != null && body.isBlank() && !allowEmpty) {
      throw ConfException.usage(
          "the new body is empty; nothing was sent (use --allow-empty to blank the page)");
    }
    if (title != null && title.isBlank()) {
      throw ConfException.usage("--title must not be empty");
    }
  }

  /** Exit 5, changing nothing, unless the version read is {@code ifVersion} (when given). */
  static void checkVersion(ContentType type, String id, Page current, Integer ifVersion) {
    if (ifVersion != null && current.version() != ifVersion) {
      throw new ConfException(
          ExitCode.CONFLICT,
          type.noun()
              + " "
              + id
              + " is at version "
              + current.version()
              + ", not "
              + ifVersion
              + " (--if-version): nothing was changed");
    }
  }

  /**
   * @param newTitle the --title, or null to keep the current
   * @param newBody the new body, or null to keep the current
   */
  static UpdatePlan of(
      ContentType type,
      String id,
      Page current,
      String newTitle,
      String newBody,
      List<LocalImages.Image> upload) {
    return new UpdatePlan(
        type,
        id,
        current,
        newTitle != null ? newTitle : current.title(),
        newBody != null ? newBody : current.body(),
        upload);
  }

  /** True when title and body are what the page has: nothing is saved. */
  boolean changesNothing() {
    return Objects.equals(title, current.title()) && same(body, current.body());
  }

  /** The update to send. */
  PageUpdate update(String message, boolean minor) {
    return new PageUpdate(current, title, body, message, minor);
  }

  /** "; uploaded 2 images", or empty when none were. */
  String uploaded() {
    return upload.isEmpty() ? "" : "; uploaded " + CreateContent.count(upload.size());
  }

  /** The notice on stderr when {@link #changesNothing}. */
  String unchangedNotice() {
    return "No changes: "
        + type.noun()
        + " '"
        + current.title()
        + "' ("
        + id
        + ") already has this title and body at version "
        + current.version()
        + (upload.isEmpty() ? "; nothing was sent." : "; not saved again" + uploaded() + ".");
  }

  /** The notice on stderr once saved. */
  String updatedNotice(Page updated) {
    return "Updated "
        + type.noun()
        + " '"
        + updated.title()
        + "' ("
        + updated.id()
        + ") to version "
        + updated.version()
        + uploaded()
        + ".";
  }

  /** The error when an image upload failed: nothing was saved. */
  String uploadFailed(PageImages.Failure failed) {
    return "uploading image "
        + failed.image().name()
        + " to "
        + type.noun()
        + " "
        + id
        + " failed: "
        + failed.cause().getMessage()
        + "; the "
        + type.noun()
        + " was not saved";
  }

  /**
   * The error when the server refused the version as stale: it changed since it was read.
   *
   * @param latest the version the server holds now, as the message says it
   */
  String conflict(String latest) {
    return type.noun()
        + " "
        + id
        + " changed on the server since it was read: this update was based on version "
        + current.version()
        + " and the server now has version "
        + latest
        + "; nothing was overwritten"
        + (upload.isEmpty()
            ? ""
            : " (its images were uploaded already: "
                + String.join(", ", upload.stream().map(LocalImages.Image::name).toList())
                + ")")
        + ". Fetch it again and re-apply your change.";
  }

  /** Equal bodies, ignoring only trailing whitespace (editors add a final newline). */
  static boolean same(String a, String b) {
    return (a == null ? "" : a.stripTrailing()).equals(b == null ? "" : b.stripTrailing());
  }
}
