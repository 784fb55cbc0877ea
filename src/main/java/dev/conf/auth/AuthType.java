package dev.conf.auth;

import java.util.Locale;

/** The ways a script can authenticate to Confluence. */
public enum AuthType {
  /** Cloud: account email + API token, sent as Basic. */
  TOKEN("token", "API token"),
  /** Data Center: personal access token, sent as Bearer. */
  PAT("pat", "personal access token"),
  /** Data Center: username + password, sent as Basic. Legacy; PATs are preferred. */
  PASSWORD("password", "username and password");

  private final String id;
  private final String description;

  AuthType(String id, String description) {
    this.id = id;
    this.description = description;
  }

  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  public boolean needsUser() {
    return this != PAT;
  }

  /** The auth type a deployment uses unless told otherwise. */
  public static AuthType defaultFor(Deployment deployment) {
    return deployment == Deployment.CLOUD ? TOKEN : PAT;
  }

  public static AuthType parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    for (AuthType t : values()) {
      if (t.id.equals(value.trim().toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown auth type '" + value + "': use token, pat or password");
  }
}
