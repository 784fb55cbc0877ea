package dev.conf.service;

import java.util.List;

/**
 * Requests as the user writes them, for {@code conf api}: the escape hatch to any REST operation
 * conf has no command for, through the same credentials, retries, proxies and debug log. Where a
 * path hangs from is the deployment's business: on Cloud the site root ({@code /wiki/api/v2/...},
 * {@code /wiki/rest/api/...}; the API gateway for scoped tokens), on Data Center the base URL with
 * its context path ({@code /rest/api/...}). SiteCredentials only ever go to the site's own host.
 */
public interface RawApi {
  /**
   * A request.
   *
   * @param target a path (with an optional query) relative to the site, or a full URL on the site's
   *     own host
   * @param query extra query parameters, name and value
   * @param headers extra headers, name and value
   * @param body null for none
   * @param contentType of the body; null for JSON
   */
  record Request(
      String method,
      String target,
      List<String[]> query,
      List<String[]> headers,
      byte[] body,
      String contentType) {}

  /** An answer as it came: any status, headers in the server's order, the body unparsed. */
  record Response(
      int status, String reason, String protocol, List<String[]> headers, byte[] body, String url) {
    public boolean successful() {
      return status >= 200 && status < 300;
    }

    /** The first value of a header, case-insensitively; null when absent. */
    public String header(String name) {
      for (String[] h : headers) {
        if (h[0].equalsIgnoreCase(name)) {
          return h[1];
        }
      }
      return null;
    }
  }

  /** Sends a request; exit 2 for a URL on another host, exit 1 when no answer came. */
  Response send(Request request);

  /**
   * The full URL of the page after {@code response}, from its body's {@code _links.next} (Cloud v2
   * cursors, v1 and Data Center start/limit) or else its {@code Link: <...>; rel="next"} header;
   * null on the last page.
   */
  String nextPage(Response response, com.fasterxml.jackson.databind.JsonNode body);

  /** The exit code for an unsuccessful status, the same mapping every command uses. */
  int exitCodeFor(int status);

  /** A one-line description of an unsuccessful answer, with Atlassian's message when it has one. */
  String describeFailure(Request request, Response response);
}
