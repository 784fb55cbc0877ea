package dev.conf.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conf.auth.session.SessionSignals.Login;
import dev.conf.auth.session.SessionSignals.Signal;
import dev.conf.auth.session.SessionSignals.Verdict;
import dev.conf.error.ExitCode;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class SessionSignalsTest {
  static final HttpUrl URL = HttpUrl.get("https://wiki.example.com/rest/api/space?limit=25");
  static final String SITE = "https://wiki.example.com";

  static Verdict classify(int status, String... headers) {
    return SessionSignals.classify(status, Headers.of(headers), URL);
  }

  @Test
  void aPlainAuthenticatedAnswerSaysNothing() {
    Verdict v = classify(200, "X-AUSERNAME", "alice", "X-Seraph-LoginReason", "OK");
    assertThat(v.signal()).isEqualTo(Signal.NONE);
    assertThat(v.ended()).isFalse();
    assertThat(classify(404).ended()).isFalse();
    assertThat(classify(302, "Location", "/display/DOC/Home").ended()).isFalse();
  }

  @Test
  void anAnonymousAnswerIsAnEndedSessionEvenOnA200() {
    Verdict v = classify(200, "X-AUSERNAME", "anonymous");
    assertThat(v.signal()).isEqualTo(Signal.ANONYMOUS);
    assertThat(v.message(SITE, Login.SESSION, false))
        .isEqualTo(
            "the session with https://wiki.example.com has ended (it answered as the anonymous"
                + " user): run conf auth login --type session --url https://wiki.example.com (conf"
                + " logs in again by itself only when the password is stored)");
    assertThat(v.mayLogInAgain(Login.SESSION, true)).isTrue();
    assertThat(v.mayLogInAgain(Login.SESSION, false)).isFalse();
    assertThat(v.mayLogInAgain(Login.COOKIE, true)).isFalse();
  }

  @Test
  void authenticatedFailedIsARefusedSession() {
    Verdict v = classify(401, "X-Seraph-LoginReason", "AUTHENTICATED_FAILED");
    assertThat(v.signal()).isEqualTo(Signal.LOGIN_FAILED);
    assertThat(v.message(SITE, Login.SESSION, true))
        .isEqualTo(
            "https://wiki.example.com refused the session or the password (AUTHENTICATED_FAILED):"
                + " logging in again with the stored password did not help; run conf auth login"
                + " --type session --url https://wiki.example.com");
  }

  @Test
  void authenticationDeniedIsALockOutEvenOnA200AndIsNeverRetried() {
    Verdict v = classify(200, "X-Seraph-LoginReason", "AUTHENTICATION_DENIED");
    assertThat(v.signal()).isEqualTo(Signal.DENIED);
    assertThat(v.mayLogInAgain(Login.SESSION, true)).isFalse();
    assertThat(v.message(SITE, Login.SESSION, true))
        .isEqualTo(
            "https://wiki.example.com denied the login (AUTHENTICATION_DENIED, usually a CAPTCHA"
                + " lock-out after failed logins): log in to https://wiki.example.com in a browser"
                + " once (solving the CAPTCHA), then run conf auth login --type session --url"
                + " https://wiki.example.com; conf does not retry a stored password while the"
                + " lock-out lasts");
  }

  @Test
  void aCaptchaChallengeNamesTheLoginUrl() {
    Verdict v =
        classify(
            403,
            "X-Seraph-LoginReason",
            "AUTHENTICATION_DENIED",
            "X-Authentication-Denied-Reason",
            "CAPTCHA_CHALLENGE; login-url=https://wiki.example.com/login.action");
    assertThat(v.signal()).isEqualTo(Signal.CAPTCHA);
    assertThat(v.detail()).isEqualTo("https://wiki.example.com/login.action");
    assertThat(v.mayLogInAgain(Login.SESSION, true)).isFalse();
    assertThat(v.message(SITE, Login.SESSION, false))
        .startsWith(
            "https://wiki.example.com asks for a CAPTCHA after failed logins"
                + " (https://wiki.example.com/login.action): log in to https://wiki.example.com in a"
                + " browser once (solving the CAPTCHA)");
    // the reason header alone, on a 200, is enough
    assertThat(
            classify(200, "X-Authentication-Denied-Reason", "CAPTCHA_CHALLENGE; login-url=")
                .detail())
        .isNull();
  }

  @Test
  void aRedirectToAnotherHostIsTheIdentityProvider() {
    Verdict v = classify(302, "Location", "https://sso.example.com/saml?RelayState=x");
    assertThat(v.signal()).isEqualTo(Signal.IDENTITY_PROVIDER);
    assertThat(v.detail()).isEqualTo("sso.example.com");
    assertThat(v.mayLogInAgain(Login.SESSION, true)).isFalse();
    assertThat(v.message(SITE, Login.SESSION, true))
        .isEqualTo(
            "https://wiki.example.com sent the request to its identity provider sso.example.com"
                + " (SSO): log in to https://wiki.example.com in a browser, copy the cookies"
                + " (JSESSIONID=...; ...) and run conf auth login --type cookie --url"
                + " https://wiki.example.com with them on stdin");
  }

  @Test
  void aRedirectToTheSitesLoginPageIsAnEndedSession() {
    Verdict v = classify(302, "Location", "/login.action?os_destination=%2Frest%2Fapi%2Fspace");
    assertThat(v.signal()).isEqualTo(Signal.LOGIN_PAGE);
    assertThat(v.message(SITE, Login.COOKIE, false))
        .isEqualTo(
            "the session with https://wiki.example.com has ended (it redirects to its login"
                + " page): log in to https://wiki.example.com in a browser, copy the cookies"
                + " (JSESSIONID=...; ...) and run conf auth login --type cookie --url"
                + " https://wiki.example.com with them on stdin");
  }

  @Test
  void aBare401IsAnEndedSessionAndEveryVerdictIsExitFour() {
    Verdict v = classify(401);
    assertThat(v.signal()).isEqualTo(Signal.UNAUTHORIZED);
    assertThat(v.exception(SITE, Login.SESSION, false).exitCode()).isEqualTo(ExitCode.AUTH);
    assertThat(v.exception(SITE, Login.SESSION, false).getMessage())
        .startsWith("the session with https://wiki.example.com has ended (HTTP 401): run conf");
  }

  @Test
  void theCaptchaOutranksTheOtherSignals() {
    Verdict v =
        classify(
            401,
            "X-AUSERNAME",
            "anonymous",
            "X-Seraph-LoginReason",
            "AUTHENTICATED_FAILED",
            "X-Authentication-Denied-Reason",
            "captcha_challenge");
    assertThat(v.signal()).isEqualTo(Signal.CAPTCHA);
  }
}
