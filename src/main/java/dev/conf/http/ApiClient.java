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
  public record ErrorContext(String site, String authHint, boolean scoped) {}

  private final OkHttpClient http;
  private final ErrorContext context;

  public ApiClient(OkHttpClient http, ErrorContext context) {
    this.http = http;
    this.context = context;
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
    try (Response response = http.newCall(request).execute()) {
      ResponseBody rb = response.body();
      if (!response.isSuccessful()) {
        throw failure(request, response, rb == null ? "" : rb.string());
      }
      if (rb == null || response.code() == 204) {
        return Json.missing();
      }
      try (InputStream in = rb.byteStream()) {
        return Json.parse(in);
      }
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
      throw new ConfException(
          ExitCode.ERROR, "could not reach " + context.site() + ": " + describe(e), e);
    }
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
    try (Response response = http.newCall(request).execute()) {
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
      throw new ConfException(
          ExitCode.ERROR, "could not reach " + context.site() + ": " + describe(e), e);
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
      case 429:
      case 503:
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
                + "s of waiting; try again later");
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

  private static String describe(IOException e) {
    String m = e.getMessage();
    if (m != null && m.contains("authenticate with proxy")) {
      // OkHttp's words when the proxy refuses the HTTPS tunnel (CONNECT answered 407).
      return PROXY_HINT;
    }
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
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
      throw new ConfException(
          ExitCode.ERROR, "could not reach " + context.site() + ": " + describe(e), e);
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
    try (Response response = http.newCall(request).execute()) {
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
    Request request =
        new Request.Builder().url(url).get().tag(RetryStats.class, new RetryStats()).build();
    long received = 0;
    try (Response response = http.newCall(request).execute()) {
      ResponseBody rb = response.body();
      if (!response.isSuccessful()) {
        throw failure(request, response, rb == null ? "" : rb.string());
      }
      if (rb == null) {
        return 0;
      }
      byte[] buffer = new byte[CHUNK];
      try (InputStream in = rb.byteStream()) {
        int n;
        while ((n = in.read(buffer)) != -1) {
          try {
            out.write(buffer, 0, n);
          } catch (IOException e) {
            throw new FileReadFailure(e);
          }
          received += n;
          progress.accept(received);
        }
      }
      return received;
    } catch (FileReadFailure e) {
      throw new ConfException(ExitCode.ERROR, "cannot write the download: " + describe(e.cause), e);
    } catch (IOException e) {
      throw new ConfException(
          ExitCode.ERROR,
          "download from "
              + context.site()
              + " failed after "
              + received
              + " bytes: "
              + describe(e),
          e);
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
