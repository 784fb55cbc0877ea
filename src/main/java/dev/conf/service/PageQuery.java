package dev.conf.service;

/**
 * What {@code conf page list} filters on.
 *
 * @param spaceKey the space (required)
 * @param title an exact title, or null
 * @param status current, draft, archived or trashed; null for the server's default (current)
 */
public record PageQuery(String spaceKey, String title, String status) {}
