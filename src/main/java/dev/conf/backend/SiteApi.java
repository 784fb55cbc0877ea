package dev.conf.backend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.error.ConfException;
import dev.conf.http.ApiClient;
import dev.conf.service.RawApi;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * {@link RawApi} for a site: resolves paths and next links from the site's {@link ApiRoots} (the
 * same the service uses), refuses any other host, and sends through the site's {@link ApiClient}.
 *
 * <p>Next links: Cloud v2 writes {@code /wiki/api/v2/...?cursor=} (from the site root); Cloud v1
 * writes {@code /rest/api/...} (from {@code /wiki}); Data Center writes {@code
 * /rest/api/...?start=} from its context path, or a full URL.
 */
public final class SiteApi implements RawApi {
  private static final Pattern LINK_NEXT = Pattern.compile("<([^>]+)>\\s*;[^,]*rel=\"?next\"?");

  private final ApiRoots roots;
  private final ApiClient api;
  private final HttpUrl root;

  SiteApi(ApiRoots roots, ApiClient api) {
    this.roots = roots;
    this.api = api;
    this.root = roots.raw();
  }

  @Override
  public Response send(Request r) {
    HttpUrl url = resolve(r.target());
    if (!r.query().isEmpty()) {
      HttpUrl.Builder b = url.newBuilder();
      for (String[] q : r.query()) {
        b.addQueryParameter(q[0], q[1]);
      }
      url = b.build();
    }
    ApiClient.RawResponse answer = api.raw(r.method(), url, r.headers(), r.body(), r.contentType());
    return new Response(
        answer.status(),
        answer.reason(),
        answer.protocol(),
        answer.headers(),
        answer.body(),
        url.toString());
  }

  /** A path from the roots' {@code raw} base, or a URL on the site's host. */
  HttpUrl resolve(String target) {
    String t = target.trim();
    if (t.startsWith("http://") || t.startsWith("https://")) {
      HttpUrl url = HttpUrl.parse(t);
      if (url == null) {
        throw ConfException.usage("'" + target + "' is not a valid URL");
      }
      if (!sameHost(url)) {
        throw ConfException.usage(
            "refusing to send credentials to "
                + url.host()
                + ": this profile's site is "
                + root.host()
                + (root.port() == HttpUrl.defaultPort(root.scheme()) ? "" : ":" + root.port())
                + "; give a path such as "
                + example());
      }
      return url;
    }
    String b = root.toString().replaceAll("/+$", "");
    HttpUrl url = HttpUrl.parse(b + (t.startsWith("/") ? "" : "/") + t);
    if (url == null) {
      throw ConfException.usage("'" + target + "' is not a valid path");
    }
    return url;
  }

  @Override
  public String nextPage(Response response, JsonNode body) {
    String link = body == null ? null : Links.text(body.path("_links"), "next");
    if (link == null) {
      String header = response.header("Link");
      Matcher m = header == null ? null : LINK_NEXT.matcher(header);
      link = m != null && m.find() ? m.group(1) : null;
    }
    if (link == null) {
      return null;
    }
    if (link.startsWith("http://") || link.startsWith("https://")) {
      HttpUrl url = HttpUrl.parse(link);
      if (url == null || !sameHost(url)) {
        throw new ConfException(
            dev.conf.error.ExitCode.ERROR,
            "refusing to follow a next link to another host: " + link);
      }
      return url.toString();
    }
    HttpUrl base = roots.v2() != null && link.startsWith("/wiki/") ? roots.v2() : roots.v1();
    String b = base.toString().replaceAll("/+$", "");
    String basePath = base.encodedPath().replaceAll("/+$", "");
    if (!basePath.isEmpty() && link.startsWith(basePath + "/")) {
      b = b.substring(0, b.length() - basePath.length());
    }
    return b + (link.startsWith("/") ? "" : "/") + link;
  }

  @Override
  public int exitCodeFor(int status) {
    return ApiClient.exitCodeFor(status).code();
  }

  @Override
  public String describeFailure(Request request, Response response) {
    String message = ApiClient.errorMessage(new String(response.body(), StandardCharsets.UTF_8));
    HttpUrl url = HttpUrl.parse(response.url());
    return "HTTP "
        + response.status()
        + (response.reason() == null || response.reason().isBlank() ? "" : " " + response.reason())
        + " from "
        + request.method().toUpperCase(java.util.Locale.ROOT)
        + " "
        + (url == null ? response.url() : url.encodedPath())
        + (message.isEmpty() ? "" : ": " + message)
        + (response.status() == 401 ? " (run `conf auth status` to check the credentials)" : "");
  }

  private boolean sameHost(HttpUrl url) {
    return url.host().equalsIgnoreCase(root.host()) && url.port() == root.port();
  }

  private String example() {
    return roots.rawExample();
  }
}
