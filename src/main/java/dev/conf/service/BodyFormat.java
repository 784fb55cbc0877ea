package dev.conf.service;

/** The representation of a body asked of the server. */
public enum BodyFormat {
  /** Confluence storage format (XHTML): what conf writes and diffs. */
  STORAGE,
  /** The rendered HTML the web UI shows. */
  VIEW
}
