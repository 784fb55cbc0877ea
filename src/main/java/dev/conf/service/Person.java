package dev.conf.service;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Someone a page, version, comment or mention names, the same on both deployments: Cloud content
 * answers carry only the account id (the name comes from {@link ConfluenceService#people}); Data
 * Center's carry the user key, username and display name.
 *
 * @param id the Cloud account id, or the Data Center user key
 * @param username the Data Center username; null on Cloud
 * @param displayName the name people see; null when the site did not say
 */
@JsonPropertyOrder({"id", "username", "displayName"})
public record Person(String id, String username, String displayName) {

  /** Someone known only by id, until a lookup names them. */
  public static Person ofId(String id) {
    return new Person(id, null, null);
  }

  /** The names of those in {@code people} whom the site named, by id. */
  public static java.util.Map<String, String> names(java.util.Map<String, Person> people) {
    java.util.Map<String, String> names = new java.util.HashMap<>();
    people.forEach(
        (id, p) -> {
          if (id != null && p != null && p.named()) {
            names.put(id, p.displayName());
          }
        });
    return names;
  }

  /** Whether the site said what to call them. */
  public boolean named() {
    return displayName != null && !displayName.isBlank();
  }

  /** What to show: the display name, else the username, else the id; null when all are null. */
  public String shown() {
    if (named()) {
      return displayName;
    }
    if (username != null && !username.isBlank()) {
      return username;
    }
    return id;
  }
}
