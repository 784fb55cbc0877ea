package dev.conf.auth.session;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds {@code X-Atlassian-Token: no-check} to every write (any method but GET, HEAD, OPTIONS and
 * TRACE) for the site's host: with a session, Confluence 9's XSRF protection answers 403 {@code
 * XSRF check failed} to a write without it.
 */
public final class XsrfHeaderInterceptor implements Interceptor {
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final String host;

  public XsrfHeaderInterceptor(HttpUrl site) {
    this.host = site.host().toLowerCase(Locale.ROOT);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (SAFE.contains(request.method())
        || !request.url().host().equalsIgnoreCase(host)
        || request.header("X-Atlassian-Token") != null) {
      return chain.proceed(request);
    }
    return chain.proceed(request.newBuilder().header("X-Atlassian-Token", "no-check").build());
  }
}
