package dev.conf.service;

/** Where {@code conf page move} puts a page relative to a target page. */
public enum MovePosition {
  /** As the target's last child. */
  APPEND,
  /** Under the target's parent, just before it. */
  BEFORE,
  /** Under the target's parent, just after it. */
  AFTER
}
