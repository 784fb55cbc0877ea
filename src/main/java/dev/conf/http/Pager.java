package dev.conf.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * Walks a paged collection by following the server's {@code _links.next}: Cloud v2 cursors and v1 /
 * Data Center start/limit links alike, so callers never build offsets or cursors. It stops at the
 * limit and never fetches a page it does not need.
 *
 * <p>Relative next links are resolved against {@code linkBase}: Cloud v2 links ({@code
 * /wiki/api/v2/...}) hang from the site root, v1 and Data Center links ({@code /rest/api/...}) from
 * the API base with its context path. A next link to another host is refused: credentials never
 * leave the site.
 */
public final class Pager<T> implements Iterable<T> {
  private final ApiClient api;
  private final HttpUrl first;
  private final HttpUrl linkBase;
  private final Function<JsonNode, T> mapper;
  private final long limit;
  private Consumer<JsonNode> pageObserver = page -> {};

  private Pager(
      ApiClient api, HttpUrl first, HttpUrl linkBase, Function<JsonNode, T> mapper, long limit) {
    this.api = api;
    this.first = first;
    this.linkBase = linkBase;
    this.mapper = mapper;
    this.limit = limit;
  }

  /**
   * @param limit how many items to return at most; {@link Long#MAX_VALUE} for all
   */
  public static <T> Pager<T> of(
      ApiClient api, HttpUrl first, HttpUrl linkBase, Function<JsonNode, T> mapper, long limit) {
    return new Pager<>(api, first, linkBase, mapper, limit);
  }

  /**
   * Shows each fetched page, whole, to {@code observer} before its items are returned: for the
   * collection's own fields such as a search's {@code totalSize}.
   */
  public Pager<T> onPage(Consumer<JsonNode> observer) {
    this.pageObserver = observer;
    return this;
  }

  public List<T> toList() {
    List<T> all = new ArrayList<>();
    forEach(all::add);
    return all;
  }

  @Override
  public Iterator<T> iterator() {
    return new Iterator<>() {
      private final Deque<JsonNode> buffer = new ArrayDeque<>();
      private HttpUrl next = first;
      private long returned;

      @Override
      public boolean hasNext() {
        if (returned >= limit) {
          return false;
        }
        while (buffer.isEmpty() && next != null) {
          JsonNode page = api.get(next);
          pageObserver.accept(page);
          page.path("results").forEach(buffer::add);
          next = resolve(nextLink(page));
        }
        return !buffer.isEmpty();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        returned++;
        return mapper.apply(buffer.removeFirst());
      }
    };
  }

  private static String nextLink(JsonNode page) {
    JsonNode next = page.path("_links").path("next");
    return next.isTextual() && !next.asText().isBlank() ? next.asText() : null;
  }

  HttpUrl resolve(String link) {
    if (link == null) {
      return null;
    }
    HttpUrl url;
    if (link.startsWith("http://") || link.startsWith("https://")) {
      url = HttpUrl.parse(link);
      if (url != null
          && !(url.host().equalsIgnoreCase(linkBase.host()) && url.port() == linkBase.port())) {
        throw new ConfException(
            ExitCode.ERROR, "refusing to follow a next link to another host: " + url.host());
      }
    } else {
      String base = linkBase.toString();
      if (base.endsWith("/")) {
        base = base.substring(0, base.length() - 1);
      }
      String basePath = linkBase.encodedPath().replaceAll("/+$", "");
      if (!basePath.isEmpty() && link.startsWith(basePath + "/")) {
        // Already under the base (e.g. /wiki/rest/api/... from a /wiki base): do not double it.
        base = base.substring(0, base.length() - basePath.length());
      }
      url = HttpUrl.parse(base + (link.startsWith("/") ? "" : "/") + link);
    }
    if (url == null) {
      throw new ConfException(
          ExitCode.ERROR, "the server sent a next link that is not a URL: " + link);
    }
    return url;
  }
}
