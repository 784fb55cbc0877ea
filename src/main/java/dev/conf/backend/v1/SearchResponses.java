package dev.conf.backend.v1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.backend.Links;
import dev.conf.http.ApiClient;
import dev.conf.http.Pager;
import dev.conf.service.SearchResult;
import dev.conf.service.SearchResults;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Reads v1 CQL search answers, which Cloud ({@code /wiki/rest/api/search}) and Data Center ({@code
 * /rest/api/search}) spell alike: {@code results[]} of {@code {content, title, excerpt, url,
 * resultGlobalContainer, lastModified, entityType}}, {@code totalSize} (the DC document says {@code
 * totalCount}), and {@code _links.next} relative to the API base (Cloud: a cursor; DC:
 * start/limit).
 */
public final class SearchResponses {
  private static final Pattern HIGHLIGHT = Pattern.compile("@@@(?:end)?hl@@@");
  private static final Pattern SPACE_URL = Pattern.compile("^/(?:spaces|display)/([^/?#]+)");
  private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x?)([0-9a-fA-F]+);");

  private SearchResponses() {}

  /**
   * Walks the search from {@code first} until {@code limit} results or the last page, and says
   * whether the server stopped short of the total it reported.
   */
  public static SearchResults collect(
      ApiClient api, HttpUrl first, HttpUrl linkBase, URI webBase, long limit) {
    long[] total = {-1};
    String[] base = {null};
    List<JsonNode> raw =
        Pager.of(api, first, linkBase, r -> r, limit)
            .onPage(
                page -> {
                  if (total[0] < 0) {
                    JsonNode t =
                        page.has("totalSize") ? page.get("totalSize") : page.get("totalCount");
                    total[0] = t != null && t.canConvertToLong() ? t.asLong() : -1;
                  }
                  if (base[0] == null) {
                    base[0] = Links.text(page.path("_links"), "base");
                  }
                })
            .toList();
    URI web = webBase != null ? webBase : base[0] == null ? null : URI.create(base[0]);
    List<SearchResult> results = raw.stream().map(r -> result(r, web)).toList();
    boolean truncated = results.size() < limit && total[0] > results.size();
    return new SearchResults(results, total[0], truncated);
  }

  static SearchResult result(JsonNode r, URI webBase) {
    JsonNode content = r.path("content");
    JsonNode space = content.path("space").isObject() ? content.path("space") : r.path("space");
    JsonNode container = r.path("resultGlobalContainer");
    String type = Links.text(content, "type");
    if (type == null) {
      type = Links.text(r, "entityType");
    }
    String id = Links.text(content, "id");
    if (id == null) {
      id = Links.text(space, "id");
    }
    String title = Links.text(content, "title");
    if (title == null) {
      title = plain(Links.text(r, "title"));
    }
    String spaceKey = Links.text(space, "key");
    if (spaceKey == null) {
      String display = Links.text(container, "displayUrl");
      Matcher m = display == null ? null : SPACE_URL.matcher(display);
      spaceKey = m != null && m.find() ? m.group(1) : null;
    }
    String spaceName = Links.text(space, "name");
    if (spaceName == null) {
      spaceName = Links.text(container, "title");
    }
    return new SearchResult(
        id,
        type,
        title,
        spaceKey,
        spaceName,
        instant(Links.text(r, "lastModified")),
        url(webBase, Links.text(r, "url")),
        plain(Links.text(r, "excerpt")));
  }

  private static String url(URI webBase, String url) {
    if (url == null || url.startsWith("http://") || url.startsWith("https://")) {
      return url;
    }
    if (webBase == null) {
      return null;
    }
    String base = webBase.toString();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
        + (url.startsWith("/") ? "" : "/")
        + url;
  }

  /** ISO-8601 UTC to the second, from an offset date-time such as Data Center's {@code +02:00}. */
  static String instant(String t) {
    if (t == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(t).toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * Search text as plain text: highlight markers ({@code @@@hl@@@word@@@endhl@@@}) and HTML
   * entities removed, whitespace collapsed to single spaces.
   */
  public static String plain(String s) {
    if (s == null) {
      return null;
    }
    String text = HIGHLIGHT.matcher(s).replaceAll("");
    Matcher m = NUMERIC_ENTITY.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      int code;
      try {
        code = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
      } catch (NumberFormatException e) {
        code = '?';
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(new String(Character.toChars(code))));
    }
    m.appendTail(sb);
    text =
        sb.toString()
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&nbsp;", " ")
            .replace("&hellip;", "…")
            .replace("&amp;", "&");
    text = text.replaceAll("\\s+", " ").trim();
    return text.isEmpty() ? null : text;
  }
}
