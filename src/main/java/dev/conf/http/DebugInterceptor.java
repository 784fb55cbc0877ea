package dev.conf.http;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@code --debug}: each request and response line with its timing, and headers, on stderr. Secrets
 * are never printed: Authorization keeps only its scheme, cookies are hidden.
 */
public final class DebugInterceptor implements Interceptor {
  private static final Set<String> REDACTED =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");

  /** Query parameters that carry a credential (the media host's short-lived {@code token=}). */
  private static final java.util.regex.Pattern SECRET_PARAM =
      java.util.regex.Pattern.compile(
          "([?&](?:token|access_token|jwt|signature|sig)=)[^&#\\s]*",
          java.util.regex.Pattern.CASE_INSENSITIVE);

  private final PrintWriter sink;

  public DebugInterceptor(PrintWriter sink) {
    this.sink = sink;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    long start = System.nanoTime();
    synchronized (sink) {
      sink.println("> " + request.method() + " " + url(request));
      printHeaders("> ", request.headers());
      sink.flush();
    }
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      synchronized (sink) {
        sink.println(
            "! "
                + request.method()
                + " "
                + url(request)
                + " failed after "
                + millis(start)
                + " ms: "
                + e);
        sink.flush();
      }
      throw e;
    }
    synchronized (sink) {
      sink.println(
          "< "
              + response.code()
              + " "
              + response.message()
              + " "
              + request.method()
              + " "
              + url(request)
              + " ("
              + millis(start)
              + " ms)");
      printHeaders("< ", response.headers());
      sink.flush();
    }
    return response;
  }

  private void printHeaders(String prefix, Headers headers) {
    for (int i = 0; i < headers.size(); i++) {
      sink.println(prefix + headers.name(i) + ": " + redact(headers.name(i), headers.value(i)));
    }
  }

  private static String url(Request request) {
    return redactUrl(request.url().toString());
  }

  /** A URL with the values of credential-bearing query parameters replaced. */
  static String redactUrl(String url) {
    return SECRET_PARAM.matcher(url).replaceAll("$1[redacted]");
  }

  static String redact(String name, String value) {
    if (!REDACTED.contains(name.toLowerCase(Locale.ROOT))) {
      return name.equalsIgnoreCase("location") ? redactUrl(value) : value;
    }
    int space = value.indexOf(' ');
    return name.toLowerCase(Locale.ROOT).endsWith("authorization") && space > 0
        ? value.substring(0, space) + " [redacted]"
        : "[redacted]";
  }

  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
