package dev.conf.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conf.testing.ConfRunner.Result;
import dev.conf.testing.TestSite;
import org.junit.jupiter.api.Test;

/** Cloud: v1 {@code /wiki/rest/api/search}, cursor links relative to {@code /wiki}. */
class CloudSearchTest extends SearchScenarios {
  @Override
  protected TestSite site() {
    return TestSite.cloud(url());
  }

  @Override
  protected String searchPath() {
    return "/wiki/rest/api/search";
  }

  @Override
  protected String nextLink(int page) {
    return "/rest/api/search?cql=text+~+%22kubernetes%22&limit=2&cursor=c" + page;
  }

  @Override
  protected String lastModified(int hoursAgo) {
    return String.format("2026-11-29T%02d:00:00.000Z", 12 - hoursAgo);
  }

  @Override
  protected String hitUrl(int n) {
    return "/spaces/ENG/pages/" + (100 + n) + "/Kubernetes+guide+" + n;
  }

  @Override
  protected String webUrl(int n) {
    return wm.baseUrl() + "/wiki" + hitUrl(n);
  }

  @Test
  void asksForSpaceKeysWithoutBodyExpansionsThatWouldCapThePageSize() {
    stubThreePages(6, false);
    Result r = conf.pipe().run("search", "kubernetes", "--all");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(searches().get(0).queryParameter("expand").values())
        .containsExactly("content.space");
    assertThat(searches().get(0).queryParameter("limit").firstValue()).isEqualTo("100");
  }
}
