package dev.conf.backend;

import dev.conf.testing.TestSite;

/** Data Center under /confluence: {@code /rest/api/search}, start/limit links. */
class DataCenterSearchTest extends SearchScenarios {
  static final String CONTEXT = "/confluence";

  @Override
  protected TestSite site() {
    return TestSite.dataCenter(url(), CONTEXT);
  }

  @Override
  protected String searchPath() {
    return CONTEXT + "/rest/api/search";
  }

  @Override
  protected String nextLink(int page) {
    return "/rest/api/search?cql=text+~+%22kubernetes%22&limit=2&start=" + (page - 1) * 2;
  }

  @Override
  protected String lastModified(int hoursAgo) {
    // Data Center writes the server's offset.
    return String.format("2026-11-29T%02d:00:00.000+01:00", 13 - hoursAgo);
  }

  @Override
  protected String hitUrl(int n) {
    return "/display/ENG/Kubernetes+guide+" + n;
  }

  @Override
  protected String webUrl(int n) {
    return siteUrl() + hitUrl(n);
  }
}
