package dev.conf.service;

/**
 * A copy of a page under a new parent.
 *
 * @param title the copy's title (single copy); null to keep the server's or conf's default
 * @param recursive with every descendant
 */
public record CopyRequest(
    String sourceId,
    String parentId,
    String title,
    boolean recursive,
    boolean withAttachments,
    boolean withLabels) {}
