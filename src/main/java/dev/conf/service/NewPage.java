package dev.conf.service;

/**
 * A page or blog post to create.
 *
 * @param spaceKey the space it goes into
 * @param parentId the parent page's id, or null for the space's top level (pages only)
 * @param storageBody the body in storage format; may be empty
 */
public record NewPage(String spaceKey, String title, String parentId, String storageBody) {}
