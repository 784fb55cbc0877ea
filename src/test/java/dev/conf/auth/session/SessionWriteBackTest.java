package dev.conf.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conf.auth.TokenLock;
import dev.conf.testing.MemorySecretStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import okhttp3.Cookie;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two runs of one session profile, each with its own jar, sharing one keychain and one lock. */
class SessionWriteBackTest {
  private static final HttpUrl SITE = HttpUrl.get("https://wiki.example.com/confluence/");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
  private static final String START = "JSESSIONID=A; seraph.confluence=R1";

  @TempDir Path dir;
  private final MemorySecretStore keychain = new MemorySecretStore();

  private SessionWriteBack run(SiteCookieJar jar) {
    return new SessionWriteBack(
        keychain,
        "corp",
        TokenLock.forProfile(dir, "corp"),
        jar,
        SessionSecret.parse(stored()).cookies());
  }

  private String stored() {
    return keychain.get("corp");
  }

  private static SiteCookieJar jar() {
    SiteCookieJar jar = new SiteCookieJar(SITE, CLOCK);
    jar.addFromHeader(START);
    return jar;
  }

  private static void answer(SiteCookieJar jar, HttpUrl url, String setCookie) {
    jar.saveFromResponse(url, List.of(Cookie.parse(url, setCookie)));
  }

  private void logIn() {
    keychain.put("corp", new SessionSecret(START, "pw", null).toJson());
  }

  @Test
  void aRotatedSessionCookieIsSavedOnceWithThePasswordKept() {
    logIn();
    SiteCookieJar jar = jar();
    SessionWriteBack back = run(jar);
    assertThat(back.changed()).isFalse();
    answer(jar, SITE, "JSESSIONID=B; Path=/confluence; HttpOnly");
    assertThat(back.changed()).isTrue();
    assertThat(back.save()).isTrue();
    SessionSecret now = SessionSecret.parse(stored());
    assertThat(now.cookies()).isEqualTo("JSESSIONID=B; seraph.confluence=R1");
    assertThat(now.password()).isEqualTo("pw");
    assertThat(back.changed()).isFalse();
    assertThat(back.save()).isFalse();
  }

  @Test
  void aCookieOfAnotherHostIsNeverStored() {
    logIn();
    SiteCookieJar jar = jar();
    SessionWriteBack back = run(jar);
    answer(jar, HttpUrl.get("https://idp.example.com/login"), "IDP=evil; Path=/");
    answer(jar, SITE, "JSESSIONID=B; Path=/confluence");
    back.saveIfChanged();
    assertThat(stored()).contains("JSESSIONID=B").doesNotContain("IDP");
  }

  @Test
  void twoRunsNeverClobberEachOtherWithStaleCookies() {
    logIn();
    SiteCookieJar first = jar();
    SiteCookieJar second = jar();
    SessionWriteBack one = run(first);
    SessionWriteBack two = run(second);
    // Both start from A/R1. The first run's session is rotated to B and saved.
    answer(first, SITE, "JSESSIONID=B; Path=/confluence");
    assertThat(one.save()).isTrue();
    // The second, still running, was handed C and a renewed remember-me cookie R2.
    answer(second, SITE, "JSESSIONID=C; Path=/confluence");
    answer(second, SITE, "seraph.confluence=R2; Path=/confluence");
    two.saveIfChanged();
    // B was saved after the second run began: it stays; R2 nobody else touched: it is saved.
    assertThat(SessionSecret.parse(stored()).cookies())
        .isEqualTo("JSESSIONID=B; seraph.confluence=R2");
  }

  @Test
  void aProfileLoggedOutMeanwhileIsNotBroughtBack() {
    logIn();
    SiteCookieJar jar = jar();
    SessionWriteBack back = run(jar);
    answer(jar, SITE, "JSESSIONID=B; Path=/confluence");
    keychain.delete("corp");
    back.saveIfChanged();
    assertThat(keychain.secrets).isEmpty();
    keychain.put("corp", "NjE2-a-pat-now");
    back.saveIfChanged();
    assertThat(stored()).isEqualTo("NjE2-a-pat-now");
  }

  @Test
  void aCookieTheSiteDeletesIsDeletedAndAnEmptySessionIsNeverWritten() {
    assertThat(
            SessionWriteBack.merge(
                Map.of("JSESSIONID", "A"), Map.of(), Map.of("JSESSIONID", "A", "x", "1")))
        .containsExactly(Map.entry("x", "1"));
    keychain.put("corp", new SessionSecret("JSESSIONID=A", null, null).toJson());
    SiteCookieJar jar = new SiteCookieJar(SITE, CLOCK);
    jar.addFromHeader("JSESSIONID=A");
    SessionWriteBack back = run(jar);
    answer(jar, SITE, "JSESSIONID=; Max-Age=0; Path=/confluence");
    assertThat(back.changed()).isTrue();
    assertThat(back.save()).isFalse();
    assertThat(SessionSecret.parse(stored()).cookies()).isEqualTo("JSESSIONID=A");
  }
}
