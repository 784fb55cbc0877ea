package dev.conf.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.conf.testing.TestSite;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A listing answered over three result pages, the way the space and search scenarios page: the
 * first page without the paging parameter, pages 2 and 3 with the deployment's token for them.
 */
final class ThreePages {
  private ThreePages() {}

  /**
   * Answers GET {@code path}: page 1 where the site's paging parameter is absent, page n (2, 3)
   * where it carries the site's token for page n of pages of two; {@code body.apply(n)} is page n's
   * JSON.
   */
  static void stub(WireMockExtension wm, String path, TestSite site, IntFunction<String> body) {
    String param = site.pageParam();
    wm.stubFor(
        get(urlPathEqualTo(path))
            .withQueryParam(param, absent())
            .willReturn(okJson(body.apply(1))));
    for (int n = 2; n <= 3; n++) {
      wm.stubFor(
          get(urlPathEqualTo(path))
              .withQueryParam(param, equalTo(site.pageToken(n, 2)))
              .willReturn(okJson(body.apply(n))));
    }
  }

  /**
   * A result page of items {@code first .. first+count-1} ({@code item.apply(i)} is item i's JSON)
   * whose {@code _links.next} is {@code next}, or absent when null.
   */
  static String resultsPage(IntFunction<String> item, int first, int count, String next) {
    List<String> items = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      items.add(item.apply(i));
    }
    return "{\"results\":["
        + String.join(",", items)
        + "],\"_links\":{"
        + (next == null ? "" : "\"next\":\"" + next + "\"")
        + "}}";
  }
}
