package dev.conf.auth.session;

import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import java.util.List;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Confluence Data Center's form login: {@code POST {base}/dologin.action} with {@code os_username},
 * {@code os_password}, {@code os_cookie=true} (so a remember-me cookie comes too) and {@code
 * os_destination}. A good login answers 302 with {@code Set-Cookie: JSESSIONID=...}; a bad one
 * answers 200 with the login page and {@code X-Seraph-LoginReason: AUTHENTICATED_FAILED}.
 *
 * <p>Send the request with a client that does not follow redirects and has a {@link SiteCookieJar},
 * then pass the answer to {@link #check}. The password is only in the request body, which conf's
 * debug log never prints.
 */
public final class FormLogin {
  /** A page every user can see, so the redirect after login is cheap. */
  public static final String DEFAULT_DESTINATION = "/rest/api/user/current";

  private FormLogin() {}

  public static Request request(
      HttpUrl base, String username, String password, String destination) {
    HttpUrl url = base.newBuilder().addPathSegment("dologin.action").build();
    FormBody form =
        new FormBody.Builder()
            .add("os_username", username)
            .add("os_password", password)
            .add("os_cookie", "true")
            .add("os_destination", destination)
            .build();
    return new Request.Builder()
        .url(url)
        .header("X-Atlassian-Token", "no-check")
        .post(form)
        .build();
  }

  /**
   * Throws the one-line exit-4 error a failed login deserves; returns when the answer is a
   * successful login (a redirect on the site that set a session cookie).
   *
   * @param site the site as the user gave it ({@code --url}), for the messages
   * @param url the URL the answer came from
   * @param sessionCookies the names of the cookies the answer set (from the jar)
   */
  public static void check(
      String site, int status, Headers headers, HttpUrl url, List<String> sessionCookies) {
    SessionSignals.Verdict verdict = SessionSignals.classify(status, headers, url);
    switch (verdict.signal()) {
      case LOGIN_FAILED ->
          throw new ConfException(
              ExitCode.AUTH, site + " refused the username or password (AUTHENTICATED_FAILED)");
      case CAPTCHA, DENIED, IDENTITY_PROVIDER ->
          throw verdict.exception(site, SessionSignals.Login.SESSION, false);
      default -> {}
    }
    boolean redirect = status >= 300 && status < 400;
    boolean session =
        sessionCookies.stream()
            .anyMatch(n -> n.equalsIgnoreCase("JSESSIONID") || n.startsWith("seraph."));
    if (!redirect || !session) {
      throw new ConfException(
          ExitCode.AUTH,
          site
              + " did not log in (HTTP "
              + status
              + (session ? "" : ", no session cookie")
              + "): if it logs in through SSO, use conf auth login --type cookie");
    }
  }
}
