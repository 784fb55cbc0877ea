package dev.conf.auth.session;

import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import java.util.Locale;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Reads one response to a request made with a session for the signs Confluence Data Center gives
 * when the session is not (or no longer) accepted. An ended session is not always a 401: Seraph,
 * Confluence's authentication layer, says so in headers, sometimes on a 200.
 *
 * <ul>
 *   <li>{@code X-Seraph-LoginReason: AUTHENTICATION_DENIED} with {@code
 *       X-Authentication-Denied-Reason: CAPTCHA_CHALLENGE; login-url=...}: a CAPTCHA lock-out after
 *       failed logins;
 *   <li>{@code X-Seraph-LoginReason: AUTHENTICATION_DENIED} alone: denied (also a lock-out);
 *   <li>{@code X-Seraph-LoginReason: AUTHENTICATED_FAILED}: the credentials or session refused;
 *   <li>a redirect to another host: the site sent the request to its identity provider (SSO);
 *   <li>a redirect to the site's own {@code login.action}: the session ended;
 *   <li>{@code X-AUSERNAME: anonymous}: the request was served as the anonymous user;
 *   <li>a 401 with none of these.
 * </ul>
 *
 * Pure: status, headers and the request's URL in, a {@link Verdict} out.
 */
public final class SessionSignals {
  private SessionSignals() {}

  /** What a response says about the session. */
  public enum Signal {
    /** Nothing says the session is not accepted. */
    NONE,
    CAPTCHA,
    DENIED,
    LOGIN_FAILED,
    IDENTITY_PROVIDER,
    LOGIN_PAGE,
    ANONYMOUS,
    UNAUTHORIZED
  }

  /** How the session was made, which decides what the user does next. */
  public enum Login {
    /** conf's own form login ({@code --type session}). */
    SESSION,
    /** cookies copied from a browser ({@code --type cookie}). */
    COOKIE
  }

  /**
   * @param detail the identity provider's host for {@link Signal#IDENTITY_PROVIDER}, the login URL
   *     Confluence names for {@link Signal#CAPTCHA} (or null), else null
   */
  public record Verdict(Signal signal, String detail) {
    public boolean ended() {
      return signal != Signal.NONE;
    }

    /**
     * Whether conf may log in again by itself with a stored password: never into a CAPTCHA lock-out
     * or a denial (more attempts prolong it), never on an SSO site (the form login does not reach
     * the identity provider).
     */
    public boolean mayLogInAgain(Login login, boolean passwordStored) {
      return login == Login.SESSION
          && passwordStored
          && switch (signal) {
            case LOGIN_PAGE, ANONYMOUS, UNAUTHORIZED, LOGIN_FAILED -> true;
            default -> false;
          };
    }

    /** The one-line exit-4 message: what happened and what to do. */
    public String message(String site, Login login, boolean passwordStored) {
      String what =
          switch (signal) {
            case NONE -> "the session is accepted";
            case CAPTCHA ->
                site
                    + " asks for a CAPTCHA after failed logins"
                    + (detail == null ? "" : " (" + detail + ")");
            case DENIED ->
                site
                    + " denied the login (AUTHENTICATION_DENIED, usually a CAPTCHA lock-out after"
                    + " failed logins)";
            case LOGIN_FAILED ->
                site + " refused the session or the password (AUTHENTICATED_FAILED)";
            case IDENTITY_PROVIDER ->
                site + " sent the request to its identity provider " + detail + " (SSO)";
            case LOGIN_PAGE ->
                "the session with " + site + " has ended (it redirects to its login page)";
            case ANONYMOUS ->
                "the session with " + site + " has ended (it answered as the anonymous user)";
            case UNAUTHORIZED -> "the session with " + site + " has ended (HTTP 401)";
          };
      return what + ": " + remedy(site, login, passwordStored);
    }

    private String remedy(String site, Login login, boolean passwordStored) {
      String browser =
          "log in to "
              + site
              + " in a browser, copy the cookies (JSESSIONID=...; ...) and run conf auth login"
              + " --type cookie --url "
              + site
              + " with them on stdin";
      if (login == Login.COOKIE || signal == Signal.IDENTITY_PROVIDER) {
        return browser;
      }
      String again = "run conf auth login --type session --url " + site;
      return switch (signal) {
        case CAPTCHA, DENIED ->
            "log in to "
                + site
                + " in a browser once (solving the CAPTCHA), then "
                + again
                + "; conf does not retry a stored password while the lock-out lasts";
        default ->
            passwordStored
                ? "logging in again with the stored password did not help; " + again
                : again + " (conf logs in again by itself only when the password is stored)";
      };
    }

    public ConfException exception(String site, Login login, boolean passwordStored) {
      return new ConfException(ExitCode.AUTH, message(site, login, passwordStored));
    }
  }

  public static Verdict classify(int status, Headers headers, HttpUrl requestUrl) {
    String reason = upper(headers.get("X-Seraph-LoginReason"));
    String denied = headers.get("X-Authentication-Denied-Reason");
    if (denied != null && upper(denied).contains("CAPTCHA_CHALLENGE")) {
      return new Verdict(Signal.CAPTCHA, loginUrl(denied));
    }
    if (reason.contains("AUTHENTICATION_DENIED")) {
      return new Verdict(Signal.DENIED, null);
    }
    if (reason.contains("AUTHENTICATED_FAILED")) {
      return new Verdict(Signal.LOGIN_FAILED, null);
    }
    if (status >= 300 && status < 400) {
      String location = headers.get("Location");
      HttpUrl target = location == null ? null : requestUrl.resolve(location);
      if (target != null && !target.host().equalsIgnoreCase(requestUrl.host())) {
        return new Verdict(Signal.IDENTITY_PROVIDER, target.host());
      }
      if (target != null && isLoginPage(target)) {
        return new Verdict(Signal.LOGIN_PAGE, null);
      }
    }
    String user = headers.get("X-AUSERNAME");
    if (user != null && user.trim().equalsIgnoreCase("anonymous")) {
      return new Verdict(Signal.ANONYMOUS, null);
    }
    if (status == 401) {
      return new Verdict(Signal.UNAUTHORIZED, null);
    }
    return new Verdict(Signal.NONE, null);
  }

  static boolean isLoginPage(HttpUrl url) {
    String path = url.encodedPath();
    return path.endsWith("/login.action") || path.endsWith("/login.jsp");
  }

  private static String upper(String s) {
    return s == null ? "" : s.toUpperCase(Locale.ROOT);
  }

  /** {@code CAPTCHA_CHALLENGE; login-url=https://dc.example.com/login.jsp} → the URL. */
  static String loginUrl(String deniedReason) {
    for (String part : deniedReason.split(";")) {
      String p = part.trim();
      if (p.regionMatches(true, 0, "login-url=", 0, 10)) {
        String url = p.substring(10).trim();
        return url.isEmpty() ? null : url;
      }
    }
    return null;
  }
}
