package dev.conf.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.util.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSink;

/**
 * JSON over HTTP for the backends: sends a request, reads the answer as a tree, and turns every
 * failure into a {@link ConfException} with the exit code and the one line a user needs.
 * Atlassian's own error text (v1 and Data Center {@code message}, v2 {@code errors[].title/detail})
 * is shown, not swallowed.
 */
public final class ApiClient {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  /** How failures name the site and tell the user what to do about a 401 or 403. */
  public record ErrorContext(
      String site,
      String authHint,
      boolean scoped,
      java.util.function.Supplier<String> command,
      java.util.function.BooleanSupplier credentialsRefused) {
    public ErrorContext(String site, String authHint, boolean scoped) {
      this(site, authHint, scoped, () -> null, null);
    }
  }

  private final OkHttpClient http;

  /**
   * The same client, redirects not followed: a write that is redirected is reported, never sent on.
   */
  private final OkHttpClient writes;

  private final ErrorContext context;

  public ApiClient(OkHttpClient http, ErrorContext context) {
    this.http = http;
    this.writes = http.newBuilder().followRedirects(false).followSslRedirects(false).build();
    this.context = context;
  }

  private OkHttpClient clientFor(String method) {
    return method.equals("GET") || method.equals("HEAD") ? http : writes;
  }

  public JsonNode get(HttpUrl url) {
    return send("GET", url, null);
  }

  /**
   * Sends a request with an optional JSON body and returns the parsed answer (an empty node for
   * 204).
   */
  public JsonNode send(String method, HttpUrl url, Object body) {
    RequestBody requestBody = null;
    if (body != null) {
      try {
        requestBody = RequestBody.create(Json.mapper().writeValueAsBytes(body), JSON);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("cannot encode request body", e);
      }
    } else if (method.equals("POST") || method.equals("PUT")) {
      requestBody = RequestBody.create(new byte[0], JSON);
    }
    Request request =
        new Request.Builder()
            .url(url)
            .method(method, requestBody)
            .header("Accept", "application/json")
            .tag(RetryStats.class, new RetryStats())
            .build();
    try (Response response = clientFor(method).newCall(request).execute()) {
      HttpUrl answered = response.request().url();
      if (!answered.host().equalsIgnoreCase(url.host()) || answered.port() != url.port()) {
        // Followed off the site (a login page, an SSO gateway): not the site's answer.
        throw new ConfException(
            ExitCode.ERROR,
            context.site()
                + " redirected "
                + method
                + " "
                + url.encodedPath()
                + " to another host ("
                + answered.host()
                + (answered.port() == HttpUrl.defaultPort(answered.scheme())
                    ? ""
                    : ":" + answered.port())
                + "); conf takes the site's answers only from the site itself: check the site URL");
      }
      ResponseBody rb = response.body();
      if (!response.isSuccessful()) {
        String text = rb == null ? "" : rb.string();
        if (response.code() == 409 && method.equals("PUT") && uncertain(request)) {
          // The replay may have met its own first attempt: the backend that sent it settles that.
          throw new WriteOutcomeUnknown(
              WriteOutcomeUnknown.Why.REPLAY_CONFLICT, failure(request, response, text));
        }
        throw failure(request, response, text);
      }
      if (rb == null || response.code() == 204) {
        return Json.missing();
      }
      byte[] bytes = rb.bytes();
      if (bytes.length == 0 && method.equals("GET")) {
        throw new ConfException(
            ExitCode.ERROR,
            context.site()
                + " answered GET "
                + url.encodedPath()
                + " with an empty body (HTTP "
                + response.code()
                + "), not the JSON it should send");
      }
      return bytes.length == 0
          ? Json.missing()
          : Json.parse(new java.io.ByteArrayInputStream(bytes));
    } catch (JsonProcessingException e) {
      throw new ConfException(
          ExitCode.ERROR,
          context.site()
              + " answered "
              + method
              + " "
              + url.encodedPath()
              + " with something that is not JSON",
          e);
    } catch (IOException e) {
      if (method.equals("POST") && uncertain(request)) {
        // The answer was lost once the request had gone: the backend that sent it finds out.
        throw new WriteOutcomeUnknown(WriteOutcomeUnknown.Why.ANSWER_LOST, unreachable(request, e));
      }
      throw unreachable(request, e);
    }
  }

  /** Whether an attempt of this request may have reached the server without its answer coming. */
  private static boolean uncertain(Request request) {
    RetryStats stats = request.tag(RetryStats.class);
    return stats != null && stats.uncertain();
  }

  /** A response as it came, for {@code conf api}: nothing parsed, nothing mapped to an error. */
  public record RawResponse(
      int status, String reason, String protocol, List<String[]> headers, byte[] body) {}

  /**
   * Sends a request as given and returns the answer whatever its status: the escape hatch's path
   * through the same client, credentials, retries, proxies and debug log as every other call. Only
   * a failure to get an answer at all is an exception (exit 1).
   *
   * @param headers name and value pairs; an {@code Accept} here replaces the default JSON one
   * @param body null for none (an empty body is sent for POST, PUT and PATCH)
   */
  public RawResponse raw(
      String method, HttpUrl url, List<String[]> headers, byte[] body, String contentType) {
    String m = method.toUpperCase(java.util.Locale.ROOT);
    if (!m.matches("[!#$%&'*+.^_`|~0-9A-Z-]+")) {
      // A CR or LF here would start a second request on the connection.
      throw ConfException.usage("not an HTTP method: " + m.replaceAll("[^!-~]", "?"));
    }
    RequestBody requestBody = null;
    MediaType type = contentType == null ? JSON : MediaType.parse(contentType);
    if (body != null) {
      requestBody = RequestBody.create(body, type);
    } else if (m.equals("POST") || m.equals("PUT") || m.equals("PATCH")) {
      requestBody = RequestBody.create(new byte[0], type);
    }
    Request.Builder b = new Request.Builder().url(url).header("Accept", "application/json");
    for (String[] h : headers) {
      if (h[0].equalsIgnoreCase("Accept")) {
        b.removeHeader("Accept");
      }
    }
    for (String[] h : headers) {
      b.addHeader(h[0], h[1]);
    }
    Request request;
    try {
      request = b.method(m, requestBody).tag(RetryStats.class, new RetryStats()).build();
    } catch (IllegalArgumentException e) {
      throw ConfException.usage(e.getMessage());
    }
    try (Response response = clientFor(m).newCall(request).execute()) {
      if (response.isRedirect() && !m.equals("GET") && !m.equals("HEAD")) {
        throw failure(request, response, "");
      }
      List<String[]> out = new ArrayList<>();
      response.headers().forEach(pair -> out.add(new String[] {pair.getFirst(), pair.getSecond()}));
      ResponseBody rb = response.body();
      return new RawResponse(
          response.code(),
          response.message(),
          response.protocol().toString().toUpperCase(java.util.Locale.ROOT),
          out,
          rb == null ? new byte[0] : rb.bytes());
    } catch (IOException e) {
      throw unreachable(request, e);
    }
  }

  /**
   * The exit code for an HTTP status that is not success: 401/403/407 → 4, 404 → 3, 409 → 5,
   * 429/503 (after every retry) → 6, anything else → 1.
   */
  public static ExitCode exitCodeFor(int status) {
    return switch (status) {
      case 401, 403, 407 -> ExitCode.AUTH;
      case 404 -> ExitCode.NOT_FOUND;
      case 409 -> ExitCode.CONFLICT;
      case 429, 503 -> ExitCode.RATE_LIMITED;
      default -> ExitCode.ERROR;
    };
  }

  /** The human part of an Atlassian error body, on one line; empty when there is none. */
  public static String errorMessage(String body) {
    return atlassianMessage(body);
  }

  private ConfException failure(Request request, Response response, String body) {
    ConfException e = describe(request, response, body);
    if (response.code() == 401 && e.hint() == null) {
      e.hint(context.authHint());
    }
    return e.fromResponse(response.code(), request.method() + " " + request.url().encodedPath());
  }

  private ConfException describe(Request request, Response response, String body) {
    int code = response.code();
    String detail = atlassianMessage(body);
    String suffix = detail.isEmpty() ? "" : ": " + detail;
    RetryStats stats = request.tag(RetryStats.class);
    ConfException gateway =
        GatewayErrors.explain(
            request.method(),
            request.url().encodedPath(),
            code,
            response.header("X-Failure-Category"),
            context.command().get());
    if (gateway != null) {
      return gateway;
    }
    if (response.isRedirect() && !request.method().equals("GET")) {
      return new ConfException(
          ExitCode.ERROR,
          context.site()
              + " redirected "
              + request.method()
              + " "
              + request.url().encodedPath()
              + " to "
              + response.header("Location", "?")
              + "; a write is not sent on to another address, so nothing was done: check the"
              + " site URL");
    }
    if (response.isRedirect()) {
      return new ConfException(
          ExitCode.ERROR,
          context.site()
              + " redirected "
              + request.url().encodedPath()
              + " to "
              + response.header("Location", "?")
              + "; use the site's https URL");
    }
    switch (code) {
      case 401:
        return new ConfException(
            ExitCode.AUTH,
            "authentication failed for " + context.site() + ": " + context.authHint());
      case 403:
        // Cloud often answers a wrong, expired or revoked Basic pair with 403: ask the current
        // user endpoint whether the credentials are the cause before calling it a permission.
        if (context.credentialsRefused() != null && context.credentialsRefused().getAsBoolean()) {
          return new ConfException(
              ExitCode.AUTH,
              context.site()
                  + " refused the credentials (403 to "
                  + request.method()
                  + " "
                  + request.url().encodedPath()
                  + ", and to the current user too): the token may be wrong, expired or revoked"
                  + " — create one at https://id.atlassian.com/manage-profile/security/api-tokens");
        }
        return new ConfException(
            ExitCode.AUTH,
            "permission denied by "
                + context.site()
                + " for "
                + request.method()
                + " "
                + request.url().encodedPath()
                + suffix
                + (context.scoped()
                    ? " (a scoped token needs the scopes this call uses, e.g. read:space:confluence;"
                        + " check the token's scopes)"
                    : ""));
      case 407:
        return new ConfException(ExitCode.AUTH, PROXY_HINT);
      case 404:
        return new ConfException(
            ExitCode.NOT_FOUND,
            "not found: " + request.method() + " " + request.url().encodedPath() + suffix);
      case 409:
        return new ConfException(ExitCode.CONFLICT, "conflict" + suffix);
      case 410:
        return new ConfException(
            ExitCode.NOT_FOUND,
            "gone: " + request.method() + " " + request.url().encodedPath() + suffix);
      case 413:
        return new ConfException(
            ExitCode.ERROR,
            context.site()
                + " refused "
                + request.method()
                + " "
                + request.url().encodedPath()
                + " as too large (HTTP 413)"
                + suffix);
      case 429:
      case 503:
        if (stats != null && stats.quotaResetAt != null) {
          return quotaSpent(stats.quotaResetAt);
        }
        int attempts = stats == null ? 1 : stats.attempts();
        long waited = stats == null ? 0 : stats.waited().toSeconds();
        return new ConfException(
            ExitCode.RATE_LIMITED,
            context.site()
                + (code == 429 ? " is rate limiting requests" : " is unavailable")
                + " (HTTP "
                + code
                + "); gave up after "
                + attempts
                + (attempts == 1 ? " attempt" : " attempts")
                + " and "
                + waited
                + "s of waiting"
                + refusedWait(stats)
                + "; try again later");
      default:
        return new ConfException(
            code >= 400 && code < 500 ? ExitCode.USAGE : ExitCode.ERROR,
            context.site()
                + " answered HTTP "
                + code
                + " to "
                + request.method()
                + " "
                + request.url().encodedPath()
                + suffix);
    }
  }

  /** The human part of an Atlassian error body, on one line; empty when there is none. */
  static String atlassianMessage(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    JsonNode node;
    try {
      node = Json.parse(body);
    } catch (IOException e) {
      return "";
    }
    if (node == null || !node.isObject()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    JsonNode errors = node.path("errors");
    if (errors.isArray()) {
      for (JsonNode e : errors) {
        String title = e.path("title").asText("");
        String detail = e.path("detail").asText("");
        String text =
            detail.isEmpty() || detail.equals("null")
                ? title
                : title.isEmpty() ? detail : title + ": " + detail;
        if (!text.isEmpty()) {
          parts.add(text);
        }
      }
    }
    String message = node.path("message").asText("");
    if (!message.isEmpty()) {
      parts.add(0, message);
    }
    JsonNode dataErrors = node.path("data").path("errors");
    if (dataErrors.isArray()) {
      for (JsonNode e : dataErrors) {
        String m = e.path("message").asText(e.path("message").path("translation").asText(""));
        if (!m.isEmpty() && !parts.contains(m)) {
          parts.add(m);
        }
      }
    }
    String joined = String.join("; ", parts).replace('\n', ' ').replace('\r', ' ').trim();
    return joined.length() > 300 ? joined.substring(0, 299) + "…" : joined;
  }

  static String describe(IOException e) {
    String m = e.getMessage();
    if (m != null && m.contains("authenticate with proxy")) {
      // OkHttp's words when the proxy refuses the HTTPS tunnel (CONNECT answered 407).
      return PROXY_HINT;
    }
    if (e instanceof javax.net.ssl.SSLException) {
      return tls(e);
    }
    if (e instanceof java.net.ProtocolException && m != null && m.contains("follow-up")) {
      return "too many redirects (the site redirects in a loop)";
    }
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  /** A TLS failure in words: never a class name, and what to do about it. */
  private static String tls(IOException e) {
    String m = String.valueOf(e.getMessage());
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.security.cert.CertPathValidatorException
          || t instanceof java.security.cert.CertPathBuilderException) {
        return "the server's TLS certificate is not trusted (PKIX path building found no trusted CA): give"
            + " the site's CA bundle with --ca-cert";
      }
      if (t instanceof java.security.cert.CertificateExpiredException) {
        return "the server's TLS certificate has expired";
      }
    }
    if (m.contains("Unsupported or unrecognized SSL message") || m.contains("plaintext")) {
      return "the server does not speak TLS (https) on that port; if it is a plain-http server,"
          + " give the URL with http://";
    }
    if (e instanceof javax.net.ssl.SSLPeerUnverifiedException || m.contains("hostname")) {
      return "the server's TLS certificate is not for that host name";
    }
    return "the TLS handshake failed (" + m.replace("javax.net.ssl.", "") + ")";
  }

  /** An I/O failure as the one line a user sees: exit 6 for a spent quota, else exit 1. */
  private ConfException unreachable(Request request, IOException e) {
    if (e instanceof RateLimiter.QuotaClosedException q) {
      return quotaSpent(q.until());
    }
    RetryStats stats = request.tag(RetryStats.class);
    String verb = request.method();
    if (stats != null && stats.uncertain() && !verb.equals("GET") && !verb.equals("HEAD")) {
      return new ConfException(
          ExitCode.ERROR,
          "could not reach "
              + context.site()
              + ": "
              + describe(e)
              + " (the answer to "
              + verb
              + " "
              + request.url().encodedPath()
              + " was lost: the server may have done it; check before running it again)",
          e);
    }
    return new ConfException(
        ExitCode.ERROR, "could not reach " + context.site() + ": " + describe(e), e);
  }

  private ConfException quotaSpent(java.time.Instant until) {
    return new ConfException(
        ExitCode.RATE_LIMITED,
        context.site()
            + " refused the request: its rate-limit quota is spent until "
            + until.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            + ", further than CONF_RETRY_MAX_WAIT allows waiting; run again after that");
  }

  private static String refusedWait(RetryStats stats) {
    if (stats == null || stats.refusedWait == null) {
      return "";
    }
    long s = stats.refusedWait.getSeconds();
    String asked = s > 366L * 86400 ? "an absurd " + s + "s" : s + "s";
    return " (the server asked for " + asked + ", more than CONF_RETRY_MAX_WAIT allows)";
  }

  static final String PROXY_HINT =
      "the proxy wants credentials (407): give them in HTTPS_PROXY/HTTP_PROXY as"
          + " http://USER:PASSWORD@HOST:PORT (percent-encode @ : and / in them)";

  /**
   * GETs a binary resource, such as an attachment's download link, whole: attachments are copied
   * page to page through memory.
   */
  public byte[] download(HttpUrl url) {
    Request request =
        new Request.Builder().url(url).get().tag(RetryStats.class, new RetryStats()).build();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody rb = response.body();
      if (!response.isSuccessful()) {
        throw failure(request, response, rb == null ? "" : rb.string());
      }
      return rb == null ? new byte[0] : rb.bytes();
    } catch (IOException e) {
      throw unreachable(request, e);
    }
  }

  /**
   * POSTs one file as the multipart/form-data field {@code file}, as Confluence's attachment upload
   * wants it, with the {@code X-Atlassian-Token: no-check} header its XSRF check requires.
   */
  public JsonNode upload(HttpUrl url, String fileName, String mediaType, byte[] content) {
    MediaType type = MediaType.parse(mediaType == null ? "" : mediaType);
    RequestBody form =
        new okhttp3.MultipartBody.Builder()
            .setType(okhttp3.MultipartBody.FORM)
            .addFormDataPart(
                "file",
                fileName,
                RequestBody.create(
                    content, type != null ? type : MediaType.get("application/octet-stream")))
            .build();
    return sendForm(url, form, fileName, null);
  }

  /** Bytes read from disk or the network per step of a streamed transfer. */
  private static final int CHUNK = 64 * 1024;

  /**
   * POSTs a file as the multipart/form-data field {@code file}, as Confluence's attachment
   * operations want it (with {@code minorEdit} and an optional {@code comment} field, and the
   * {@code X-Atlassian-Token: no-check} header their XSRF check requires). The file is streamed
   * from disk in {@value #CHUNK}-byte steps, never held in memory, and can be read again should the
   * server ask for the request to be repeated (429).
   *
   * @param progress told the bytes of the file sent so far
   */
  public JsonNode uploadFile(
      HttpUrl url,
      Path file,
      String fileName,
      String mediaType,
      String comment,
      boolean minor,
      LongConsumer progress) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw ConfException.usage("cannot read " + file + ": " + describe(e));
    }
    MediaType type = mediaType == null ? null : MediaType.parse(mediaType);
    RequestBody content =
        new FileBody(
            file, size, type != null ? type : MediaType.get("application/octet-stream"), progress);
    okhttp3.MultipartBody.Builder form =
        new okhttp3.MultipartBody.Builder()
            .setType(okhttp3.MultipartBody.FORM)
            .addFormDataPart("file", fileName, content)
            .addFormDataPart("minorEdit", String.valueOf(minor));
    if (comment != null) {
      // Confluence reads the comment as UTF-8 only when the part says so.
      form.addPart(
          okhttp3.MultipartBody.Part.createFormData(
              "comment",
              null,
              RequestBody.create(comment, MediaType.get("text/plain; charset=utf-8"))));
    }
    return sendForm(url, form.build(), fileName, file);
  }

  /**
   * POSTs a multipart form with the {@code X-Atlassian-Token: no-check} header Confluence's XSRF
   * check requires, and reads the JSON answer.
   *
   * @param file the file streamed in the form, for the message when reading it fails; or null
   */
  private JsonNode sendForm(HttpUrl url, RequestBody form, String fileName, Path file) {
    Request request =
        new Request.Builder()
            .url(url)
            .post(form)
            .header("Accept", "application/json")
            .header("X-Atlassian-Token", "no-check")
            .tag(RetryStats.class, new RetryStats())
            .build();
    try (Response response = writes.newCall(request).execute()) {
      ResponseBody rb = response.body();
      if (!response.isSuccessful()) {
        throw failure(request, response, rb == null ? "" : rb.string());
      }
      String text = rb == null ? "" : rb.string();
      return text.isBlank() ? Json.missing() : Json.parse(text);
    } catch (JsonProcessingException e) {
      throw new ConfException(
          ExitCode.ERROR,
          context.site()
              + " answered POST "
              + url.encodedPath()
              + " with something that is not JSON",
          e);
    } catch (FileReadFailure e) {
      throw ConfException.usage("cannot read " + file + ": " + describe(e.cause));
    } catch (IOException e) {
      throw new ConfException(
          ExitCode.ERROR,
          "upload of " + fileName + " to " + context.site() + " failed: " + describe(e),
          e);
    }
  }

  /**
   * GETs a binary resource and streams its body into {@code out}, following redirects (the
   * credentials go only to the site's own host, so a media host that a download redirects to never
   * sees them).
   *
   * @param progress told the bytes received so far
   * @return the number of bytes written
   */
  public long download(HttpUrl url, OutputStream out, LongConsumer progress) {
    long received = 0;
    String validator = null;
    IOException last = null;
    for (int resume = 0; resume <= MAX_RESUMES; resume++) {
      Request.Builder b = new Request.Builder().url(url).get();
      if (received > 0) {
        // Ask for the rest only; If-Range makes a changed file come back whole (200), not spliced.
        b.header("Range", "bytes=" + received + "-");
        if (validator != null) {
          b.header("If-Range", validator);
        }
      }
      Request request =
          b.tag(RetryStats.class, new RetryStats())
              .tag(RetryInterceptor.Streamed.class, RetryInterceptor.Streamed.BODY)
              .build();
      try (Response response = http.newCall(request).execute()) {
        ResponseBody rb = response.body();
        if (!response.isSuccessful()) {
          throw failure(request, response, rb == null ? "" : rb.string());
        }
        if (resume == 0) {
          validator = strongValidator(response);
        }
        if (received > 0
            && response.code() == 200
            && validator != null
            && !validator.equals(strongValidator(response))) {
          throw new IOException("the file changed on the server while it was downloaded");
        }
        long skip = received > 0 ? skipFor(response, received) : 0;
        if (rb == null) {
          return received;
        }
        received = copy(rb.byteStream(), skip, received, out, progress);
        return received;
      } catch (FileReadFailure e) {
        throw new ConfException(
            ExitCode.ERROR, "cannot write the download: " + describe(e.cause), e);
      } catch (PartialBody e) {
        // Cut off mid-body: what arrived is kept; the next request asks for the rest.
        received = e.received;
        last = e.cause;
      } catch (IOException e) {
        throw downloadFailed(received, e);
      }
    }
    throw downloadFailed(received, last);
  }

  /** How often a download cut off mid-body is resumed before it fails. */
  static final int MAX_RESUMES = 5;

  private ConfException downloadFailed(long received, IOException e) {
    if (e instanceof RateLimiter.QuotaClosedException q) {
      return quotaSpent(q.until());
    }
    return new ConfException(
        ExitCode.ERROR,
        "download from " + context.site() + " failed after " + received + " bytes: " + describe(e),
        e);
  }

  /** An ETag or Last-Modified a resumed request can send as If-Range; null when there is none. */
  private static String strongValidator(Response response) {
    String etag = response.header("ETag");
    if (etag != null && !etag.startsWith("W/")) {
      return etag;
    }
    return response.header("Last-Modified");
  }

  /**
   * The bytes of a resumed answer to drop: none when the server sent the range asked for (206),
   * everything already written when it sent the whole file again (200).
   */
  private static long skipFor(Response response, long received) throws IOException {
    if (response.code() != 206) {
      return received;
    }
    String range = response.header("Content-Range", "");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("bytes (\\d+)-").matcher(range.trim());
    if (!m.find() || Long.parseLong(m.group(1)) != received) {
      throw new IOException("the server resumed the download at the wrong place: " + range);
    }
    return 0;
  }

  /** Copies a body into {@code out}, dropping its first {@code skip} bytes. */
  private static long copy(
      InputStream body, long skip, long received, OutputStream out, LongConsumer progress)
      throws IOException {
    byte[] buffer = new byte[CHUNK];
    long toSkip = skip;
    long total = received;
    try (InputStream in = body) {
      while (true) {
        int n;
        try {
          n = in.read(buffer);
        } catch (IOException e) {
          if (e instanceof java.io.InterruptedIOException
              && !(e instanceof java.net.SocketTimeoutException)) {
            throw e;
          }
          throw new PartialBody(total, e);
        }
        if (n == -1) {
          return total;
        }
        int from = 0;
        if (toSkip > 0) {
          int drop = (int) Math.min(toSkip, n);
          toSkip -= drop;
          from = drop;
        }
        if (n - from > 0) {
          try {
            out.write(buffer, from, n - from);
          } catch (IOException e) {
            throw new FileReadFailure(e);
          }
          total += n - from;
          progress.accept(total);
        }
      }
    }
  }

  /** A body cut off after {@code received} bytes of the file had been written. */
  private static final class PartialBody extends IOException {
    private static final long serialVersionUID = 1L;
    final long received;
    final transient IOException cause;

    PartialBody(long received, IOException cause) {
      super(cause);
      this.received = received;
      this.cause = cause;
    }
  }

  /** A local file failure inside a transfer, told apart from a network one. */
  private static final class FileReadFailure extends IOException {
    private static final long serialVersionUID = 1L;
    final transient IOException cause;

    FileReadFailure(IOException cause) {
      super(cause);
      this.cause = cause;
    }
  }

  /** A file as a request body, read from disk in chunks each time it is written. */
  private static final class FileBody extends RequestBody {
    private final Path file;
    private final long size;
    private final MediaType type;
    private final LongConsumer progress;

    FileBody(Path file, long size, MediaType type, LongConsumer progress) {
      this.file = file;
      this.size = size;
      this.type = type;
      this.progress = progress;
    }

    @Override
    public MediaType contentType() {
      return type;
    }

    @Override
    public long contentLength() {
      return size;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      InputStream in;
      try {
        in = Files.newInputStream(file);
      } catch (IOException e) {
        throw new FileReadFailure(e);
      }
      try (in) {
        byte[] buffer = new byte[CHUNK];
        long sent = 0;
        while (true) {
          int n;
          try {
            n = in.read(buffer);
          } catch (IOException e) {
            throw new FileReadFailure(e);
          }
          if (n == -1) {
            break;
          }
          sink.write(buffer, 0, n);
          sent += n;
          progress.accept(sent);
        }
        if (sent != size) {
          throw new FileReadFailure(
              new IOException(
                  "the file changed size while it was read (" + sent + " of " + size + " bytes)"));
        }
      }
    }
  }
}
