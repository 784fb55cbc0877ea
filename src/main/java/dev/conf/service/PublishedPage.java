package dev.conf.service;

import java.util.List;

/**
 * A page as {@code conf publish} sees it before deciding what to do with a file: enough to match it
 * by title, tell whether it changed since conf wrote it, and update it.
 *
 * @param parentId the parent page's id, or null at the space's top level
 * @param labels label names
 * @param record what conf recorded when it last published the page, or null when none (or not
 *     readable)
 * @param recordId the id of the content property holding the record, or null when there is none
 * @param recordVersion that property's own version number (0 when there is none)
 */
public record PublishedPage(
    String id,
    String title,
    String spaceKey,
    int version,
    String parentId,
    List<String> labels,
    PublishRecord record,
    String recordId,
    int recordVersion) {
  public PublishedPage {
    labels = labels == null ? List.of() : List.copyOf(labels);
  }
}
