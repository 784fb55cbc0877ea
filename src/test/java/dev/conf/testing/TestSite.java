package dev.conf.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * A Confluence site as a user points conf at it: the site URL, the credentials that go into the
 * environment, the header they turn into on the wire and the OpenAPI contract the deployment's
 * requests must follow.
 *
 * @param deployment Cloud or Data Center
 * @param url the site URL a user would give conf
 * @param env the environment variables that select the site and carry its credentials
 * @param secret the secret in those credentials, which must never be printed
 * @param authorization the Authorization header conf must send with them
 * @param contract the official document(s) every request to the site is checked against
 */
public record TestSite(
    TestSite.Deployment deployment,
    String url,
    Map<String, String> env,
    String secret,
    String authorization,
    SpecContract contract) {

  /** The two kinds of Confluence conf talks to. */
  public enum Deployment {
    CLOUD,
    DATA_CENTER
  }

  public static final String CLOUD_EMAIL = "jane@acme.com";
  public static final String CLOUD_TOKEN = "ATATT-cloud-token";
  public static final String DC_PAT = "dc-pat-secret";

  /** Confluence Cloud at {@code url}, API token {@link #CLOUD_TOKEN} of {@link #CLOUD_EMAIL}. */
  public static TestSite cloud(String url) {
    return cloud(url, CLOUD_EMAIL, CLOUD_TOKEN);
  }

  /** Confluence Cloud at {@code url}, with the API token {@code token} of {@code email}. */
  public static TestSite cloud(String url, String email, String token) {
    String basic =
        Base64.getEncoder().encodeToString((email + ":" + token).getBytes(StandardCharsets.UTF_8));
    return new TestSite(
        Deployment.CLOUD,
        url,
        Map.of(
            "CONFLUENCE_URL", url,
            "CONFLUENCE_DEPLOYMENT", "cloud",
            "CONFLUENCE_EMAIL", email,
            "CONFLUENCE_API_TOKEN", token),
        token,
        "Basic " + basic,
        SpecContract.cloud());
  }

  /**
   * Confluence Data Center served under {@code contextPath} of {@code serverUrl}, personal access
   * token {@link #DC_PAT}.
   */
  public static TestSite dataCenter(String serverUrl, String contextPath) {
    return dataCenter(serverUrl, contextPath, DC_PAT);
  }

  /** Confluence Data Center under {@code contextPath} of {@code serverUrl}, with {@code pat}. */
  public static TestSite dataCenter(String serverUrl, String contextPath, String pat) {
    String url = serverUrl + contextPath;
    return new TestSite(
        Deployment.DATA_CENTER,
        url,
        Map.of("CONFLUENCE_URL", url, "CONFLUENCE_PAT", pat),
        pat,
        "Bearer " + pat,
        // auth status asks the PAT list for the token's expiry: long-standing, but in no document.
        SpecContract.dataCenter(contextPath).exempt("/rest/pat/latest/tokens$"));
  }

  /** Puts this site's URL and credentials into the runner's environment. */
  public ConfRunner credentialsInEnv(ConfRunner conf) {
    env.forEach(conf::env);
    return conf;
  }

  /** The query parameter that tells result pages apart: Cloud's cursor, Data Center's start. */
  public String pageParam() {
    return deployment == Deployment.CLOUD ? "cursor" : "start";
  }

  /**
   * That parameter's value for page {@code page} (1, 2, ...) of pages of {@code size}: on Cloud an
   * opaque cursor, which the tests write "c" + page; on Data Center the offset of the page's first
   * item.
   */
  public String pageToken(int page, int size) {
    return deployment == Deployment.CLOUD ? "c" + page : String.valueOf((page - 1) * size);
  }
}
