package dev.conf.backend;

import dev.conf.http.ApiClient;
import dev.conf.http.Pager;
import dev.conf.service.Attachment;
import dev.conf.service.Cql;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * The v1 CQL content search both deployments have ({@code GET /wiki/rest/api/content/search} on
 * Cloud, {@code GET /rest/api/content/search} on Data Center), for what would otherwise take one
 * request per page: every attachment of a space.
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
    HttpUrl url =
        search
            .newBuilder()
            .addQueryParameter("cql", "type = attachment AND space = " + Cql.quote(spaceKey))
            .addQueryParameter("expand", "container,version")
            .addQueryParameter("limit", String.valueOf(LIMIT))
            .build();
    return Pager.of(
            api, url, linkBase, a -> V1Attachments.attachment(a, linkBase, null), Long.MAX_VALUE)
        .toList();
  }
}
