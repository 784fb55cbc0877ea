package dev.conf.service;

import java.util.List;

/**
 * A page as {@code conf publish} sees it before deciding what to do with a file: enough to match it
 * by title, tell whether it changed since conf wrote it, and update it.
 *
 * @param versionMessage the message of the current version, or null; conf's updates say {@link
 *     #CONF_MESSAGE}, which tells a version conf wrote from one edited in Confluence when the
 *     record could not be written after it (an interrupted run)
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
    String versionMessage,
    String parentId,
    List<String> labels,
    PublishRecord record,
    String recordId,
    int recordVersion) {
  /** How the version message of every update {@code conf publish} makes begins. */
  public static final String CONF_MESSAGE = "conf publish ";

  public PublishedPage {
    labels = labels == null ? List.of() : List.copyOf(labels);
  }

  /** Whether conf wrote the current version, as its version message says. */
  public boolean currentVersionByConf() {
    return versionMessage != null && versionMessage.startsWith(CONF_MESSAGE);
  }

  /** This page after a record write: the record and the property's id and version it now has. */
  public PublishedPage withRecord(PublishRecord newRecord, String newRecordId, int newVersion) {
    return new PublishedPage(
        id,
        title,
        spaceKey,
        version,
        versionMessage,
        parentId,
        labels,
        newRecord,
        newRecordId,
        newVersion);
  }
}
