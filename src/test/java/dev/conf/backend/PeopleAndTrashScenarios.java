package dev.conf.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.conf.testing.ConfRunner.Result;
import dev.conf.testing.WireMockSuite;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * People shown by name, and content in the trash: the scenarios both deployments pass through the
 * real command line, HTTP stack and backend against WireMock, every request checked against the
 * deployment's OpenAPI document. Ann created page 42, Ed wrote its current version, Cy is only
 * mentioned; Cloud answers name them by account id alone, Data Center's by key, username and name.
 */
public abstract class PeopleAndTrashScenarios extends WireMockSuite {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Where one page (or blog post) is read, updated and deleted. */
  protected abstract String contentPath(boolean blog, String id);

  /** A page or blog post as a single read answers, with Ann as creator and Ed as last editor. */
  protected abstract String contentJson(
      boolean blog, String id, String title, int version, String status, String body);

  /** The id the deployment gives person {@code who} (ann, ed, cy): account id or user key. */
  protected abstract String idOf(String who);

  /** A bare mention of {@code who} in storage. */
  protected String mention(String who) {
    return "<ac:link><ri:user ri:" + idAttribute() + "=\"" + idOf(who) + "\"/></ac:link>";
  }

  /** {@code account-id} or {@code userkey}. */
  protected abstract String idAttribute();

  /** Answers the site's user lookups for these people (id to display name). */
  protected abstract void stubPeople(Map<String, String> names);

  /** Makes every user lookup fail with HTTP {@code status}. */
  protected abstract void stubPeopleFailing(int status);

  /** The user lookups conf sent. */
  protected abstract List<LoggedRequest> lookups();

  /** The ids each lookup asked for, one list per request. */
  protected abstract List<List<String>> askedIds();

  /** The answer to an error, as the deployment words it. */
  protected abstract String notFoundJson(String id);

  /** Asserts that the request restores content {@code id} from the trash as version {@code n}. */
  protected abstract void assertRestoreRequest(LoggedRequest put, String id, int n, String title);

  /** Page {@code id} at version 2, its version 1 readable too, both written by Ed. */
  protected abstract void stubTwoVersions(String id);

  /** Whether a purge request asks to remove content from the trash for good. */
  protected abstract boolean isPurge(LoggedRequest delete);

  // ---- helpers

  /** Content {@code id} readable as current. */
  protected void stubCurrent(boolean blog, String id, String title, int version, String body) {
    wm.stubFor(
        get(urlPathEqualTo(contentPath(blog, id)))
            .withQueryParam("status", absent())
            .willReturn(okJson(contentJson(blog, id, title, version, "current", body))));
  }

  /**
   * Content {@code id} in the trash: not found as current content, found when asked for with {@code
   * status=trashed}, as both deployments answer.
   */
  protected void stubTrashed(boolean blog, String id, String title, int version) {
    wm.stubFor(
        get(urlPathEqualTo(contentPath(blog, id)))
            .withQueryParam("status", absent())
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(notFoundJson(id))));
    wm.stubFor(
        get(urlPathEqualTo(contentPath(blog, id)))
            .withQueryParam("status", equalTo("trashed"))
            .willReturn(
                okJson(contentJson(blog, id, title, version, "trashed", "<p>Old notes</p>"))));
  }

  protected List<LoggedRequest> all() {
    return wm.findAll(anyRequestedFor(anyUrl()));
  }

  protected List<LoggedRequest> writes() {
    return all().stream().filter(r -> !r.getMethod().getName().equals("GET")).toList();
  }

  protected static JsonNode json(LoggedRequest r) {
    try {
      return JSON.readTree(r.getBodyAsString());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + r.getBodyAsString(), e);
    }
  }

  private void stubAnnEdCy() {
    stubPeople(
        Map.of(
            idOf("ann"), "Ann Author",
            idOf("ed"), "Ed Editor",
            idOf("cy"), "Cy Coder"));
  }

  // ---- people

  @Test
  void viewNamesEveryoneItShowsInAtMostOneLookup() {
    stubAnnEdCy();
    stubCurrent(
        false,
        "42",
        "Notes",
        7,
        "<p>Ask " + mention("cy") + " or " + mention("ann") + ", not " + mention("cy") + ".</p>");
    Result r = conf.pipe().run("page", "view", "42", "--format", "text");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("author\tAnn Author\n")
        .contains(" by Ed Editor\n")
        .endsWith("--\nAsk @Cy Coder or @Ann Author, not @Cy Coder.\n");
    assertThat(r.err()).isEmpty();
    // Cloud: one request for all three account ids, each once. Data Center: Ann and Ed came named
    // with the page, so only Cy is asked about.
    assertThat(lookups()).hasSizeLessThanOrEqualTo(1);
    List<String> asked = askedIds().stream().flatMap(List::stream).toList();
    assertThat(asked).doesNotHaveDuplicates().contains(idOf("cy"));
  }

  @Test
  void markdownWritesNamedMentionsThatConvertBackToTheSameMention() {
    stubAnnEdCy();
    stubCurrent(false, "42", "Notes", 7, "<p>Thanks " + mention("cy") + "</p>");
    Result r = conf.pipe().run("page", "view", "42", "--format", "markdown", "--raw");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .isEqualTo("Thanks [@Cy Coder](conf:user?" + idAttribute() + "=" + idOf("cy") + ")\n");

    Result back = conf.pipe().stdin(r.out()).run("convert", "--from", "md", "--to", "storage");
    assertThat(back.exitCode()).as(back.toString()).isZero();
    assertThat(back.out()).contains(mention("cy"));
  }

  @Test
  void jsonKeepsTheIdsBesideTheNames() throws Exception {
    stubAnnEdCy();
    stubCurrent(false, "42", "Notes", 7, "<p>x</p>");
    Result r =
        conf.pipe()
            .run("page", "view", "42", "--json", "author,authorId,lastUpdatedBy,lastUpdatedById");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode page = JSON.readTree(r.out());
    assertThat(page.path("author").asText()).isEqualTo("Ann Author");
    assertThat(page.path("authorId").asText()).isEqualTo(idOf("ann"));
    assertThat(page.path("lastUpdatedBy").asText()).isEqualTo("Ed Editor");
    assertThat(page.path("lastUpdatedById").asText()).isEqualTo(idOf("ed"));
  }

  @Test
  void jsonWithoutPeopleLooksNobodyUp() {
    stubAnnEdCy();
    stubCurrent(false, "42", "Notes", 7, "<p>" + mention("cy") + "</p>");
    Result r = conf.pipe().run("page", "view", "42", "--json", "id,title,authorId");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(lookups()).isEmpty();
  }

  @Test
  void aFailedLookupShowsTheIdsAndTheCommandStillWorks() {
    stubPeopleFailing(403);
    stubCurrent(false, "42", "Notes", 7, "<p>Hi " + mention("cy") + "</p>");
    Result r = conf.pipe().run("page", "view", "42", "--format", "text");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).endsWith("--\nHi @" + idOf("cy") + "\n");
    assertThat(r.err()).isEmpty();
    // Asked once, not again for the same ids within the run.
    assertThat(lookups()).hasSize(1);
  }

  @Test
  void blogViewNamesItsPeopleToo() {
    stubAnnEdCy();
    stubCurrent(true, "77", "Release", 2, "<p>By " + mention("cy") + "</p>");
    Result r = conf.pipe().run("blog", "view", "77", "--format", "text");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("author\tAnn Author\n").endsWith("--\nBy @Cy Coder\n");
  }

  @Test
  void historyNamesTheWritersAndJsonKeepsTheirIds() throws Exception {
    stubAnnEdCy();
    stubTwoVersions("42");
    Result r = conf.pipe().run("page", "history", "42", "--json", "number,author,authorId");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode versions = JSON.readTree(r.out());
    assertThat(versions).hasSize(2);
    for (JsonNode v : versions) {
      assertThat(v.path("author").asText()).isEqualTo("Ed Editor");
      assertThat(v.path("authorId").asText()).isEqualTo(idOf("ed"));
    }
    assertThat(lookups()).hasSizeLessThanOrEqualTo(1);
  }

  // ---- the trash

  @Test
  void viewShowsAPageInTheTrashAndSaysSo() {
    stubAnnEdCy();
    stubTrashed(false, "42", "Old page", 3);
    Result r = conf.pipe().run("page", "view", "42");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("status\ttrashed\ntitle\tOld page\nid\t42\n");
    assertThat(r.out()).endsWith("--\n<p>Old notes</p>\n");
    assertThat(r.err())
        .isEqualTo(
            "Page 42 is in the trash: `conf page restore 42` brings it back,"
                + " `conf page delete 42 --purge` deletes it for good.\n");
  }

  @Test
  void aPageNeitherCurrentNorTrashedIsNotFound() {
    wm.stubFor(
        get(urlPathEqualTo(contentPath(false, "43")))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(notFoundJson("43"))));
    Result r = conf.pipe().run("page", "view", "43");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("conf: page 43 not found\n");
  }

  @Test
  void restoreWithoutAVersionBringsAPageBackFromTheTrash() throws Exception {
    stubAnnEdCy();
    stubTrashed(false, "42", "Old page", 3);
    wm.stubFor(
        put(urlPathEqualTo(contentPath(false, "42")))
            .willReturn(okJson(contentJson(false, "42", "Old page", 4, "current", "<p>x</p>"))));
    Result r = conf.pipe().run("page", "restore", "42");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).isEqualTo("Restored page 'Old page' (42) from the trash as version 4.\n");
    assertThat(writes()).hasSize(1);
    assertRestoreRequest(writes().get(0), "42", 4, "Old page");

    Result json = conf.pipe().run("page", "restore", "42", "--json", "id,status,version");
    assertThat(JSON.readTree(json.out()).path("status").asText()).isEqualTo("current");
  }

  @Test
  void restoreWithoutAVersionRefusesAPageNotInTheTrash() {
    stubCurrent(false, "42", "Notes", 7, "<p>x</p>");
    Result r = conf.pipe().run("page", "restore", "42");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "conf: page 42 is not in the trash: give --version N to restore an older version"
                + " (see conf page history 42)\n");
    assertThat(writes()).isEmpty();
  }

  @Test
  void restoringAVersionOfATrashedPageSaysToBringItBackFirst() {
    stubTrashed(false, "42", "Old page", 3);
    Result r = conf.pipe().run("page", "restore", "42", "--version", "2");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("is in the trash").contains("conf page restore 42");
    assertThat(writes()).isEmpty();
  }

  @Test
  void blogRestoreBringsABlogPostBack() {
    stubTrashed(true, "77", "Release", 2);
    wm.stubFor(
        put(urlPathEqualTo(contentPath(true, "77")))
            .willReturn(okJson(contentJson(true, "77", "Release", 3, "current", "<p>x</p>"))));
    Result r = conf.pipe().run("blog", "restore", "77");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("Restored blog post 'Release' (77) from the trash as version 3.");
    assertRestoreRequest(writes().get(0), "77", 3, "Release");
  }

  @Test
  void purgeDeletesAPageAlreadyInTheTrashWithOneRequest() {
    stubTrashed(false, "42", "Old page", 3);
    wm.stubFor(
        delete(urlPathEqualTo(contentPath(false, "42"))).willReturn(aResponse().withStatus(204)));
    Result r = conf.pipe().run("page", "delete", "42", "--purge", "--yes");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).isEqualTo("Deleted page 'Old page' (42) for good.\n");
    assertThat(writes()).hasSize(1);
    assertThat(isPurge(writes().get(0))).isTrue();
  }

  @Test
  void purgeOnATerminalAsksNamingTheTrash() {
    stubTrashed(false, "42", "Old page", 3);
    wm.stubFor(
        delete(urlPathEqualTo(contentPath(false, "42"))).willReturn(aResponse().withStatus(204)));
    Result no = conf.terminal().stdin("n\n").run("page", "delete", "42", "--purge");
    assertThat(no.exitCode()).isEqualTo(1);
    assertThat(no.err())
        .contains("Delete page 'Old page' (42) from the trash for good? [y/N] ")
        .contains("cancelled");
    assertThat(writes()).isEmpty();

    Result yes = conf.terminal().stdin("y\n").run("page", "delete", "42", "--purge");
    assertThat(yes.exitCode()).as(yes.toString()).isZero();
    assertThat(writes()).hasSize(1);
    assertThat(isPurge(writes().get(0))).isTrue();
  }

  @Test
  void purgeInAPipeStillNeedsYes() {
    Result r = conf.pipe().run("page", "delete", "42", "--purge");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(all()).isEmpty();
  }

  @Test
  void blogPurgeDeletesAPostInTheTrash() {
    stubTrashed(true, "77", "Release", 2);
    wm.stubFor(
        delete(urlPathEqualTo(contentPath(true, "77"))).willReturn(aResponse().withStatus(204)));
    Result r = conf.pipe().run("blog", "delete", "77", "--purge", "--yes");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(writes()).hasSize(1);
    assertThat(isPurge(writes().get(0))).isTrue();
  }

  @Test
  void deletingAPageAlreadyInTheTrashChangesNothing() {
    stubTrashed(false, "42", "Old page", 3);
    wm.stubFor(
        delete(urlPathEqualTo(contentPath(false, "42")))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(notFoundJson("42"))));
    Result r = conf.pipe().run("page", "delete", "42", "--yes");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err())
        .isEqualTo(
            "Page 'Old page' (42) is already in the trash; nothing changed (--purge deletes it"
                + " for good).\n");
  }
}
