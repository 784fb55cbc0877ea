package dev.conf.service;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Who may view or edit a page, one user or group per restriction. A page with no restriction for an
 * operation lets everyone who can see the space do it. Field names are the {@code --json} contract
 * of {@code conf page restrictions}.
 *
 * @param operation {@code view} or {@code edit}
 * @param type {@code user} or {@code group}
 * @param name the display name (a user) or the group's name
 * @param id Cloud: the account id or the group id; Data Center: the username, or the group's name
 */
@JsonPropertyOrder({"operation", "type", "name", "id"})
public record Restriction(String operation, String type, String name, String id) {
  /** The same user or group and operation, whatever the names say. */
  public boolean sameAs(Restriction other) {
    return operation.equals(other.operation)
        && type.equals(other.type)
        && (matches(id, other.id) || matches(name, other.name));
  }

  private static boolean matches(String a, String b) {
    return a != null && a.equals(b);
  }
}
