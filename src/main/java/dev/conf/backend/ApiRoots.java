package dev.conf.backend;

import java.net.URI;
import okhttp3.HttpUrl;

/**
 * Where one site's REST APIs hang, derived once (by {@link Backends}) from the site the connection
 * resolved to, and handed to every backend piece so that none works it out again.
 *
 * @param v1 what v1 operations and their relative links ({@code next}, {@code download}) hang from:
 *     {@code https://x.atlassian.net/wiki}, a gateway's {@code .../ex/confluence/ID/wiki}, or a
 *     Data Center base URL with its context path; operations are {@code v1 + /rest/api/...}
 * @param v2 what v2 operations ({@code /wiki/api/v2/...}) and their relative next links hang from:
 *     Cloud's site root or gateway route; null on Data Center, which has no v2
 * @param raw what {@code conf api} paths hang from: {@link #v2} on Cloud, {@link #v1} on Data
 *     Center
 * @param rawExample a path to suggest in {@code conf api}'s messages
 * @param webBase where web UI links hang from; null when unknown (a gateway URL without its site)
 * @param displayUrl what messages call the site
 */
public record ApiRoots(
    HttpUrl v1, HttpUrl v2, HttpUrl raw, String rawExample, URI webBase, String displayUrl) {

  /** A v1 operation: {@code {v1}/rest/api/{path}}. */
  public HttpUrl.Builder v1(String path) {
    return v1.newBuilder().addPathSegments("rest/api").addPathSegments(path);
  }

  /** A v2 operation: {@code {v2}/wiki/api/v2/{path}}. */
  public HttpUrl.Builder v2(String path) {
    return v2.newBuilder().addPathSegments("wiki/api/v2").addPathSegments(path);
  }

  /** v1 {@code content/{id}}. */
  public HttpUrl.Builder v1Content(String id) {
    return v1("content").addPathSegment(id);
  }
}
