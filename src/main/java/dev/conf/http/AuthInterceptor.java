package dev.conf.http;

import java.io.IOException;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the Authorization header to every request for the site's own host, before any challenge:
 * Cloud serves anonymous reads and never answers 401 to a request without credentials, so waiting
 * for a challenge would silently read as an anonymous user. Requests to any other host go out
 * without it. The header is asked for per request, so a rotated secret needs no new client.
 *
 * <p>With a renewal (OAuth access tokens, which expire), a 401 to a header this interceptor added
 * asks for a renewed header and sends the request once more with it; a second 401 stands.
 */
public final class AuthInterceptor implements Interceptor {
  private final String host;
  private final int port;
  private final Supplier<String> authorization;
  private final UnaryOperator<String> renewAfter401;

  public AuthInterceptor(HttpUrl site, Supplier<String> authorization) {
    this(site, authorization, null);
  }

  /**
   * @param renewAfter401 given the header the server refused, the header to retry with, or null to
   *     give up; null for credentials that cannot be renewed
   */
  public AuthInterceptor(
      HttpUrl site, Supplier<String> authorization, UnaryOperator<String> renewAfter401) {
    this.host = site.host().toLowerCase(Locale.ROOT);
    this.port = site.port();
    this.authorization = authorization;
    this.renewAfter401 = renewAfter401;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    HttpUrl url = request.url();
    if (!url.host().equalsIgnoreCase(host)
        || url.port() != port
        || request.header("Authorization") != null) {
      return chain.proceed(request);
    }
    String header = authorization.get();
    Response response = chain.proceed(request.newBuilder().header("Authorization", header).build());
    if (response.code() != 401
        || renewAfter401 == null
        || "FAILURE_CLIENT_SCOPE_CHECK".equalsIgnoreCase(response.header("X-Failure-Category"))) {
      // A scope check fails whatever the token's age: a new one would be refused the same way.
      return response;
    }
    String renewed = renewAfter401.apply(header);
    if (renewed == null || renewed.equals(header)) {
      return response;
    }
    response.close();
    return chain.proceed(request.newBuilder().header("Authorization", renewed).build());
  }
}
