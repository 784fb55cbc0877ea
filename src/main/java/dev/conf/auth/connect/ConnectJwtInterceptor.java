package dev.conf.auth.connect;

import java.io.IOException;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Puts {@code Authorization: JWT <token>} on every request for the site's own host, made afresh for
 * that request's method, path and query (a retry or a followed page gets its own). Requests to
 * other hosts go out without it.
 */
public final class ConnectJwtInterceptor implements Interceptor {
  private final String host;
  private final int port;
  private final ConnectJwt jwt;

  public ConnectJwtInterceptor(HttpUrl site, ConnectJwt jwt) {
    this.host = site.host().toLowerCase(Locale.ROOT);
    this.port = site.port();
    this.jwt = jwt;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    HttpUrl url = request.url();
    if (!url.host().equalsIgnoreCase(host) || url.port() != port) {
      return chain.proceed(request);
    }
    return chain.proceed(
        request
            .newBuilder()
            .header("Authorization", jwt.authorization(request.method(), url.uri()))
            .build());
  }
}
