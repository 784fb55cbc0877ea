package dev.conf.service;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * One version of a page ({@code conf page history}).
 *
 * @param author who wrote it: the display name where the deployment gives one or a lookup found it,
 *     else the id
 * @param date when it was written (ISO-8601)
 * @param authorId the writer's Cloud account id or Data Center user key; null where unknown
 */
@JsonPropertyOrder({"number", "author", "authorId", "date", "message", "minorEdit"})
public record PageVersion(
    int number, String author, String date, String message, boolean minorEdit, String authorId) {

  /** A version whose writer is known only as shown. */
  public PageVersion(int number, String author, String date, String message, boolean minorEdit) {
    this(number, author, date, message, minorEdit, null);
  }

  /** A version as a backend maps it. */
  public static PageVersion of(
      int number, Person author, String date, String message, boolean minorEdit) {
    return new PageVersion(
        number,
        author == null ? null : author.shown(),
        date,
        message,
        minorEdit,
        author == null ? null : author.id());
  }

  /** Whether the answer carried only the writer's id (Cloud), which a lookup can name. */
  public boolean unnamed() {
    return authorId != null && authorId.equals(author);
  }

  /** This version with its writer named where {@code people} knows them. */
  public PageVersion withPeople(Map<String, Person> people) {
    Person p = authorId == null ? null : people.get(authorId);
    return p == null || !p.named()
        ? this
        : new PageVersion(number, p.displayName(), date, message, minorEdit, authorId);
  }
}
