package dev.conf.backend;

import dev.conf.testing.TestSite;

/** Data Center under /confluence: paths and start/limit next links hang from the context path. */
class DataCenterApiTest extends ApiScenarios {
  static final String CONTEXT = "/confluence";
  static final String PAT = "dc-api-pat";

  @Override
  protected TestSite site() {
    return TestSite.dataCenter(url(), CONTEXT, PAT);
  }

  @Override
  protected String spacesPathTyped() {
    return "/rest/api/space";
  }

  @Override
  protected String spacesPathOnWire() {
    return CONTEXT + "/rest/api/space";
  }

  @Override
  protected String nextLink(int page) {
    return "/rest/api/space?limit=2&start=" + (page - 1) * 2;
  }

  @Override
  protected String pagePathTyped(String id) {
    return "/rest/api/content/" + id;
  }

  @Override
  protected String pagePathOnWire(String id) {
    return CONTEXT + "/rest/api/content/" + id;
  }

  @Override
  protected String[] createArgs() {
    return new String[] {
      "api",
      "/rest/api/content",
      "-f",
      "type=page",
      "-f",
      "title=Hello \"world\"",
      "-f",
      "space[key]=DOCS",
      "-f",
      "body[storage][value]=<p>Hi</p>",
      "-f",
      "body[storage][representation]=storage"
    };
  }

  @Override
  protected String createPathOnWire() {
    return CONTEXT + "/rest/api/content";
  }

  @Override
  protected String expectedCreateBody() {
    return "{\"type\":\"page\",\"title\":\"Hello \\\"world\\\"\",\"space\":{\"key\":\"DOCS\"},"
        + "\"body\":{\"storage\":{\"value\":\"<p>Hi</p>\",\"representation\":\"storage\"}}}";
  }
}
