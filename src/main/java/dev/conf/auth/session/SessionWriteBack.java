package dev.conf.auth.session;

import dev.conf.auth.SecretStore;
import dev.conf.auth.TokenLock;
import dev.conf.error.ConfException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import okhttp3.Cookie;

/**
 * Saves a session's cookies back to the profile's store when the site replaced one during the run:
 * a rotated {@code JSESSIONID}, a renewed remember-me ({@code seraph.confluence}) or SSO cookie.
 * Without it the next run would send the cookie the site has already retired.
 *
 * <p>The jar only ever holds the site's own cookies ({@link SiteCookieJar}), so cookies of other
 * hosts are never stored. The save is one write, at the end of the command (or at once after conf
 * logged in again), under the profile's {@link TokenLock}, the lock OAuth refreshes use, and it is
 * a three-way merge per cookie against what is stored then: a cookie this run changed is written
 * only when the stored one is still the one this run started with; one another process has replaced
 * meanwhile keeps that process's value, so two runs never clobber each other with stale cookies. A
 * profile logged out (or logged in afresh as another kind) meanwhile is left alone.
 */
public final class SessionWriteBack {
  private final SecretStore store;
  private final String profile;
  private final TokenLock lock;
  private final SiteCookieJar jar;
  private Map<String, String> base;

  /**
   * @param stored the cookies as read from the store when the run began
   */
  public SessionWriteBack(
      SecretStore store, String profile, TokenLock lock, SiteCookieJar jar, String stored) {
    this.store = store;
    this.profile = profile;
    this.lock = lock;
    this.jar = jar;
    this.base = parse(stored);
  }

  /** True when the site replaced or removed a cookie this run started with. */
  public synchronized boolean changed() {
    Map<String, String> ours = ours();
    for (Map.Entry<String, String> e : base.entrySet()) {
      if (!e.getValue().equals(ours.get(e.getKey()))) {
        return true;
      }
    }
    return false;
  }

  /** At the end of the command: saves the cookies when the site replaced one. */
  public void saveIfChanged() {
    if (changed()) {
      save();
    }
  }

  /**
   * Merges this run's cookies into the stored session under the lock; returns true when the store
   * was written.
   */
  public synchronized boolean save() {
    Map<String, String> ours = ours();
    return lock.with(
        () -> {
          String raw = store.get(profile);
          if (raw == null) {
            return false;
          }
          SessionSecret current;
          try {
            current = SessionSecret.parse(raw);
          } catch (ConfException e) {
            return false; // no longer a session profile
          }
          Map<String, String> merged = merge(base, ours, parse(current.cookies()));
          base = ours;
          String header = header(merged);
          if (header.isEmpty() || header.equals(current.cookies())) {
            return false;
          }
          store.put(profile, current.withCookies(header).toJson());
          return true;
        });
  }

  /**
   * Per cookie name: this run's value where this run changed it and the store still has the value
   * the run started with; the stored value everywhere else.
   */
  static Map<String, String> merge(
      Map<String, String> base, Map<String, String> ours, Map<String, String> stored) {
    Map<String, String> out = new LinkedHashMap<>(stored);
    Set<String> names = new LinkedHashSet<>(base.keySet());
    names.addAll(ours.keySet());
    for (String name : names) {
      String b = base.get(name);
      String o = ours.get(name);
      if (Objects.equals(o, b) || !Objects.equals(stored.get(name), b)) {
        continue;
      }
      if (o == null) {
        out.remove(name);
      } else {
        out.put(name, o);
      }
    }
    return out;
  }

  private Map<String, String> ours() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Cookie c : jar.cookies()) {
      out.put(c.name(), c.value());
    }
    return out;
  }

  /** {@code a=1; b=2} as a map, in order. */
  static Map<String, String> parse(String header) {
    Map<String, String> out = new LinkedHashMap<>();
    if (header == null) {
      return out;
    }
    for (String part : header.split(";")) {
      String p = part.trim();
      int eq = p.indexOf('=');
      if (eq > 0) {
        out.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
      }
    }
    return out;
  }

  static String header(Map<String, String> cookies) {
    StringBuilder out = new StringBuilder();
    cookies.forEach(
        (name, value) -> {
          if (out.length() > 0) {
            out.append("; ");
          }
          out.append(name).append('=').append(value);
        });
    return out.toString();
  }

  @Override
  public String toString() {
    return "SessionWriteBack[" + profile + "]";
  }
}
