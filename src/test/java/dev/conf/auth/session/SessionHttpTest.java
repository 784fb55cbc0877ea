package dev.conf.auth.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import okhttp3.Cookie;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Form login, cookie reuse, the XSRF header and the cookie jar's host rule against an in-test
 * server holding Data Center's rules ({@code dologin.action} answers 302 with {@code JSESSIONID}
 * for the right password and 200 with {@code AUTHENTICATED_FAILED} for a wrong one; a request
 * without the session is anonymous; a write with a session and no {@code X-Atlassian-Token} is 403
 * {@code XSRF check failed}), and a second host on the same machine as the identity provider.
 */
class SessionHttpTest {
  static final String SESSION = "0F1E2D3C4B5A";

  final Clock clock = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);
  HttpServer site;
  HttpServer idp;
  final List<String> idpCookies = new CopyOnWriteArrayList<>();
  final List<String> siteCookies = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    site.createContext("/", this::dataCenter);
    site.start();
    idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    idp.createContext(
        "/",
        ex -> {
          try (ex) {
            String c = ex.getRequestHeaders().getFirst("Cookie");
            idpCookies.add(c == null ? "" : c);
            ex.getResponseHeaders().add("Set-Cookie", "IDP=evil; Path=/");
            ex.sendResponseHeaders(200, -1);
          }
        });
    idp.start();
  }

  @AfterEach
  void stop() {
    site.stop(0);
    idp.stop(0);
  }

  HttpUrl base() {
    return HttpUrl.get("http://127.0.0.1:" + site.getAddress().getPort() + "/confluence");
  }

  /** The identity provider, reached by another host name for the same machine. */
  String idpUrl() {
    return "http://localhost:" + idp.getAddress().getPort() + "/saml/login";
  }

  void dataCenter(HttpExchange ex) throws IOException {
    try (ex) {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String cookie = ex.getRequestHeaders().getFirst("Cookie");
      siteCookies.add(cookie == null ? "" : cookie);
      boolean session = cookie != null && cookie.contains("JSESSIONID=" + SESSION);
      String path = ex.getRequestURI().getPath();
      var h = ex.getResponseHeaders();
      if (path.equals("/confluence/dologin.action")) {
        Map<String, String> form =
            java.util.Arrays.stream(body.split("&"))
                .map(p -> p.split("=", 2))
                .collect(
                    Collectors.toMap(
                        p -> p[0],
                        p ->
                            java.net.URLDecoder.decode(
                                p.length > 1 ? p[1] : "", StandardCharsets.UTF_8)));
        if ("alice".equals(form.get("os_username"))
            && "pa ss&word".equals(form.get("os_password"))) {
          h.add("Set-Cookie", "JSESSIONID=" + SESSION + "; Path=/confluence; HttpOnly");
          if ("true".equals(form.get("os_cookie"))) {
            h.add("Set-Cookie", "seraph.confluence=remember; Max-Age=1209600; Path=/confluence");
          }
          h.add("Location", "/confluence" + form.get("os_destination"));
          ex.sendResponseHeaders(302, -1);
        } else {
          h.add("X-Seraph-LoginReason", "AUTHENTICATED_FAILED");
          ex.sendResponseHeaders(200, -1);
        }
        return;
      }
      if (path.equals("/confluence/sso")) {
        h.add("Location", idpUrl());
        ex.sendResponseHeaders(302, -1);
        return;
      }
      if (path.equals("/confluence/logout")) {
        h.add("Set-Cookie", "JSESSIONID=; Max-Age=0; Path=/confluence");
        ex.sendResponseHeaders(200, -1);
        return;
      }
      h.add("X-AUSERNAME", session ? "alice" : "anonymous");
      if (session
          && !ex.getRequestMethod().equals("GET")
          && !"no-check".equals(ex.getRequestHeaders().getFirst("X-Atlassian-Token"))) {
        byte[] b = "XSRF check failed".getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(403, b.length);
        ex.getResponseBody().write(b);
        return;
      }
      ex.sendResponseHeaders(200, -1);
    }
  }

  OkHttpClient client(SiteCookieJar jar, boolean follow) {
    return new OkHttpClient.Builder().cookieJar(jar).followRedirects(follow).build();
  }

  void logIn(SiteCookieJar jar, String password) throws IOException {
    Request login = FormLogin.request(base(), "alice", password, FormLogin.DEFAULT_DESTINATION);
    try (Response r = client(jar, false).newCall(login).execute()) {
      FormLogin.check(
          base().toString(),
          r.code(),
          r.headers(),
          r.request().url(),
          jar.cookies().stream().map(Cookie::name).toList());
    }
  }

  @Test
  void theLoginFormCarriesTheFieldsDataCenterReads() throws IOException {
    Request login = FormLogin.request(base(), "alice", "pw", "/x");
    assertThat(login.method()).isEqualTo("POST");
    assertThat(login.url().encodedPath()).isEqualTo("/confluence/dologin.action");
    FormBody form = (FormBody) login.body();
    assertThat(form.size()).isEqualTo(4);
    assertThat(List.of(form.name(0), form.name(1), form.name(2), form.name(3)))
        .containsExactly("os_username", "os_password", "os_cookie", "os_destination");
    assertThat(form.value(2)).isEqualTo("true");
    assertThat(form.value(3)).isEqualTo("/x");
    assertThat(login.toString()).doesNotContain("pw");
  }

  @Test
  void aFormLoginGivesASessionThatIsReusedAndWritesCarryTheXsrfHeader() throws IOException {
    SiteCookieJar jar = new SiteCookieJar(base(), clock);
    logIn(jar, "pa ss&word");
    assertThat(jar.cookies())
        .extracting(Cookie::name)
        .containsExactly("JSESSIONID", "seraph.confluence");

    HttpUrl spaces = base().newBuilder().addPathSegments("rest/api/space").build();
    OkHttpClient http = client(jar, true);
    try (Response r = http.newCall(new Request.Builder().url(spaces).build()).execute()) {
      assertThat(r.header("X-AUSERNAME")).isEqualTo("alice");
      assertThat(SessionSignals.classify(r.code(), r.headers(), r.request().url()).ended())
          .isFalse();
    }
    RequestBody json = RequestBody.create("{}", MediaType.get("application/json"));
    Request put = new Request.Builder().url(spaces.resolve("content/1")).put(json).build();
    try (Response r = http.newCall(put).execute()) {
      assertThat(r.code()).isEqualTo(403);
      assertThat(r.body().string()).isEqualTo("XSRF check failed");
    }
    OkHttpClient withXsrf =
        http.newBuilder().addInterceptor(new XsrfHeaderInterceptor(base())).build();
    try (Response r = withXsrf.newCall(put).execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
  }

  @Test
  void aWrongPasswordIsExitFourWithTheSeraphReason() {
    SiteCookieJar jar = new SiteCookieJar(base(), clock);
    assertThatThrownBy(() -> logIn(jar, "wrong"))
        .isInstanceOf(ConfException.class)
        .hasMessage(base() + " refused the username or password (AUTHENTICATED_FAILED)")
        .satisfies(e -> assertThat(((ConfException) e).exitCode()).isEqualTo(ExitCode.AUTH));
    assertThat(jar.cookies()).isEmpty();
  }

  @Test
  void anEndedSessionIsSeenAsAnonymous() throws IOException {
    SiteCookieJar jar = new SiteCookieJar(base(), clock);
    jar.addFromHeader("JSESSIONID=expired-one");
    try (Response r =
        client(jar, true)
            .newCall(
                new Request.Builder().url(base().resolve("/confluence/rest/api/space")).build())
            .execute()) {
      SessionSignals.Verdict v = SessionSignals.classify(r.code(), r.headers(), r.request().url());
      assertThat(r.code()).isEqualTo(200);
      assertThat(v.signal()).isEqualTo(SessionSignals.Signal.ANONYMOUS);
    }
  }

  @Test
  void browserCookiesAreSentToTheSiteAndNeverAcrossARedirectToAnotherHost() throws IOException {
    SiteCookieJar jar = new SiteCookieJar(base(), clock);
    jar.addFromHeader("JSESSIONID=" + SESSION + "; crowd.token_key=tok3n");
    try (Response r =
        client(jar, true)
            .newCall(new Request.Builder().url(base().resolve("/confluence/sso")).build())
            .execute()) {
      assertThat(r.request().url().host()).isEqualTo("localhost");
    }
    assertThat(siteCookies).containsExactly("JSESSIONID=" + SESSION + "; crowd.token_key=tok3n");
    assertThat(idpCookies).containsExactly("");
    // and the other host's cookie is not kept
    assertThat(jar.toHeader()).isEqualTo("JSESSIONID=" + SESSION + "; crowd.token_key=tok3n");
  }

  @Test
  void theJarRefusesCookiesForOtherHostsAndNarrowsDomainCookies() {
    HttpUrl siteUrl = HttpUrl.get("https://wiki.example.com/");
    SiteCookieJar jar = new SiteCookieJar(siteUrl, clock);
    HttpUrl sibling = HttpUrl.get("https://sso.example.com/");
    jar.saveFromResponse(
        siteUrl, List.of(Cookie.parse(siteUrl, "JSESSIONID=abc; Domain=example.com; Path=/")));
    jar.saveFromResponse(sibling, List.of(Cookie.parse(sibling, "IDP=x; Path=/")));
    assertThat(jar.loadForRequest(siteUrl.resolve("/rest/api/space")))
        .extracting(Cookie::name)
        .containsExactly("JSESSIONID");
    assertThat(jar.loadForRequest(sibling)).isEmpty();
    assertThat(jar.loadForRequest(HttpUrl.get("https://evil.wiki.example.com/"))).isEmpty();
  }

  @Test
  void expiredAndDeletedCookiesAreDroppedByTheInjectedClock() throws IOException {
    HttpUrl siteUrl = HttpUrl.get("https://wiki.example.com/");
    SiteCookieJar jar = new SiteCookieJar(siteUrl, clock);
    long now = clock.millis();
    jar.saveFromResponse(
        siteUrl,
        List.of(
            new Cookie.Builder()
                .name("old")
                .value("1")
                .domain("wiki.example.com")
                .expiresAt(now - 1)
                .build(),
            new Cookie.Builder()
                .name("live")
                .value("2")
                .domain("wiki.example.com")
                .expiresAt(now + 60_000)
                .build()));
    assertThat(jar.toHeader()).isEqualTo("live=2");

    SiteCookieJar session = new SiteCookieJar(base(), clock);
    logIn(session, "pa ss&word");
    try (Response r =
        client(session, true)
            .newCall(new Request.Builder().url(base().resolve("/confluence/logout")).build())
            .execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
    assertThat(session.cookies()).extracting(Cookie::name).containsExactly("seraph.confluence");
  }

  @Test
  void aMalformedCookieStringIsRefusedWithoutQuotingIt() {
    SiteCookieJar jar = new SiteCookieJar(base(), clock);
    assertThatThrownBy(() -> jar.addFromHeader("secretvalue-without-a-name"))
        .isInstanceOf(ConfException.class)
        .hasMessageNotContaining("secretvalue")
        .satisfies(e -> assertThat(((ConfException) e).exitCode()).isEqualTo(ExitCode.USAGE));
    assertThatThrownBy(() -> jar.addFromHeader(" ; ")).hasMessage("the cookie string is empty");
  }

  @Test
  void anSsoSiteAnswersTheFormLoginWithItsIdentityProvider() {
    assertThatThrownBy(
            () ->
                FormLogin.check(
                    "https://wiki.example.com",
                    302,
                    okhttp3.Headers.of("Location", "https://sso.example.com/saml"),
                    HttpUrl.get("https://wiki.example.com/dologin.action"),
                    List.of()))
        .hasMessageStartingWith(
            "https://wiki.example.com sent the request to its identity provider sso.example.com"
                + " (SSO): log in to https://wiki.example.com in a browser");
  }
}
