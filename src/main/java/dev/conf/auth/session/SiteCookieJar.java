package dev.conf.auth.session;

import dev.conf.error.ConfException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;

/**
 * The session's cookies, for the site's host only: cookies the site sets are kept as host-only
 * cookies of that host (a {@code Domain} attribute never widens them to sibling hosts), cookies any
 * other host sets are dropped, and no cookie is ever offered to another host, so a redirect to an
 * identity provider or anywhere else carries none. Expiry is judged by the injected clock.
 */
public final class SiteCookieJar implements CookieJar {
  private final String host;
  private final boolean https;
  private final Clock clock;
  private final List<Cookie> cookies = new ArrayList<>();

  public SiteCookieJar(HttpUrl site, Clock clock) {
    this.host = site.host().toLowerCase(Locale.ROOT);
    this.https = site.isHttps();
    this.clock = clock;
  }

  /**
   * Adds cookies copied from a browser, {@code JSESSIONID=...; crowd.token_key=...}. A malformed
   * string is refused without quoting it (it holds secrets).
   */
  public synchronized void addFromHeader(String cookieHeader) {
    int added = 0;
    for (String part : cookieHeader.split(";")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw ConfException.usage(
            "the cookie string must be name=value pairs separated by '; ' (as a browser's Cookie"
                + " header shows them)");
      }
      Cookie.Builder b;
      try {
        b =
            new Cookie.Builder()
                .name(p.substring(0, eq).trim())
                .value(p.substring(eq + 1).trim())
                .hostOnlyDomain(host)
                .path("/");
      } catch (IllegalArgumentException e) {
        throw ConfException.usage(
            "a cookie in the cookie string has a character a cookie may not hold");
      }
      if (https) {
        b.secure();
      }
      put(b.build());
      added++;
    }
    if (added == 0) {
      throw ConfException.usage("the cookie string is empty");
    }
  }

  @Override
  public synchronized void saveFromResponse(HttpUrl url, List<Cookie> fromResponse) {
    if (!onSite(url)) {
      return;
    }
    for (Cookie c : fromResponse) {
      Cookie.Builder b =
          new Cookie.Builder().name(c.name()).value(c.value()).hostOnlyDomain(host).path(c.path());
      if (c.persistent()) {
        b.expiresAt(c.expiresAt());
      }
      if (c.secure()) {
        b.secure();
      }
      if (c.httpOnly()) {
        b.httpOnly();
      }
      put(b.build());
    }
  }

  @Override
  public synchronized List<Cookie> loadForRequest(HttpUrl url) {
    if (!onSite(url)) {
      return List.of();
    }
    long now = clock.millis();
    cookies.removeIf(c -> c.expiresAt() <= now);
    List<Cookie> out = new ArrayList<>();
    for (Cookie c : cookies) {
      if (c.matches(url)) {
        out.add(c);
      }
    }
    return out;
  }

  /** The live cookies, to keep in the keychain (never in a config file). */
  public synchronized List<Cookie> cookies() {
    long now = clock.millis();
    cookies.removeIf(c -> c.expiresAt() <= now);
    return List.copyOf(cookies);
  }

  /** The live cookies as a Cookie header value, the form {@link #addFromHeader} reads back. */
  public synchronized String toHeader() {
    StringBuilder out = new StringBuilder();
    for (Cookie c : cookies()) {
      if (out.length() > 0) {
        out.append("; ");
      }
      out.append(c.name()).append('=').append(c.value());
    }
    return out.toString();
  }

  private boolean onSite(HttpUrl url) {
    return url.host().equalsIgnoreCase(host);
  }

  /**
   * A cookie with the same name replaces the old one, whatever its path; an expired one just
   * removes it. By name alone, because a stored session keeps only {@code name=value} (read back
   * with path {@code /}): a rotated {@code JSESSIONID; Path=/confluence} must replace the stored
   * one, not go out beside it.
   */
  private void put(Cookie cookie) {
    cookies.removeIf(c -> c.name().equals(cookie.name()));
    if (cookie.expiresAt() > clock.millis()) {
      cookies.add(cookie);
    }
  }

  @Override
  public String toString() {
    return "SiteCookieJar[" + host + ", " + cookies.size() + " cookies]";
  }
}
