package dev.conf.service;

/**
 * Filters for listing spaces; null means no filter.
 *
 * @param type e.g. {@code global}, {@code personal}
 * @param status {@code current} or {@code archived}
 */
public record SpaceQuery(String type, String status) {
  public static final SpaceQuery ALL = new SpaceQuery(null, null);
}
