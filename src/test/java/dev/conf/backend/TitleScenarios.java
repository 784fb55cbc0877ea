package dev.conf.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.conf.testing.ConfRunner.Result;
import dev.conf.testing.WireMockSuite;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code SPACEKEY:Title} forgives case, on both deployments: the REST title lookups are exact, so
 * when one finds nothing a CQL title search (which ignores case) finds the page whose title differs
 * only in case, or the titles to suggest. Through the real command line against WireMock, every
 * request checked against the deployment's OpenAPI document.
 */
public abstract class TitleScenarios extends WireMockSuite {
  protected abstract String pagePath(String id);

  /** Page {@code id} as its GET answers it, with body {@code <p>x</p>}. */
  protected abstract String pageJson(String id, String title);

  /** Space DOCS, and whatever else reading a page needs (user names). */
  protected abstract void stubSpace();

  /** The exact title lookup answers page {@code id} for {@code title}. */
  protected abstract void stubTitle(String title, String id);

  /** The exact title lookup answers nothing for every other title. */
  protected abstract void stubTitleMisses();

  /** The CQL search ({@code .../rest/api/search}). */
  protected abstract String searchPath();

  @BeforeEach
  void space() {
    stubSpace();
    stubTitleMisses();
  }

  /** The title search answers these pages of DOCS, ids 901, 902, … */
  protected void stubSearch(String... titles) {
    List<String> items = new ArrayList<>();
    int n = 901;
    for (String t : titles) {
      String id = String.valueOf(n++);
      items.add(
          "{\"content\":{\"id\":\""
              + id
              + "\",\"type\":\"page\",\"status\":\"current\",\"title\":"
              + CloudPageTest.q(t)
              + ",\"_links\":{\"webui\":\"/pages/"
              + id
              + "\"}},\"title\":"
              + CloudPageTest.q(t)
              + ",\"excerpt\":\"\",\"url\":\"/pages/"
              + id
              + "\",\"resultGlobalContainer\":{\"title\":\"Docs\",\"displayUrl\":\"/spaces/DOCS\"},"
              + "\"breadcrumbs\":[],\"entityType\":\"content\",\"iconCssClass\":\"aui-icon\","
              + "\"lastModified\":\"2026-11-01T10:00:00.000Z\",\"friendlyLastModified\":\"today\","
              + "\"score\":1.0}");
    }
    wm.stubFor(
        get(urlPathEqualTo(searchPath()))
            .willReturn(
                okJson(
                    "{\"results\":["
                        + String.join(",", items)
                        + "],\"start\":0,\"limit\":50,\"size\":"
                        + items.size()
                        + ",\"totalSize\":"
                        + items.size()
                        + ",\"cqlQuery\":\"x\",\"searchDuration\":3,\"_links\":{}}")));
  }

  private List<LoggedRequest> searches() {
    return wm.findAll(getRequestedFor(urlPathEqualTo(searchPath())));
  }

  @Test
  void anExactTitleIsOneLookupAndNoSearch() {
    stubTitle("Runbook", "42");
    wm.stubFor(
        get(urlPathEqualTo(pagePath("42")))
            .withQueryParam("version", absent())
            .willReturn(okJson(pageJson("42", "Runbook"))));
    Result r = conf.pipe().run("page", "view", "DOCS:Runbook", "--raw");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(searches()).isEmpty();
  }

  @Test
  void aTitleInAnotherCaseIsTakenWhenItIsTheOnlyOneWithANote() {
    stubTitle("RunBook", "42");
    wm.stubFor(
        get(urlPathEqualTo(pagePath("42")))
            .withQueryParam("version", absent())
            .willReturn(okJson(pageJson("42", "RunBook"))));
    stubSearch("RunBook archive", "RunBook");
    Result r = conf.pipe().run("page", "view", "DOCS:runbook", "--raw");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("<p>x</p>\n");
    assertThat(r.err()).isEqualTo("conf: no page titled 'runbook'; using 'RunBook'\n");
    assertThat(searches()).hasSize(1);
    assertThat(searches().get(0).queryParameter("cql").firstValue())
        .isEqualTo("space = \"DOCS\" AND type = page AND title ~ \"runbook\"");
  }

  @Test
  void aMisspeltTitleIsNotFoundNamingTheClosestTitles() {
    stubSearch("Release notes", "Runbooks", "Runbook");
    Result r = conf.pipe().run("page", "view", "DOCS:Runbok", "--raw");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err())
        .isEqualTo(
            "conf: no page titled 'Runbok' in space DOCS; did you mean 'Runbook' or"
                + " 'Runbooks'?\n");
  }

  @Test
  void twoTitlesThatDifferOnlyInCaseAreNotGuessedBetween() {
    stubSearch("RunBook", "RUNBOOK");
    Result r = conf.pipe().run("page", "view", "DOCS:runbook", "--raw");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).contains("did you mean 'RunBook' or 'RUNBOOK'?");
    assertThat(wm.findAll(anyRequestedFor(anyUrl())))
        .noneMatch(q -> q.getUrl().contains("/pages/9") || q.getUrl().contains("/content/9"));
  }

  @Test
  void nothingLikeItIsTheLookupsOwnNotFound() {
    stubSearch("Release notes");
    Result r = conf.pipe().run("page", "view", "DOCS:Runbook", "--raw");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("conf: no page titled 'Runbook' in space DOCS\n");
  }
}
