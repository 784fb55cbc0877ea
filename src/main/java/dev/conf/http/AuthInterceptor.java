package dev.conf.http;

import java.io.IOException;
import java.util.Locale;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the Authorization header to every request for the site's own host, before any challenge:
 * Cloud serves anonymous reads and never answers 401 to a request without credentials, so waiting
 * for a challenge would silently read as an anonymous user. Requests to any other host go out
 * without it. The header is asked for per request, so a rotated secret needs no new client.
 */
public final class AuthInterceptor implements Interceptor {
  private final String host;
  private final int port;
  private final Supplier<String> authorization;

  public AuthInterceptor(HttpUrl site, Supplier<String> authorization) {
    this.host = site.host().toLowerCase(Locale.ROOT);
    this.port = site.port();
    this.authorization = authorization;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    HttpUrl url = request.url();
    if (url.host().equalsIgnoreCase(host)
        && url.port() == port
        && request.header("Authorization") == null) {
      request = request.newBuilder().header("Authorization", authorization.get()).build();
    }
    return chain.proceed(request);
  }
}
