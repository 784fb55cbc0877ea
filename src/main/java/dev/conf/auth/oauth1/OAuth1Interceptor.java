package dev.conf.auth.oauth1;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * Signs every request for the site's own host with the access token, as the request goes out (a
 * retry is signed afresh, with a new nonce). A form-encoded body's parameters are part of the
 * signature (RFC 5849 3.4.1.3.1); JSON and multipart bodies are not. Other hosts get no header.
 */
public final class OAuth1Interceptor implements Interceptor {
  private final String host;
  private final int port;
  private final OAuth1Signer signer;
  private final Supplier<String> accessToken;

  public OAuth1Interceptor(HttpUrl site, OAuth1Signer signer, Supplier<String> accessToken) {
    this.host = site.host().toLowerCase(Locale.ROOT);
    this.port = site.port();
    this.signer = signer;
    this.accessToken = accessToken;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    HttpUrl url = request.url();
    if (!url.host().equalsIgnoreCase(host) || url.port() != port) {
      return chain.proceed(request);
    }
    String header =
        signer.authorization(
            request.method(), url.uri(), accessToken.get(), Map.of(), formParams(request.body()));
    return chain.proceed(request.newBuilder().header("Authorization", header).build());
  }

  /** The decoded parameters of a form-encoded body, else none. */
  static List<Param> formParams(RequestBody body) throws IOException {
    List<Param> out = new ArrayList<>();
    if (body instanceof FormBody form) {
      for (int i = 0; i < form.size(); i++) {
        out.add(new Param(form.name(i), form.value(i)));
      }
      return out;
    }
    MediaType type = body == null ? null : body.contentType();
    if (type != null
        && type.type().equals("application")
        && type.subtype().equals("x-www-form-urlencoded")
        && !body.isOneShot()) {
      Buffer buffer = new Buffer();
      body.writeTo(buffer);
      return PercentEncoding.parseForm(buffer.readUtf8());
    }
    return out;
  }
}
