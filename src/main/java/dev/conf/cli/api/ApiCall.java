package dev.conf.cli.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.conf.cli.CommandContext;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.output.Io;
import dev.conf.output.Jq;
import dev.conf.service.RawApi;
import dev.conf.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One run of {@link ApiCommand}: builds the request, sends it, pages, prints. */
final class ApiCall {
  private final CommandContext ctx;
  private final String path;
  private final String method;
  private final List<String> rawFields;
  private final List<String> typedFields;
  private final List<String> headers;
  private final String input;
  private final boolean include;
  private final boolean silent;
  private final String jq;
  private final boolean paginate;
  private String stdinCache;

  ApiCall(CommandContext ctx, ApiCommand c) {
    this.ctx = ctx;
    this.path = c.path;
    this.method = c.method;
    this.rawFields = c.rawFields;
    this.typedFields = c.typedFields;
    this.headers = c.headers;
    this.input = c.input;
    this.include = c.include;
    this.silent = c.silent;
    this.jq = c.jq;
    this.paginate = c.paginate;
  }

  /** An HTTP method is a token (RFC 9110 section 5.6.2): no spaces, no CR or LF, no separators. */
  private static final java.util.regex.Pattern TOKEN =
      java.util.regex.Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  int run() {
    if (method != null && !TOKEN.matcher(method).matches()) {
      throw ConfException.usage(
          "-X: not an HTTP method: '"
              + method.replace("\r", "\\r").replace("\n", "\\n")
              + "' (letters, digits and !#$%&'*+.^_`|~- only)");
    }
    List<ApiFields.Field> fields = fields();
    byte[] body = input == null ? null : readInput();
    String m =
        method != null
            ? method.toUpperCase(Locale.ROOT)
            : (!fields.isEmpty() || body != null) && !paginate ? "POST" : "GET";
    List<String[]> query = new ArrayList<>();
    if (m.equals("GET") || m.equals("HEAD") || m.equals("DELETE") || body != null) {
      for (ApiFields.Field f : fields) {
        query.add(new String[] {f.key(), f.asText()});
      }
    } else if (!fields.isEmpty()) {
      body = ApiFields.body(fields).toString().getBytes(StandardCharsets.UTF_8);
    }
    if (paginate && !m.equals("GET")) {
      throw ConfException.usage("--paginate works with GET requests only");
    }
    List<String[]> extraHeaders = headers();
    String contentType = null;
    for (String[] h : extraHeaders) {
      if (h[0].equalsIgnoreCase("Content-Type")) {
        contentType = h[1];
      }
    }
    extraHeaders.removeIf(h -> h[0].equalsIgnoreCase("Content-Type"));

    RawApi api = ctx.rawApi();
    RawApi.Request request = new RawApi.Request(m, path, query, extraHeaders, body, contentType);
    Io io = ctx.io();
    RawApi.Response response = api.send(request);
    if (!paginate || !response.successful()) {
      printResponse(io, response);
      return finish(api, request, response);
    }

    // --paginate: every page's results merged into one array.
    ArrayNode merged = Json.mapper().createArrayNode();
    while (true) {
      if (include) {
        printHead(io, response);
      }
      JsonNode page = parse(response);
      JsonNode results = page == null ? null : page.get("results");
      if (results == null || !results.isArray()) {
        if (merged.isEmpty()) {
          // Not a paged collection: print the answer as it is, as without --paginate.
          printBody(io, response, page);
          return 0;
        }
        io.err().println("warning: a later page has no results array; stopped paging there");
        break;
      }
      merged.addAll((ArrayNode) results);
      String next = api.nextPage(response, page);
      if (next == null) {
        break;
      }
      RawApi.Request nextRequest =
          new RawApi.Request("GET", next, List.of(), extraHeaders, null, null);
      response = api.send(nextRequest);
      if (!response.successful()) {
        printResponse(io, response);
        return finish(api, nextRequest, response);
      }
    }
    printJson(io, merged);
    return 0;
  }

  private int finish(RawApi api, RawApi.Request request, RawApi.Response response) {
    if (response.successful() || (response.status() >= 300 && response.status() < 400)) {
      return 0;
    }
    io().out().flush();
    io().err().println("conf: " + api.describeFailure(request, response));
    return api.exitCodeFor(response.status());
  }

  private Io io() {
    return ctx.io();
  }

  private void printResponse(Io io, RawApi.Response response) {
    if (include) {
      printHead(io, response);
    }
    printBody(io, response, null);
  }

  private void printHead(Io io, RawApi.Response response) {
    io.startPager();
    String reason = response.reason() == null ? "" : response.reason();
    io.out()
        .println(
            response.protocol() + " " + response.status() + (reason.isEmpty() ? "" : " " + reason));
    for (String[] h : response.headers()) {
      io.out().println(h[0] + ": " + h[1]);
    }
    io.out().println();
  }

  private void printBody(Io io, RawApi.Response response, JsonNode parsed) {
    if (silent || response.body().length == 0) {
      io.out().flush();
      return;
    }
    if (jq != null) {
      JsonNode json = parsed != null ? parsed : parse(response);
      if (json == null) {
        throw new ConfException(ExitCode.ERROR, "--jq: the response is not JSON");
      }
      io.startPager();
      Jq.print(io, jq, json);
      return;
    }
    io.startPager();
    if (io.isStdoutTty() && isJson(response)) {
      JsonNode json = parsed != null ? parsed : parse(response);
      if (json != null) {
        printJson(io, json);
        return;
      }
    }
    // In a pipe the body goes out as it came, byte for byte as text.
    String text = new String(response.body(), StandardCharsets.UTF_8);
    io.out().print(text);
    if (io.isStdoutTty() && !text.endsWith("\n")) {
      io.out().println();
    }
    io.out().flush();
  }

  private void printJson(Io io, JsonNode json) {
    if (silent) {
      return;
    }
    if (jq != null) {
      io.startPager();
      Jq.print(io, jq, json);
      return;
    }
    io.startPager();
    try {
      io.out()
          .println(
              io.isStdoutTty()
                  ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json)
                  : Json.mapper().writeValueAsString(json));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    io.out().flush();
  }

  private static boolean isJson(RawApi.Response response) {
    String type = response.header("Content-Type");
    return type != null && type.toLowerCase(Locale.ROOT).contains("json");
  }

  /** The body as JSON, or null when it is not JSON. */
  private static JsonNode parse(RawApi.Response response) {
    if (response.body().length == 0) {
      return null;
    }
    try {
      return Json.mapper().readTree(response.body());
    } catch (IOException e) {
      return null;
    }
  }

  private List<ApiFields.Field> fields() {
    List<ApiFields.Field> fields = new ArrayList<>();
    try {
      for (String f : rawFields) {
        fields.add(ApiFields.parse(f, false, this::stdin));
      }
      for (String f : typedFields) {
        fields.add(ApiFields.parse(f, true, this::stdin));
      }
      ApiFields.body(fields); // checks the keys' brackets before anything is sent
    } catch (IllegalArgumentException e) {
      throw ConfException.usage(e.getMessage());
    }
    return fields;
  }

  private List<String[]> headers() {
    List<String[]> out = new ArrayList<>();
    for (String h : headers) {
      int colon = h.indexOf(':');
      if (colon <= 0) {
        throw ConfException.usage("header '" + h + "' is not 'Name: value'");
      }
      out.add(new String[] {h.substring(0, colon).trim(), h.substring(colon + 1).trim()});
    }
    return out;
  }

  private byte[] readInput() {
    if (input.equals("-")) {
      return stdin().getBytes(StandardCharsets.UTF_8);
    }
    try {
      return Files.readAllBytes(Path.of(input));
    } catch (IOException e) {
      throw ConfException.usage("cannot read --input " + input + ": " + e.getMessage());
    }
  }

  private String stdin() {
    if (stdinCache == null) {
      stdinCache = ctx.io().readAllStdin();
    }
    return stdinCache;
  }
}
