package dev.conf.service;

/**
 * A new version of a page or blog post, based on the version that was read.
 *
 * @param current the page as it was read, with its storage body: the base of this update
 * @param title the new title (the current one when unchanged)
 * @param storageBody the new body in storage format (the current one when unchanged)
 * @param message the version message, or null
 * @param minor a minor edit (Data Center: no notifications); ignored where unsupported
 * @param parentId a new parent page to move the page under in the same save, or null to leave it
 *     where it is (pages only)
 */
public record PageUpdate(
    Page current,
    String title,
    String storageBody,
    String message,
    boolean minor,
    String parentId) {

  /** An update that leaves the page under its parent. */
  public PageUpdate(Page current, String title, String storageBody, String message, boolean minor) {
    this(current, title, storageBody, message, minor, null);
  }

  /** The version number this update sends: the one it read, plus one. */
  public int nextVersion() {
    return current.version() + 1;
  }

  /** Whether this update moves the page to another parent. */
  public boolean moves() {
    return parentId != null && !parentId.equals(current.parentId());
  }
}
