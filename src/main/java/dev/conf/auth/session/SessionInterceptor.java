package dev.conf.auth.session;

import dev.conf.error.ConfException;
import java.io.IOException;
import java.util.Locale;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Watches every answer the site gives a request made with a session, 200s and redirects included,
 * for the {@link SessionSignals} that it has ended. A redirect is judged before it is followed (a
 * network interceptor marks it and keeps it from being followed), so neither the identity
 * provider's page nor the login page is mistaken for the answer.
 *
 * <p>On an ended session: when {@link SessionSignals.Verdict#mayLogInAgain} allows (a {@code --type
 * session} profile whose password is stored), log in once more and send the request again;
 * otherwise, or when that does not help, the one-line exit-4 error saying what to do.
 */
public final class SessionInterceptor implements Interceptor {
  private static final String MARK = "X-Conf-Session-Signal";

  /** Logs in again; returns false when it could not. */
  public interface Relogin {
    boolean logIn() throws IOException;
  }

  private final String site;
  private final String host;
  private final SessionSignals.Login login;
  private final Relogin relogin;

  /**
   * @param site the site as the user knows it, for messages
   * @param relogin null when no password is stored
   */
  public SessionInterceptor(
      String site, okhttp3.HttpUrl siteUrl, SessionSignals.Login login, Relogin relogin) {
    this.site = site;
    this.host = siteUrl.host().toLowerCase(Locale.ROOT);
    this.login = login;
    this.relogin = relogin;
  }

  /** Adds the jar, the XSRF header, this interceptor and its network half to {@code base}. */
  public static OkHttpClient.Builder install(
      OkHttpClient base, okhttp3.HttpUrl siteUrl, SiteCookieJar jar, SessionInterceptor session) {
    return base.newBuilder()
        .cookieJar(jar)
        .addInterceptor(new XsrfHeaderInterceptor(siteUrl))
        .addInterceptor(session)
        .addNetworkInterceptor(session.new Marker());
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!request.url().host().equalsIgnoreCase(host)) {
      return chain.proceed(request);
    }
    Response response = chain.proceed(request);
    SessionSignals.Verdict verdict = verdictOf(response);
    if (verdict == null) {
      return response;
    }
    boolean stored = relogin != null;
    if (verdict.mayLogInAgain(login, stored)) {
      response.close();
      if (relogin.logIn()) {
        Response again = chain.proceed(request);
        SessionSignals.Verdict second = verdictOf(again);
        if (second == null) {
          return again;
        }
        again.close();
        throw second.exception(site, login, true);
      }
      throw verdict.exception(site, login, true);
    }
    response.close();
    throw verdict.exception(site, login, stored);
  }

  private static SessionSignals.Verdict verdictOf(Response response) {
    String mark = response.header(MARK);
    if (mark == null) {
      return null;
    }
    int semi = mark.indexOf(';');
    SessionSignals.Signal signal =
        SessionSignals.Signal.valueOf(semi < 0 ? mark : mark.substring(0, semi));
    return new SessionSignals.Verdict(signal, semi < 0 ? null : mark.substring(semi + 1));
  }

  /** The network half: reads each hop's answer from the site and marks an ended session. */
  final class Marker implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
      Request request = chain.request();
      Response response = chain.proceed(request);
      if (!request.url().host().equalsIgnoreCase(host)) {
        return response;
      }
      SessionSignals.Verdict v =
          SessionSignals.classify(response.code(), response.headers(), request.url());
      if (!v.ended()) {
        return response;
      }
      // No Location: the marked redirect is not followed, to the identity provider least of all.
      return response
          .newBuilder()
          .removeHeader("Location")
          .header(MARK, v.signal().name() + (v.detail() == null ? "" : ";" + v.detail()))
          .build();
    }
  }

  /** A form login with {@code client} (the jar, no redirects followed); exit 4 when it fails. */
  public static void formLogin(
      OkHttpClient client,
      okhttp3.HttpUrl base,
      String site,
      String username,
      String password,
      SiteCookieJar jar) {
    Request request = FormLogin.request(base, username, password, FormLogin.DEFAULT_DESTINATION);
    try (Response r = client.newCall(request).execute()) {
      FormLogin.check(
          site,
          r.code(),
          r.headers(),
          r.request().url(),
          jar.cookies().stream().map(okhttp3.Cookie::name).toList());
    } catch (IOException e) {
      throw new ConfException(
          dev.conf.error.ExitCode.ERROR,
          "could not reach " + site + " to log in: " + e.getMessage(),
          e);
    }
  }
}
