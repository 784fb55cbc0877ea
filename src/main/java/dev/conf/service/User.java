package dev.conf.service;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The authenticated user.
 *
 * @param id Cloud account id, or Data Center user key
 * @param username the Data Center username; the email on Cloud where the site shows it
 */
@JsonPropertyOrder({"id", "username", "displayName", "email"})
public record User(String id, String username, String displayName, String email) {

  /** "Display Name (login)" for messages. */
  public String describe() {
    String login = email != null && !email.isBlank() ? email : username;
    if (displayName == null || displayName.isBlank()) {
      return login == null ? "(unknown user)" : login;
    }
    return login == null || login.isBlank() || login.equals(displayName)
        ? displayName
        : displayName + " (" + login + ")";
  }
}
