package dev.conf.config;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One saved site: everything needed to reach it except the secret, which lives in the keychain (or,
 * on request, the insecure file store) and never here.
 *
 * @param url the site URL as the user gave it (for scoped tokens: the site, not the gateway)
 * @param deployment {@code cloud} or {@code dc}
 * @param auth {@code token}, {@code pat} or {@code password}
 * @param email Cloud account email (token auth)
 * @param username Data Center username (password auth)
 * @param space default space key
 * @param cloudId set when calls go through api.atlassian.com with a scoped token
 * @param caCert an extra PEM CA bundle to trust for this site
 * @param storage where the secret is kept: {@code keychain} or {@code file}
 * @param clientId OAuth profiles: the app's client id (not a secret; its secret is in the keychain)
 * @param authUrl Atlassian's authorization server when not the public one (isolated clouds)
 * @param apiUrl Atlassian's API host and gateway when not the public one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Profile(
    String url,
    String deployment,
    String auth,
    String email,
    String username,
    String space,
    String cloudId,
    String caCert,
    String storage,
    String clientId,
    String authUrl,
    String apiUrl) {

  public Profile(
      String url,
      String deployment,
      String auth,
      String email,
      String username,
      String space,
      String cloudId,
      String caCert,
      String storage) {
    this(url, deployment, auth, email, username, space, cloudId, caCert, storage, null, null, null);
  }

  public static final String STORAGE_KEYCHAIN = "keychain";
  public static final String STORAGE_FILE = "file";

  /** The user name sent with the secret: the email for Cloud tokens, the username otherwise. */
  public String user() {
    return email != null ? email : username;
  }
}
