package dev.conf.backend.v1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.http.ApiClient;
import dev.conf.http.Pager;
import dev.conf.service.Attachment;
import dev.conf.service.Cql;
import java.util.List;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * The v1 CQL content search both deployments have ({@code GET /wiki/rest/api/content/search} on
 * Cloud, {@code GET /rest/api/content/search} on Data Center), for what would otherwise take one
 * request per page: every attachment of a space, conf publish's state of a tree, versions by id.
 */
public final class ContentSearch {
  /** Results asked for per request; the server may cap it lower and the pager follows next. */
  public static final int LIMIT = 200;

  private ContentSearch() {}

  /**
   * {@code GET .../content/search?cql=type = attachment AND space =
   * "KEY"&expand=container,version}, paged by {@code _links.next}: each attachment's page is its
   * container.
   *
   * @param search the search operation's URL
   * @param linkBase what next and download links hang from (the site's context path)
   */
  public static List<Attachment> attachmentsInSpace(
      ApiClient api, HttpUrl search, HttpUrl linkBase, String spaceKey) {
    return all(
        api,
        search,
        linkBase,
        "type = attachment AND space = " + Cql.quote(spaceKey),
        "container,version",
        a -> V1Attachments.attachment(a, linkBase, null));
  }

  /**
   * Every result of a CQL content search, {@value #LIMIT} asked for a request, paged by {@code
   * _links.next}.
   *
   * @param search the search operation's URL
   * @param linkBase what next links hang from (the site's context path)
   */
  public static <T> List<T> all(
      ApiClient api,
      HttpUrl search,
      HttpUrl linkBase,
      String cql,
      String expand,
      Function<JsonNode, T> mapper) {
    HttpUrl url =
        search
            .newBuilder()
            .addQueryParameter("cql", cql)
            .addQueryParameter("expand", expand)
            .addQueryParameter("limit", String.valueOf(LIMIT))
            .build();
    return Pager.of(api, url, linkBase, mapper, Long.MAX_VALUE).toList();
  }
}
