package dev.conf.service;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One search hit, the same on both deployments. Its field names are the {@code --json} contract of
 * {@code conf search} (docs/json.md): keep them stable.
 *
 * @param type {@code page}, {@code blogpost}, {@code attachment}, {@code comment}, or for
 *     non-content hits {@code space} or {@code user}
 * @param lastModified ISO-8601 in UTC, to the second; null when the server gave none
 * @param excerpt plain text without highlight markers or HTML entities; null unless asked for
 */
@JsonPropertyOrder({
  "id",
  "type",
  "title",
  "spaceKey",
  "spaceName",
  "lastModified",
  "url",
  "excerpt"
})
public record SearchResult(
    String id,
    String type,
    String title,
    String spaceKey,
    String spaceName,
    String lastModified,
    String url,
    String excerpt) {}
