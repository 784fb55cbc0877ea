package dev.conf.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.conf.testing.ConfRunner.Result;
import dev.conf.testing.WireMockSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The page and blog post scenarios both deployments pass, through the real command line, HTTP stack
 * and backend against WireMock. Subclasses say how their deployment spells pages on the wire; after
 * each test every request is checked against the deployment's OpenAPI document.
 */
public abstract class PageScenarios extends WireMockSuite {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Where one page is read, updated and deleted. */
  protected abstract String pagePath(String id);

  /** Where pages are created. */
  protected abstract String createPath();

  /** The wire JSON of a page with its body, labels and version, as a single-page read answers. */
  protected abstract String pageJson(
      String id, String title, int version, String body, String parentId);

  /** The URL conf prints for the page. */
  protected abstract String pageUrl(String id, String title);

  /** The storage body inside a create or update request. */
  protected abstract String bodyOf(JsonNode request);

  /** The parent id inside a create request. */
  protected abstract String parentOf(JsonNode request);

  /** Answers what the deployment needs to know about space KEY (Cloud: its id). */
  protected abstract void stubSpace(String key);

  /** Answers a title lookup in a space with page {@code id}. */
  protected abstract void stubTitle(String key, String title, String id);

  /** {@code total} pages of space DOCS over pages of {@code perPage}; returns the list path. */
  protected abstract String stubPageList(int total, int perPage);

  /** Answers the version listing of a page at version {@code current} (Cloud only). */
  protected abstract void stubVersionList(String id, int current);

  /**
   * Stubs a tree of {@code n} pages under page {@code rootId}; returns the most requests it may
   * take.
   */
  protected abstract int stubTree(String rootId, int n);

  /** Stubs a space of {@code n} pages; returns the most requests it may take. */
  protected abstract int stubSpaceTree(String key, int n);

  /** Answers the direct children of page {@code id}: ids {@code id*10+1 ..} titled "Child N". */
  protected abstract void stubChildren(String id, int n);

  protected abstract void stubMove(String id, String targetId);

  protected abstract void assertMovedUnder(String id, String targetId);

  protected abstract void stubCopy(String sourceId, String parentId, String newId);

  protected abstract void assertCopied(String sourceId, String parentId, String title);

  /** Where one blog post is read, updated and deleted. */
  protected abstract String blogPath(String id);

  /** Where blog posts are created. */
  protected abstract String blogCreatePath();

  /** The wire JSON of a blog post. */
  protected abstract String blogJson(String id, String title, int version, String body);

  /** Stubs every test may need (Cloud: user names). */
  protected void stubCommon() {}

  @BeforeEach
  void commonAnswers() {
    stubCommon();
  }

  /** The tree of {@code stubTree}: 20 pages under the root, the rest spread under those. */
  protected static String treeParent(int k, String rootId) {
    return k <= 1020 ? rootId : String.valueOf(1001 + (k - 1021) % 20);
  }

  /** The space of {@code stubSpaceTree}: 1001 at the top, 19 under it, the rest under those. */
  protected static String spaceParent(int k) {
    if (k == 1001) {
      return null;
    }
    return k <= 1020 ? "1001" : String.valueOf(1002 + (k - 1021) % 19);
  }

  /** Page {@code id} at {@code version}, readable as the current one and as that version. */
  protected void stubPage(String id, String title, int version, String body) {
    wm.stubFor(
        get(urlPathEqualTo(pagePath(id)))
            .withQueryParam("version", absent())
            .willReturn(okJson(pageJson(id, title, version, body, "100"))));
    stubVersion(id, title, version, body);
  }

  protected void stubVersion(String id, String title, int version, String body) {
    wm.stubFor(
        get(urlPathEqualTo(pagePath(id)))
            .withQueryParam("version", equalTo(String.valueOf(version)))
            .willReturn(okJson(pageJson(id, title, version, body, "100"))));
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

  // ---- view

  @Test
  void viewShowsMetadataAndBodyInAPipe() {
    stubPage("42", "Release notes", 7, "<p>Hello <b>world</b></p>");
    Result r = conf.pipe().run("page", "view", "42");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "title\tRelease notes\n"
                + "id\t42\n"
                + "space\tDOCS\n"
                + "version\t7\n"
                + "author\tAnn Author\n"
                + "updated\t2026-11-01T10:00:00.000Z by Ed Editor\n"
                + "url\t"
                + pageUrl("42", "Release notes")
                + "\n"
                + "labels\thowto, release\n"
                + "parent\t100\n"
                + "--\n"
                + "<p>Hello <b>world</b></p>\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void viewOnATerminalShowsTextAndRelativeTimes() {
    stubPage("42", "Release notes", 7, "<h1>Notes</h1><p>Hello &amp; welcome</p>");
    Result r = conf.terminal().run("page", "view", "42");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .startsWith("Title:    Release notes\nID:       42\nSpace:    DOCS\nVersion:  7\n")
        .contains("Updated:  28 days ago by Ed Editor\n")
        .endsWith("\n\nNotes\n\nHello & welcome\n");
  }

  @Test
  void viewAsTextAndJson() throws Exception {
    stubPage(
        "42",
        "Release notes",
        7,
        "<h1>Title</h1><p>Hello &amp; <b>world</b></p><ul><li>a</li><li>b</li></ul>");
    Result text = conf.pipe().run("page", "view", "42", "--format", "text", "--raw");
    assertThat(text.out()).isEqualTo("Title\n\nHello & world\n\n• a\n• b\n");

    Result json = conf.pipe().run("page", "view", "42", "--json");
    assertThat(json.exitCode()).as(json.toString()).isZero();
    JsonNode page = JSON.readTree(json.out());
    assertThat(page.path("id").asText()).isEqualTo("42");
    assertThat(page.path("type").asText()).isEqualTo("page");
    assertThat(page.path("version").asInt()).isEqualTo(7);
    assertThat(page.path("spaceKey").asText()).isEqualTo("DOCS");
    assertThat(page.path("parentId").asText()).isEqualTo("100");
    assertThat(page.path("labels").toString()).isEqualTo("[\"howto\",\"release\"]");
    assertThat(page.path("bodyFormat").asText()).isEqualTo("storage");
    assertThat(page.path("url").asText()).isEqualTo(pageUrl("42", "Release notes"));
  }

  @Test
  void viewJsonSelectsTheAskedFieldsInTheAskedOrder() throws Exception {
    stubPage("42", "Release notes", 7, "<p>x</p>");
    Result r = conf.pipe().run("page", "view", "42", "--json", "id,title,version");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode page = JSON.readTree(r.out());
    assertThat(page.fieldNames()).toIterable().containsExactly("id", "title", "version");
    assertThat(page.path("id").asText()).isEqualTo("42");
    assertThat(page.path("title").asText()).isEqualTo("Release notes");
    assertThat(page.path("version").asInt()).isEqualTo(7);

    Result jq = conf.pipe().run("page", "view", "42", "--jq", ".lastUpdatedBy");
    assertThat(jq.out()).isEqualTo("Ed Editor\n");
  }

  @Test
  void anUnknownJsonFieldExits2ListingTheFieldsBeforeAnyRequest() {
    Result r = conf.pipe().run("page", "view", "42", "--json", "id,titel");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith(
            "conf: unknown JSON field: titel\nAvailable fields:\n  id\n  type\n  title\n"
                + "  status\n  spaceId\n  spaceKey\n  parentId\n  version\n  versionMessage\n"
                + "  author\n  authorId\n  created\n  lastUpdatedBy\n  lastUpdatedById\n"
                + "  lastUpdated\n  url\n  labels\n"
                + "  bodyFormat\n  body\n");
    Result list = conf.pipe().run("page", "list", "--space", "DOCS", "--json=nope");
    assertThat(list.exitCode()).isEqualTo(2);
    assertThat(list.err()).startsWith("conf: unknown JSON field: nope\n");
    Result tree = conf.pipe().run("page", "tree", "1", "--json", "id,parentId");
    assertThat(tree.exitCode()).isEqualTo(2);
    assertThat(tree.err())
        .startsWith(
            "conf: unknown JSON field: parentId\nAvailable fields:\n  id\n  title\n  type\n"
                + "  children\n");
    Result history = conf.pipe().run("page", "history", "42", "--json", "number,who");
    assertThat(history.exitCode()).isEqualTo(2);
    assertThat(all()).isEmpty();
  }

  /** Asserts the read asked the server for the rendered (view) body. */
  protected abstract void assertAskedForViewFormat(LoggedRequest read);

  @Test
  void viewFormatAsksForTheRenderedBody() {
    stubPage("42", "Notes", 7, "<p>x</p>");
    Result r = conf.pipe().run("page", "view", "42", "--format", "view", "--raw");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertAskedForViewFormat(
        wm.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                    urlPathEqualTo(pagePath("42"))))
            .get(0));
  }

  @Test
  void diffOfTextComparesWhatAReaderSees() {
    stubPage("42", "Notes", 5, "<p>Ship on <b>Monday</b></p>");
    stubVersion("42", "Notes", 2, "<p>Ship on <i>Friday</i></p>");
    Result r = conf.pipe().run("page", "diff", "42", "--from", "2", "--format", "text");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "--- page 42 version 2\n+++ page 42 version 5\n@@ -1 +1 @@\n-Ship on Friday\n+Ship on Monday\n");
  }

  @Test
  void viewAnOlderVersionAsksForIt() {
    stubPage("42", "Notes", 7, "<p>new</p>");
    stubVersion("42", "Notes", 3, "<p>old</p>");
    Result r = conf.pipe().run("page", "view", "42", "--version", "3", "--raw");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("<p>old</p>\n");
  }

  @Test
  void viewByKeyAndTitleLooksThePageUp() {
    stubSpace("DOCS");
    stubTitle("DOCS", "Release notes", "42");
    stubPage("42", "Release notes", 7, "<p>x</p>");
    Result r = conf.pipe().run("page", "view", "DOCS:Release notes", "--raw");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("<p>x</p>\n");
  }

  @Test
  void viewWebOpensTheBrowserOrPrintsTheUrl() {
    stubPage("42", "Notes", 7, "<p>x</p>");
    Result r = conf.pipe().run("page", "view", "42", "--web");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(conf.browsed).containsExactly(pageUrl("42", "Notes"));
    assertThat(r.out()).isEmpty();

    conf.browserAvailable = false;
    Result printed = conf.pipe().run("open", "42");
    assertThat(printed.out()).isEqualTo(pageUrl("42", "Notes") + "\n");
  }

  @Test
  void aUrlOfAnotherSiteIsRefusedWithoutARequest() {
    Result r = conf.pipe().run("page", "view", "https://evil.example.com/wiki/spaces/X/pages/42/T");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("belongs to evil.example.com");
    assertThat(all()).isEmpty();
  }

  // ---- list

  @Test
  void listFollowsEveryResultPage() {
    stubSpace("DOCS");
    String path = stubPageList(5, 2);
    Result r = conf.pipe().run("page", "list", "--space", "DOCS", "--all");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().lines())
        .extracting(l -> l.split("\t")[1])
        .containsExactly("Page 1", "Page 2", "Page 3", "Page 4", "Page 5");
    assertThat(r.out().lines().findFirst().orElseThrow()).startsWith("501\tPage 1\tcurrent\t1\t");
    assertThat(
            wm.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                    urlPathEqualTo(path))))
        .hasSize(3);

    Result json = conf.pipe().run("page", "list", "--space", "DOCS", "--limit", "1", "--json");
    assertThat(json.exitCode()).as(json.toString()).isZero();
    assertThat(json.out())
        .contains("\"title\" : \"Page 1\"")
        .contains("\"author\" : \"Ann Author\"")
        .contains("\"lastUpdatedBy\" : \"Ed Editor\"")
        .contains("\"body\" : null");

    wm.resetRequests();
    Result two = conf.pipe().run("page", "list", "--space", "DOCS", "--limit", "2");
    assertThat(two.out().lines()).hasSize(2);
    assertThat(
            wm.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                    urlPathEqualTo(path))))
        .hasSize(1);
  }

  @Test
  void listJqPrintsRawTitlesAndASelectionSkipsTheNameLookup() throws Exception {
    stubSpace("DOCS");
    stubPageList(3, 5);
    Result r = conf.pipe().run("page", "list", "--space", "DOCS", "--jq", ".[].title");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("Page 1\nPage 2\nPage 3\n");

    wm.resetRequests();
    Result ids = conf.pipe().run("page", "list", "--space", "DOCS", "--json", "id,title");
    assertThat(ids.exitCode()).as(ids.toString()).isZero();
    JsonNode first = JSON.readTree(ids.out()).get(0);
    assertThat(first.fieldNames()).toIterable().containsExactly("id", "title");
    assertThat(first.path("title").asText()).isEqualTo("Page 1");
    assertThat(all()).noneMatch(req -> req.getUrl().contains("/user"));
  }

  // ---- create

  @Test
  void aTitleTheSpaceHasIsAConflictNamingThePage() {
    stubSpace("DOCS");
    stubTitle("DOCS", "Runbook", "88");
    wm.stubFor(
        post(urlPathEqualTo(createPath()))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"statusCode\":400,\"message\":\"A page with this title already"
                            + " exists: A page already exists with the same TITLE in this"
                            + " space\"}")));
    Result r =
        conf.pipe()
            .stdin("<p>x</p>")
            .run("page", "create", "--space", "DOCS", "--title", "Runbook", "-");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
    assertThat(r.err())
        .isEqualTo(
            "conf: a page titled 'Runbook' already exists in DOCS: 88 (`conf page update 88`"
                + " changes it)\n");
    Result json =
        conf.pipe()
            .stdin("<p>x</p>")
            .run("page", "create", "--space", "DOCS", "--title", "Runbook", "-", "--json");
    assertThat(json.err()).contains("\"code\":\"conflict\"", "\"exit\":5", "\"status\":400");
  }

  @Test
  void createSendsTitleSpaceParentAndBodyFromAFile() throws Exception {
    stubSpace("DOCS");
    Path file = tmp.resolve("body.xhtml");
    Files.writeString(file, "<p>Fresh</p>");
    wm.stubFor(
        post(urlPathEqualTo(createPath()))
            .willReturn(okJson(pageJson("77", "Fresh page", 1, "<p>Fresh</p>", "100"))));
    Result r =
        conf.pipe()
            .run(
                "page",
                "create",
                "--space",
                "DOCS",
                "--title",
                "Fresh page",
                "--parent",
                "100",
                "--file",
                file.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo(pageUrl("77", "Fresh page") + "\n");
    assertThat(r.err()).isEqualTo("Created page 'Fresh page' (77).\n");
    LoggedRequest sent = wm.findAll(postRequestedFor(urlPathEqualTo(createPath()))).get(0);
    JsonNode body = json(sent);
    assertThat(body.path("title").asText()).isEqualTo("Fresh page");
    assertThat(bodyOf(body)).isEqualTo("<p>Fresh</p>");
    assertThat(parentOf(body)).isEqualTo("100");
  }

  @Test
  void createReadsTheBodyFromStdin() {
    stubSpace("DOCS");
    wm.stubFor(
        post(urlPathEqualTo(createPath()))
            .willReturn(okJson(pageJson("77", "Piped", 1, "<p>piped</p>", "100"))));
    Result r =
        conf.pipe()
            .stdin("<p>piped</p>")
            .run("page", "create", "--space", "DOCS", "--title", "Piped", "-");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(bodyOf(json(wm.findAll(postRequestedFor(urlPathEqualTo(createPath()))).get(0))))
        .isEqualTo("<p>piped</p>");
  }

  @Test
  void markdownFilesAreConvertedOnCreateAndUpdateAndViewedBack() throws Exception {
    stubSpace("DOCS");
    Path md = tmp.resolve("notes.md");
    Files.writeString(md, "# Notes\n\n> [!WARNING]\n> Restart **first**.\n");
    wm.stubFor(
        post(urlPathEqualTo(createPath()))
            .willReturn(okJson(pageJson("77", "Notes", 1, "<p>x</p>", "100"))));
    Result created =
        conf.pipe()
            .run("page", "create", "--space", "DOCS", "--title", "Notes", "--file", md.toString());
    assertThat(created.exitCode()).as(created.toString()).isZero();
    String storage =
        bodyOf(json(wm.findAll(postRequestedFor(urlPathEqualTo(createPath()))).get(0)));
    assertThat(storage)
        .startsWith("<h1>Notes</h1>")
        .contains("<ac:structured-macro ac:name=\"note\">")
        .contains("<strong>first</strong>");

    stubPage("42", "Notes", 7, "<p>old</p>");
    wm.stubFor(
        put(urlPathEqualTo(pagePath("42")))
            .willReturn(okJson(pageJson("42", "Notes", 8, "<p>new</p>", "100"))));
    Result updated =
        conf.pipe()
            .stdin("Plain *words*\n")
            .run("page", "update", "42", "--format", "markdown", "-");
    assertThat(updated.exitCode()).as(updated.toString()).isZero();
    assertThat(bodyOf(json(wm.findAll(putRequestedFor(urlPathEqualTo(pagePath("42")))).get(0))))
        .isEqualTo("<p>Plain <em>words</em></p>\n");

    stubPage("43", "Styled", 2, "<h2>Steps</h2><ul><li><p>one</p></li></ul>");
    Result viewed = conf.pipe().run("page", "view", "43", "--format", "markdown", "--raw");
    assertThat(viewed.exitCode()).as(viewed.toString()).isZero();
    assertThat(viewed.out()).isEqualTo("## Steps\n\n- one\n");

    int before = all().size();
    Result bad =
        conf.pipe()
            .run(
                "page",
                "create",
                "--space",
                "DOCS",
                "--title",
                "X",
                "--format",
                "html",
                "--file",
                md.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).isEqualTo("conf: --format must be storage or markdown, not 'html'\n");
    assertThat(all()).hasSize(before);
  }

  /**
   * The language a site's code macro gets for a fenced block written with {@code written}, or null
   * for none (Data Center's macro refuses names it does not know).
   */
  protected abstract String siteCodeLanguage(String written);

  private String codeMacro(String written, String code) {
    String language = siteCodeLanguage(written);
    return "<ac:structured-macro ac:name=\"code\">"
        + (language == null
            ? ""
            : "<ac:parameter ac:name=\"language\">" + language + "</ac:parameter>")
        + "<ac:plain-text-body><![CDATA["
        + code
        + "]]></ac:plain-text-body></ac:structured-macro>\n";
  }

  @Test
  void markdownCodeBlocksGetTheSitesLanguageNamesOnCreateAndUpdate() throws Exception {
    stubSpace("DOCS");
    Path md = tmp.resolve("code.md");
    Files.writeString(md, "```Python\na\n```\n\n```kotlin\nb\n```\n");
    wm.stubFor(
        post(urlPathEqualTo(createPath()))
            .willReturn(okJson(pageJson("77", "Code", 1, "<p>x</p>", "100"))));
    Result created =
        conf.pipe()
            .run("page", "create", "--space", "DOCS", "--title", "Code", "--file", md.toString());
    assertThat(created.exitCode()).as(created.toString()).isZero();
    assertThat(bodyOf(json(wm.findAll(postRequestedFor(urlPathEqualTo(createPath()))).get(0))))
        .isEqualTo(codeMacro("Python", "a") + codeMacro("kotlin", "b"));

    stubPage("42", "Code", 7, "<p>old</p>");
    wm.stubFor(
        put(urlPathEqualTo(pagePath("42")))
            .willReturn(okJson(pageJson("42", "Code", 8, "<p>new</p>", "100"))));
    Result updated = conf.pipe().run("page", "update", "42", "--file", md.toString());
    assertThat(updated.exitCode()).as(updated.toString()).isZero();
    assertThat(bodyOf(json(wm.findAll(putRequestedFor(urlPathEqualTo(pagePath("42")))).get(0))))
        .isEqualTo(codeMacro("Python", "a") + codeMacro("kotlin", "b"));
  }

  @Test
  void createWithoutABodyIsRefusedAndBodyAndLabelAreShortcuts() throws Exception {
    stubSpace("DOCS");
    Result empty = conf.pipe().run("page", "create", "--space", "DOCS", "--title", "Forgot");
    assertThat(empty.exitCode()).isEqualTo(2);
    assertThat(empty.err())
        .isEqualTo(
            "conf: no body: give --file F (- for stdin) or --body TEXT; --allow-empty creates an"
                + " empty page\n");
    assertThat(all()).isEmpty();
    wm.stubFor(
        post(urlPathEqualTo(createPath()))
            .willReturn(
                okJson(pageJson("77", "Short", 1, "<p>Hi <strong>all</strong></p>", "100"))));
    wm.stubFor(post(urlPathMatching(".*/content/77/label")).willReturn(okJson("{\"results\":[]}")));
    Result r =
        conf.pipe()
            .run(
                "page",
                "create",
                "--space",
                "DOCS",
                "--title",
                "Short",
                "--body",
                "Hi **all**",
                "--label",
                "ops",
                "-l",
                "Runbook");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode sent = json(wm.findAll(postRequestedFor(urlPathEqualTo(createPath()))).get(0));
    assertThat(bodyOf(sent)).isEqualTo("<p>Hi <strong>all</strong></p>\n");
    String labelRequests =
        wm.findAll(postRequestedFor(urlPathMatching(".*/content/77/label"))).stream()
            .map(LoggedRequest::getBodyAsString)
            .collect(java.util.stream.Collectors.joining());
    assertThat(labelRequests).contains("\"ops\"").contains("\"runbook\"");
    Result allowed =
        conf.pipe().run("page", "create", "--space", "DOCS", "--title", "Short", "--allow-empty");
    assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
    Result both =
        conf.pipe()
            .stdin("x")
            .run("page", "create", "--space", "DOCS", "--title", "T", "--body", "x", "-");
    assertThat(both.exitCode()).isEqualTo(2);
  }

  @Test
  void aMarkdownFilesFrontMatterGivesTheTitleAndLabels() throws Exception {
    stubSpace("DOCS");
    Path md = tmp.resolve("runbook.md");
    Files.writeString(md, "---\ntitle: Restart runbook\nlabels: [Runbook, ops]\n---\nSteps.\n");
    wm.stubFor(
        post(urlPathEqualTo(createPath()))
            .willReturn(okJson(pageJson("77", "Restart runbook", 1, "<p>Steps.</p>", "100"))));
    wm.stubFor(post(urlPathMatching(".*/content/77/label")).willReturn(okJson("{\"results\":[]}")));
    Result r = conf.pipe().run("page", "create", "--space", "DOCS", "--file", md.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode sent = json(wm.findAll(postRequestedFor(urlPathEqualTo(createPath()))).get(0));
    assertThat(sent.path("title").asText()).isEqualTo("Restart runbook");
    assertThat(bodyOf(sent)).isEqualTo("<p>Steps.</p>\n");
    String labelRequests =
        wm.findAll(postRequestedFor(urlPathMatching(".*/content/77/label"))).stream()
            .map(LoggedRequest::getBodyAsString)
            .collect(java.util.stream.Collectors.joining());
    assertThat(labelRequests).contains("\"runbook\"").contains("\"ops\"").doesNotContain("Runbook");

    int before = all().size();
    Path bad = tmp.resolve("bad.md");
    Files.writeString(bad, "---\ntitle: T\nlabels: [two words]\n---\nx\n");
    Result refused = conf.pipe().run("page", "create", "--space", "DOCS", "--file", bad.toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("contains a space");
    Result untitled =
        conf.pipe()
            .stdin("x")
            .run("page", "create", "--space", "DOCS", "--format", "markdown", "-");
    assertThat(untitled.exitCode()).isEqualTo(2);
    assertThat(untitled.err()).contains("--title is required");
    assertThat(all()).hasSize(before);
  }

  @Test
  void aMissingFileFailsBeforeAnyRequest() {
    Result create =
        conf.pipe()
            .run(
                "page",
                "create",
                "--space",
                "DOCS",
                "--title",
                "T",
                "--file",
                tmp.resolve("nope.xhtml").toString());
    assertThat(create.exitCode()).isEqualTo(2);
    assertThat(create.err()).contains("no such file");
    Result update =
        conf.pipe().run("page", "update", "42", "--file", tmp.resolve("nope").toString());
    assertThat(update.exitCode()).isEqualTo(2);
    assertThat(all()).isEmpty();
  }

  // ---- update

  @Test
  void updateSendsTheVersionItReadPlusOne() throws Exception {
    stubPage("42", "Notes", 7, "<p>old</p>");
    wm.stubFor(
        put(urlPathEqualTo(pagePath("42")))
            .willReturn(okJson(pageJson("42", "Notes", 8, "<p>new</p>", "100"))));
    Path file = tmp.resolve("new.xhtml");
    Files.writeString(file, "<p>new</p>\n");
    Result r = conf.pipe().run("page", "update", "42", "--file", file.toString(), "-m", "typo");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).isEqualTo("Updated page 'Notes' (42) to version 8.\n");
    List<LoggedRequest> puts = wm.findAll(putRequestedFor(urlPathEqualTo(pagePath("42"))));
    assertThat(puts).hasSize(1);
    JsonNode body = json(puts.get(0));
    assertThat(body.path("version").path("number").asInt()).isEqualTo(8);
    assertThat(body.path("version").path("message").asText()).isEqualTo("typo");
    assertThat(body.path("title").asText()).isEqualTo("Notes");
    assertThat(bodyOf(body)).isEqualTo("<p>new</p>\n");
  }

  // ---- writes whose answer was lost (backend/WriteOutcome, with v1/V1WriteOutcome and
  // v2/V2WriteOutcome)

  /**
   * An update whose first attempt landed but whose answer was cut off mid-body: the replay meets
   * 409 (the version it sends is taken now). The page as the server has it is this update, so it is
   * a success, not a conflict.
   */
  @Test
  void anUpdateWhoseAnswerWasCutOffAfterItLandedIsASuccess() {
    String race = "lost answer";
    wm.stubFor(
        get(urlPathEqualTo(pagePath("42")))
            .inScenario(race)
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willReturn(okJson(pageJson("42", "Notes", 7, "<p>old</p>", "100"))));
    wm.stubFor(
        put(urlPathEqualTo(pagePath("42")))
            .inScenario(race)
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withFault(com.github.tomakehurst.wiremock.http.Fault.MALFORMED_RESPONSE_CHUNK))
            .willSetStateTo("landed"));
    wm.stubFor(
        put(urlPathEqualTo(pagePath("42")))
            .inScenario(race)
            .whenScenarioStateIs("landed")
            .willReturn(
                aResponse()
                    .withStatus(409)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"statusCode\":409,\"message\":\"Version must be incremented\"}")));
    wm.stubFor(
        get(urlPathEqualTo(pagePath("42")))
            .inScenario(race)
            .whenScenarioStateIs("landed")
            .willReturn(okJson(pageJson("42", "Notes", 8, "<p>new</p>", "100"))));
    Result r = conf.pipe().stdin("<p>new</p>").run("page", "update", "42", "-");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).endsWith("Updated page 'Notes' (42) to version 8.\n");
    assertThat(wm.findAll(putRequestedFor(urlPathEqualTo(pagePath("42"))))).hasSize(2);
  }

  /** The same replay meeting someone else's version 8 stays a conflict: nothing overwritten. */
  @Test
  void aReplayedUpdateThatMeetsSomeoneElsesEditStaysAConflict() {
    String race = "lost answer, then theirs";
    wm.stubFor(
        get(urlPathEqualTo(pagePath("42")))
            .inScenario(race)
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willReturn(okJson(pageJson("42", "Notes", 7, "<p>old</p>", "100"))));
    wm.stubFor(
        put(urlPathEqualTo(pagePath("42")))
            .inScenario(race)
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withFault(com.github.tomakehurst.wiremock.http.Fault.MALFORMED_RESPONSE_CHUNK))
            .willSetStateTo("theirs"));
    wm.stubFor(
        put(urlPathEqualTo(pagePath("42")))
            .inScenario(race)
            .whenScenarioStateIs("theirs")
            .willReturn(aResponse().withStatus(409)));
    wm.stubFor(
        get(urlPathEqualTo(pagePath("42")))
            .inScenario(race)
            .whenScenarioStateIs("theirs")
            .willReturn(okJson(pageJson("42", "Notes", 8, "<p>theirs</p>", "100"))));
    Result r = conf.pipe().stdin("<p>mine</p>").run("page", "update", "42", "-");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
    assertThat(r.out()).isEmpty();
  }

  /** A create whose answer was lost after the server made the page: found by its title and body. */
  @Test
  void aCreateWhoseAnswerWasLostIsFoundMadeByItAndNamesItsId() {
    stubSpace("DOCS");
    wm.stubFor(
        post(urlPathEqualTo(createPath()))
            .willReturn(
                aResponse()
                    .withFault(
                        com.github.tomakehurst.wiremock.http.Fault.MALFORMED_RESPONSE_CHUNK)));
    wm.stubFor(
        get(urlPathEqualTo(createPath()))
            .withQueryParam("title", equalTo("Fresh page"))
            .willReturn(
                okJson(
                    "{\"results\":["
                        + pageJson("77", "Fresh page", 1, "<p>Fresh</p>", "100")
                        + "],\"_links\":{}}")));
    Result r =
        conf.pipe()
            .stdin("<p>Fresh</p>")
            .run("page", "create", "--space", "DOCS", "--title", "Fresh page", "-");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo(pageUrl("77", "Fresh page") + "\n");
    assertThat(r.err()).endsWith("Created page 'Fresh page' (77).\n");
    // Never replayed: one POST, then the lookup.
    assertThat(wm.findAll(postRequestedFor(urlPathEqualTo(createPath())))).hasSize(1);
  }

  /** Not there (or not with this body): the outcome stays unknown and is reported so, exit 1. */
  @Test
  void aCreateWhoseAnswerWasLostAndIsNotFoundSaysItMayHaveHappened() {
    stubSpace("DOCS");
    wm.stubFor(
        post(urlPathEqualTo(createPath()))
            .willReturn(
                aResponse()
                    .withFault(
                        com.github.tomakehurst.wiremock.http.Fault.MALFORMED_RESPONSE_CHUNK)));
    wm.stubFor(
        get(urlPathEqualTo(createPath()))
            .withQueryParam("title", equalTo("Fresh page"))
            .willReturn(
                okJson(
                    "{\"results\":["
                        + pageJson("78", "Fresh page", 1, "<p>Someone else's</p>", "100")
                        + "],\"_links\":{}}")));
    Result r =
        conf.pipe()
            .stdin("<p>Fresh</p>")
            .run("page", "create", "--space", "DOCS", "--title", "Fresh page", "-");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("the server may have done it");
    assertThat(wm.findAll(postRequestedFor(urlPathEqualTo(createPath())))).hasSize(1);
  }

  @Test
  void aConflictOverwritesNothingAndNamesBothVersions() {
    // Read at version 7; someone saves version 8 before the PUT lands.
    wm.stubFor(
        get(urlPathEqualTo(pagePath("42")))
            .inScenario("race")
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willReturn(okJson(pageJson("42", "Notes", 7, "<p>old</p>", "100"))));
    wm.stubFor(
        put(urlPathEqualTo(pagePath("42")))
            .inScenario("race")
            .willReturn(
                aResponse()
                    .withStatus(409)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"statusCode\":409,\"message\":\"Version must be incremented\"}"))
            .willSetStateTo("saved elsewhere"));
    wm.stubFor(
        get(urlPathEqualTo(pagePath("42")))
            .inScenario("race")
            .whenScenarioStateIs("saved elsewhere")
            .willReturn(okJson(pageJson("42", "Notes", 8, "<p>theirs</p>", "100"))));
    Result r = conf.pipe().stdin("<p>mine</p>").run("page", "update", "42", "-");
    assertThat(r.exitCode()).isEqualTo(5);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "conf: page 42 changed on the server since it was read: this update was based on"
                + " version 7 and the server now has version 8; nothing was overwritten. Fetch it"
                + " again and re-apply your change.\n");
    List<LoggedRequest> puts = wm.findAll(putRequestedFor(urlPathEqualTo(pagePath("42"))));
    assertThat(puts).hasSize(1);
    assertThat(json(puts.get(0)).path("version").path("number").asInt()).isEqualTo(8);
  }

  @Test
  void anEmptyBodyIsRefusedUnlessAllowed() {
    Result r = conf.pipe().stdin("").run("page", "update", "42", "-");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("the new body is empty; nothing was sent");
    assertThat(all()).isEmpty();

    stubPage("42", "Notes", 7, "<p>old</p>");
    wm.stubFor(
        put(urlPathEqualTo(pagePath("42")))
            .willReturn(okJson(pageJson("42", "Notes", 8, "", "100"))));
    Result allowed = conf.pipe().stdin("").run("page", "update", "42", "-", "--allow-empty");
    assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
    assertThat(bodyOf(json(wm.findAll(putRequestedFor(urlPathEqualTo(pagePath("42")))).get(0))))
        .isEmpty();
  }

  @Test
  void ifVersionMismatchSendsNoWrite() {
    stubPage("42", "Notes", 7, "<p>old</p>");
    Result r =
        conf.pipe().stdin("<p>mine</p>").run("page", "update", "42", "-", "--if-version", "6");
    assertThat(r.exitCode()).isEqualTo(5);
    assertThat(r.err())
        .isEqualTo("conf: page 42 is at version 7, not 6 (--if-version): nothing was changed\n");
    assertThat(writes()).isEmpty();
  }

  @Test
  void anUnchangedUpdateSendsNothingAndSaysSo() {
    stubPage("42", "Notes", 7, "<p>same</p>");
    Result r =
        conf.pipe().stdin("<p>same</p>\n").run("page", "update", "42", "-", "--title", "Notes");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err())
        .isEqualTo(
            "No changes: page 'Notes' (42) already has this title and body at version 7; nothing"
                + " was sent.\n");
    assertThat(writes()).isEmpty();
  }

  @Test
  void aTitleOnlyUpdateKeepsTheBody() {
    stubPage("42", "Notes", 7, "<p>keep</p>");
    wm.stubFor(
        put(urlPathEqualTo(pagePath("42")))
            .willReturn(okJson(pageJson("42", "Better", 8, "<p>keep</p>", "100"))));
    Result r = conf.pipe().run("page", "update", "42", "--title", "Better");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode body = json(wm.findAll(putRequestedFor(urlPathEqualTo(pagePath("42")))).get(0));
    assertThat(body.path("title").asText()).isEqualTo("Better");
    assertThat(bodyOf(body)).isEqualTo("<p>keep</p>");
  }

  // ---- delete

  @Test
  void deleteInAPipeNeedsYes() {
    Result refused = conf.pipe().run("page", "delete", "42");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("--yes");
    assertThat(all()).isEmpty();

    wm.stubFor(delete(urlPathEqualTo(pagePath("42"))).willReturn(aResponse().withStatus(204)));
    Result r = conf.pipe().run("page", "delete", "42", "--yes");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(wm.findAll(deleteRequestedFor(urlPathEqualTo(pagePath("42"))))).hasSize(1);
  }

  @Test
  void deleteOnATerminalAsksAndHonoursNo() {
    stubPage("42", "Notes", 7, "<p>x</p>");
    wm.stubFor(delete(urlPathEqualTo(pagePath("42"))).willReturn(aResponse().withStatus(204)));
    Result no = conf.terminal().stdin("n\n").run("page", "delete", "42");
    assertThat(no.exitCode()).isEqualTo(1);
    assertThat(no.err())
        .contains("Move page 'Notes' (42) to the trash? [y/N] ")
        .contains("cancelled");
    assertThat(writes()).isEmpty();

    Result yes = conf.terminal().stdin("y\n").run("page", "delete", "42", "--purge");
    assertThat(yes.exitCode()).as(yes.toString()).isZero();
    assertThat(yes.err())
        .isEqualTo(
            "Delete page 'Notes' (42) for good? [y/N] Deleted page 'Notes' (42) for good.\n");
    assertThat(wm.findAll(deleteRequestedFor(urlPathEqualTo(pagePath("42"))))).hasSize(2);
  }

  // ---- move and copy

  @Test
  void moveUnderAnotherParent() {
    stubMove("42", "300");
    Result r = conf.pipe().run("page", "move", "42", "--parent", "300");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).endsWith("Moved page 42 under 300.\n");
    assertMovedUnder("42", "300");
  }

  @Test
  void moveNeedsExactlyOneDestination() {
    Result r = conf.pipe().run("page", "move", "42", "--parent", "1", "--before", "2");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(all()).isEmpty();
  }

  @Test
  void copyUnderAParent() {
    stubCopy("42", "300", "900");
    Result r =
        conf.pipe()
            .run("page", "copy", "42", "--parent", "300", "--title", "Twin", "--with-labels");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo(pageUrl("900", "Twin") + "\n");
    assertCopied("42", "300", "Twin");
  }

  // ---- reading on a terminal (issue 15)

  @Test
  void viewOnATerminalNumbersListsWrapsToTheWidthAndPages() {
    stubPage(
        "42",
        "Steps",
        7,
        "<h2>Steps</h2><ol><li><p>Merge the branch after the review has been approved</p></li>"
            + "<li>Build<ul><li>linux</li></ul></li></ol>");
    Result r = conf.terminal().withPager().width(40).run("page", "view", "42");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(conf.pagerCommands).containsExactly("less -FRX");
    assertThat(conf.paged.toString())
        .startsWith("Title:    Steps\n")
        .endsWith(
            "\n\nSteps\n\n1. Merge the branch after the review has\n   been approved\n"
                + "2. Build\n   ◦ linux\n");
  }

  @Test
  void headingsAreBoldOnAColourTerminalAndPlainWithNoColor() {
    stubPage("42", "Notes", 7, "<h1>Plan</h1><p>Ship</p>");
    Result colour = conf.terminal().color().run("page", "view", "42");
    assertThat(colour.out()).endsWith("\n\n\u001b[1;4mPlan\u001b[0m\n\nShip\n");
    Result plain = conf.terminal().color().run("page", "view", "42", "--no-color");
    assertThat(plain.out()).endsWith("\n\nPlan\n\nShip\n").doesNotContain("\u001b");
    Result pipe = conf.pipe().color().run("page", "view", "42", "--format", "text", "--raw");
    assertThat(pipe.out()).isEqualTo("Plan\n\nShip\n");
  }

  @Test
  void listViewTreeAndHistoryPageOnATerminalButNeverInAPipeOrForJsonInAPipe() {
    stubSpace("DOCS");
    stubPageList(3, 25);
    stubPage("42", "Notes", 3, "<p>c</p>");
    stubVersionList("42", 3);
    stubVersion("42", "Notes", 2, "<p>b</p>");
    stubVersion("42", "Notes", 1, "<p>a</p>");
    stubTree("42", 3);
    List<String[]> commands =
        List.of(
            new String[] {"page", "list", "--space", "DOCS"},
            new String[] {"page", "view", "42"},
            new String[] {"page", "tree", "42"},
            new String[] {"page", "history", "42"});
    for (String[] args : commands) {
      conf.paged.getBuffer().setLength(0);
      Result tty = conf.terminal().withPager().run(args);
      assertThat(tty.exitCode()).as(tty.toString()).isZero();
      assertThat(tty.out()).as(String.join(" ", args)).isEmpty();
      assertThat(conf.paged.toString()).as(String.join(" ", args)).isNotEmpty();

      conf.paged.getBuffer().setLength(0);
      Result pipe = conf.pipe().withPager().run(args);
      assertThat(pipe.out()).as(String.join(" ", args)).isNotEmpty();
      List<String> json = new ArrayList<>(List.of(args));
      json.add("--json");
      Result pipedJson = conf.pipe().withPager().run(json.toArray(String[]::new));
      assertThat(pipedJson.out()).as(String.join(" ", json)).matches("(?s)[\\[{].*");
      assertThat(conf.paged.toString()).as(String.join(" ", args)).isEmpty();
    }
    assertThat(conf.pagerCommands).hasSize(commands.size());
  }

  @Test
  void thePagerSettingIsUsedUnlessConfPagerSaysOtherwiseAndCatTurnsItOff() {
    stubPage("42", "Notes", 3, "<p>c</p>");
    assertThat(conf.run("config", "set", "pager", "most -s").exitCode()).isZero();
    conf.env("PAGER", "more");
    conf.terminal().withPager().run("page", "view", "42");
    conf.env("CONF_PAGER", "less -R");
    conf.terminal().withPager().run("page", "view", "42");
    assertThat(conf.pagerCommands).containsExactly("most -s", "less -R");

    conf.env.remove("CONF_PAGER");
    conf.run("config", "set", "pager", "cat");
    Result off = conf.terminal().withPager().run("page", "view", "42");
    assertThat(off.out()).startsWith("Title:");
    assertThat(conf.pagerCommands).hasSize(2);
  }

  @Test
  void diffColoursRemovedLinesRedAddedGreenAndHunksCyanOnlyOnAColourTerminal() {
    stubPage("42", "Notes", 3, "<p>Ship on Monday</p>");
    stubVersion("42", "Notes", 2, "<p>Ship on Friday</p>");
    Result tty = conf.terminal().color().run("page", "diff", "42");
    assertThat(tty.exitCode()).as(tty.toString()).isZero();
    assertThat(tty.out())
        .isEqualTo(
            "\u001b[1m--- page 42 version 2\u001b[0m\n"
                + "\u001b[1m+++ page 42 version 3\u001b[0m\n"
                + "\u001b[36m@@ -1 +1 @@\u001b[0m\n"
                + "\u001b[31m-<p>Ship on Friday</p>\u001b[0m\n"
                + "\u001b[32m+<p>Ship on Monday</p>\u001b[0m\n");
    String plain =
        "--- page 42 version 2\n+++ page 42 version 3\n@@ -1 +1 @@\n"
            + "-<p>Ship on Friday</p>\n+<p>Ship on Monday</p>\n";
    assertThat(conf.terminal().color().run("page", "diff", "42", "--no-color").out())
        .isEqualTo(plain);
    conf.env("NO_COLOR", "1");
    assertThat(conf.terminal().color().run("page", "diff", "42").out()).isEqualTo(plain);
    conf.env.remove("NO_COLOR");
    assertThat(conf.pipe().color().run("page", "diff", "42").out()).isEqualTo(plain);
  }

  // ---- history and diff

  @Test
  void historyListsVersionsNewestFirst() {
    stubVersionList("42", 3);
    stubPage("42", "Notes", 3, "<p>c</p>");
    stubVersion("42", "Notes", 2, "<p>b</p>");
    stubVersion("42", "Notes", 1, "<p>a</p>");
    Result r = conf.pipe().run("page", "history", "42");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().lines()).extracting(l -> l.split("\t")[0]).containsExactly("3", "2", "1");
    assertThat(r.out().lines().findFirst().orElseThrow())
        .isEqualTo("3\tEd Editor\t2026-11-01T10:00:00.000Z\tversion 3");
  }

  @Test
  void diffComparesThePreviousVersionWithTheCurrentOne() {
    stubPage("42", "Notes", 3, "<h1>Plan</h1><p>Ship on Monday</p><p>Owner: Ann</p>");
    stubVersion("42", "Notes", 2, "<h1>Plan</h1><p>Ship on Friday</p><p>Owner: Ann</p>");
    Result r = conf.pipe().run("page", "diff", "42");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "--- page 42 version 2\n"
                + "+++ page 42 version 3\n"
                + "@@ -1,3 +1,3 @@\n"
                + " <h1>Plan</h1>\n"
                + "-<p>Ship on Friday</p>\n"
                + "+<p>Ship on Monday</p>\n"
                + " <p>Owner: Ann</p>\n");
  }

  // ---- children and tree

  @Test
  void childrenAreDrawnUnderThePageOnATerminalAndListedInAPipe() {
    stubPage("42", "Guide", 3, "<p>g</p>");
    stubChildren("42", 3);
    Result tty = conf.terminal().run("page", "children", "42");
    assertThat(tty.exitCode()).as(tty.toString()).isZero();
    assertThat(tty.out())
        .isEqualTo(
            "Guide  (42)\n"
                + "├── Child 1  (421)\n"
                + "├── Child 2  (422)\n"
                + "└── Child 3  (423)\n");
    Result pipe = conf.pipe().run("page", "children", "42");
    assertThat(pipe.out()).isEqualTo("1\t421\tChild 1\n1\t422\tChild 2\n1\t423\tChild 3\n");
  }

  @Test
  void treeDepthCutsTheLevelsBelow() {
    stubPage("1", "Root", 1, "<p>r</p>");
    stubTree("1", 400);
    Result r = conf.pipe().run("page", "tree", "1", "--depth", "1");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().lines())
        .hasSize(21)
        .allMatch(l -> l.startsWith("0\t") || l.startsWith("1\t"));
  }

  @Test
  void aMissingPageExits3() {
    wm.stubFor(
        get(urlPathEqualTo(pagePath("404")))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"statusCode\":404,\"message\":\"No content found with id 404\"}")));
    Result r = conf.pipe().run("page", "view", "404");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("conf: page 404 not found\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void openASpaceOrAPage() {
    stubSpace("DOCS");
    conf.browserAvailable = false;
    Result space = conf.pipe().run("open", "DOCS");
    assertThat(space.exitCode()).as(space.toString()).isZero();
    assertThat(space.out()).isEqualTo(spaceUrl("DOCS") + "\n");
    conf.browserAvailable = true;
    stubTitle("DOCS", "Release notes", "42");
    Result page = conf.pipe().run("open", "DOCS:Release notes");
    assertThat(page.exitCode()).as(page.toString()).isZero();
    assertThat(page.err()).isEqualTo("Opening " + pageUrl("42", "x") + " in your browser.\n");
    assertThat(conf.browsed).containsExactly(spaceUrl("DOCS"), pageUrl("42", "x"));
  }

  /** The web URL of space KEY. */
  protected abstract String spaceUrl(String key);

  @Test
  void moveToAnotherSpaceGoesUnderItsHomePage() {
    stubSpace("DOCS");
    stubMove("42", "100");
    Result r = conf.pipe().run("page", "move", "42", "--space", "DOCS");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertMovedUnder("42", "100");
  }

  // ---- tree

  @Test
  void aTreeOfHundredsOfPagesCostsAFewRequests() {
    stubPage("1", "Root", 1, "<p>r</p>");
    int most = stubTree("1", 400);
    Result r = conf.pipe().run("page", "tree", "1");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(401);
    assertThat(lines.get(0)).isEqualTo("0\t1\tRoot");
    assertThat(lines).contains("1\t1001\tPage 1001", "2\t1021\tPage 1021");
    assertThat(all()).hasSizeLessThanOrEqualTo(most);
  }

  @Test
  void aSpaceTreeIsDrawnOnATerminalAndNestedInJson() {
    stubSpace("DOCS");
    int most = stubSpaceTree("DOCS", 300);
    Result r = conf.terminal().run("page", "tree", "--space", "DOCS", "--depth", "1");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("Page 1001  (1001)\n├── Page 1002  (1002)\n");
    assertThat(all()).hasSizeLessThanOrEqualTo(most);

    Result json = conf.pipe().run("page", "tree", "--space", "DOCS", "--json");
    assertThat(json.exitCode()).as(json.toString()).isZero();
    assertThat(json.out()).startsWith("[ {\n  \"id\" : \"1001\",\n  \"title\" : \"Page 1001\"");
  }

  @Test
  void treeJsonSelectsFieldsOnEveryNodeAndKeepsTheChildren() throws Exception {
    stubPage("1", "Root", 1, "<p>r</p>");
    stubTree("1", 400);
    Result all = conf.pipe().run("page", "tree", "1", "--depth", "1", "--json");
    assertThat(all.exitCode()).as(all.toString()).isZero();
    JsonNode root = JSON.readTree(all.out());
    assertThat(root.fieldNames()).toIterable().containsExactly("id", "title", "type", "children");
    assertThat(root.path("children")).hasSize(20);
    JsonNode child = root.path("children").get(0);
    assertThat(child.fieldNames()).toIterable().containsExactly("id", "title", "type", "children");
    assertThat(child.path("id").asText()).isEqualTo("1001");
    assertThat(child.path("type").asText()).isEqualTo("page");

    Result some = conf.pipe().run("page", "tree", "1", "--depth", "1", "--json", "title,id");
    assertThat(some.exitCode()).as(some.toString()).isZero();
    JsonNode picked = JSON.readTree(some.out());
    assertThat(picked.fieldNames()).toIterable().containsExactly("title", "id", "children");
    assertThat(picked.path("title").asText()).isEqualTo("Root");
    assertThat(picked.path("children")).hasSize(20);
    assertThat(picked.path("children").get(0).fieldNames())
        .toIterable()
        .containsExactly("title", "id", "children");
    assertThat(picked.path("children").get(0).path("title").asText()).isEqualTo("Page 1001");

    Result jq =
        conf.pipe().run("page", "tree", "1", "--depth", "1", "--jq", ".children[:2][].title");
    assertThat(jq.out()).isEqualTo("Page 1001\nPage 1002\n");
  }

  // ---- blog posts

  @Test
  void blogPostsAreViewedCreatedAndUpdatedLikePages() {
    wm.stubFor(
        get(urlPathEqualTo(blogPath("77")))
            .willReturn(okJson(blogJson("77", "Launch", 2, "<p>We shipped</p>"))));
    Result view = conf.pipe().run("blog", "view", "77", "--raw");
    assertThat(view.exitCode()).as(view.toString()).isZero();
    assertThat(view.out()).isEqualTo("<p>We shipped</p>\n");

    stubSpace("DOCS");
    wm.stubFor(
        post(urlPathEqualTo(blogCreatePath()))
            .willReturn(okJson(blogJson("78", "News", 1, "<p>n</p>"))));
    Result create =
        conf.pipe()
            .stdin("<p>n</p>")
            .run("blog", "create", "--space", "DOCS", "--title", "News", "-");
    assertThat(create.exitCode()).as(create.toString()).isZero();
    assertThat(create.err()).isEqualTo("Created blog post 'News' (78).\n");
    JsonNode sent = json(wm.findAll(postRequestedFor(urlPathEqualTo(blogCreatePath()))).get(0));
    assertThat(sent.path("title").asText()).isEqualTo("News");
    assertThat(bodyOf(sent)).isEqualTo("<p>n</p>");

    wm.stubFor(
        put(urlPathEqualTo(blogPath("77")))
            .willReturn(okJson(blogJson("77", "Launch", 3, "<p>v3</p>"))));
    Result update = conf.pipe().stdin("<p>v3</p>").run("blog", "update", "77", "-");
    assertThat(update.exitCode()).as(update.toString()).isZero();
    assertThat(
            json(wm.findAll(putRequestedFor(urlPathEqualTo(blogPath("77")))).get(0))
                .path("version")
                .path("number")
                .asInt())
        .isEqualTo(3);
  }

  // ---- images of a Markdown body (hooks and tests kept together at the end of the file)

  /** An attachment of a page as the image tests describe it. */
  protected record Img(String id, String name, long size, String comment, int version) {}

  /** The id the server gives attachment n. */
  protected abstract String imageAttachmentId(int n);

  /** Answers the listing (and any file-name lookup) of a page's or blog post's attachments. */
  protected abstract void stubAttachmentList(String contentId, boolean blog, Img... attachments);

  /** Where a new attachment of the content is uploaded (REST v1 on both deployments). */
  protected abstract String attachmentUploadPath(String contentId);

  /** A v1 attachment, as an upload answers (inside a results listing for a new one). */
  protected static String v1AttachmentJson(Img a, String contentId) {
    try {
      return "{\"id\":\""
          + a.id()
          + "\",\"type\":\"attachment\",\"status\":\"current\",\"title\":"
          + JSON.writeValueAsString(a.name())
          + ",\"version\":{\"number\":"
          + a.version()
          + ",\"when\":\"2026-11-29T11:00:00.000Z\"},\"extensions\":{\"mediaType\":\"image/png\","
          + "\"fileSize\":"
          + a.size()
          + ",\"comment\":"
          + JSON.writeValueAsString(a.comment())
          + "},\"container\":{\"id\":\""
          + contentId
          + "\",\"type\":\"page\"},\"_links\":{\"download\":"
          + JSON.writeValueAsString("/download/attachments/" + contentId + "/" + a.name())
          + "}}";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Answers uploads of new attachments to the content with attachment n, and of new versions. */
  private void stubUploads(String contentId, Img... existing) {
    Img fresh = new Img(imageAttachmentId(90), "new.png", 1, "", 1);
    wm.stubFor(
        post(urlPathEqualTo(attachmentUploadPath(contentId)))
            .willReturn(
                okJson("{\"results\":[" + v1AttachmentJson(fresh, contentId) + "],\"size\":1}")));
    for (Img a : existing) {
      Img next = new Img(a.id(), a.name(), a.size(), "", a.version() + 1);
      wm.stubFor(
          post(urlPathEqualTo(attachmentUploadPath(contentId) + "/" + a.id() + "/data"))
              .willReturn(okJson(v1AttachmentJson(next, contentId))));
    }
  }

  /** The multipart uploads sent, in order: new attachments and new versions alike. */
  private List<LoggedRequest> uploads(String contentId) {
    return all().stream()
        .filter(r -> r.getMethod().getName().equals("POST"))
        .filter(r -> r.getUrl().startsWith(attachmentUploadPath(contentId)))
        .toList();
  }

  private static String uploadedName(LoggedRequest r) {
    String body = r.getBodyAsString();
    int at = body.indexOf("filename=\"");
    return body.substring(at + 10, body.indexOf('"', at + 10));
  }

  private Path writeImage(String rel, String content) throws Exception {
    Path p = tmp.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    return p;
  }

  private static String sha256(String content) throws Exception {
    return "sha256:"
        + java.util.HexFormat.of()
            .formatHex(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void createUploadsTheLocalImagesOfAMarkdownFileAfterThePageOncePerName() throws Exception {
    stubSpace("DOCS");
    writeImage("doc/img/diagram.png", "PNG-diagram");
    writeImage("doc/logo.png", "PNG-logo");
    Path md =
        Files.writeString(
            tmp.resolve("doc/notes.md"),
            "# Notes\n\n![Diagram](img/diagram.png) ![again](img/diagram.png)\n\n"
                + "![Logo](logo.png) ![remote](https://example.com/r.png)\n");
    wm.stubFor(
        post(urlPathEqualTo(createPath()))
            .willReturn(okJson(pageJson("77", "Notes", 1, "<p>x</p>", "100"))));
    stubAttachmentList("77", false);
    stubUploads("77");
    Result r =
        conf.pipe()
            .run("page", "create", "--space", "DOCS", "--title", "Notes", "--file", md.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo(pageUrl("77", "Notes") + "\n");
    assertThat(r.err()).isEqualTo("Created page 'Notes' (77) with 2 images.\n");
    String storage =
        bodyOf(json(wm.findAll(postRequestedFor(urlPathEqualTo(createPath()))).get(0)));
    assertThat(storage)
        .contains("<ri:attachment ri:filename=\"diagram.png\"/>")
        .contains("<ri:attachment ri:filename=\"logo.png\"/>")
        .contains("<ri:url ri:value=\"https://example.com/r.png\"/>");
    List<LoggedRequest> uploads = uploads("77");
    assertThat(uploads)
        .extracting(PageScenarios::uploadedName)
        .containsExactly("diagram.png", "logo.png");
    LoggedRequest first = uploads.get(0);
    assertThat(first.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
    assertThat(first.getHeader("X-Atlassian-Token")).isEqualTo("no-check");
    assertThat(first.getBodyAsString())
        .contains("PNG-diagram")
        .contains("name=\"comment\"")
        .contains(sha256("PNG-diagram"));
    // The page first, then its images; the remote one is left alone.
    List<LoggedRequest> writes = writes();
    assertThat(writes).hasSize(3);
    assertThat(writes.get(0).getUrl()).startsWith(createPath());
    assertThat(all()).noneMatch(q -> q.getUrl().contains("r.png"));
  }

  @Test
  void createWithJsonPrintsOnlyThePageAndABlogPostGetsItsImagesToo() throws Exception {
    stubSpace("DOCS");
    writeImage("post/chart.png", "PNG-chart");
    Path md = Files.writeString(tmp.resolve("post/news.md"), "![Chart](chart.png)\n");
    wm.stubFor(
        post(urlPathEqualTo(blogCreatePath()))
            .willReturn(okJson(blogJson("78", "News", 1, "<p>n</p>"))));
    stubAttachmentList("78", true);
    stubUploads("78");
    Result r =
        conf.pipe()
            .run(
                "blog",
                "create",
                "--space",
                "DOCS",
                "--title",
                "News",
                "--file",
                md.toString(),
                "--json",
                "id,title");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(JSON.readTree(r.out()).path("id").asText()).isEqualTo("78");
    assertThat(r.err()).isEmpty();
    assertThat(uploads("78")).extracting(PageScenarios::uploadedName).containsExactly("chart.png");
  }

  @Test
  void updateUploadsNewAndChangedImagesSkipsOnesConfUploadedUnchangedThenSaves() throws Exception {
    writeImage("doc/same.png", "same-bytes");
    writeImage("doc/edited.png", "new-bytes!");
    writeImage("doc/byhand.png", "hand-bytes");
    writeImage("doc/fresh.png", "fresh");
    Path md =
        Files.writeString(
            tmp.resolve("doc/notes.md"),
            "![](same.png) ![](edited.png) ![](byhand.png) ![](fresh.png)\n");
    stubPage("42", "Notes", 7, "<p>old</p>");
    Img same =
        new Img(
            imageAttachmentId(1), "same.png", 10, sha256("same-bytes") + " (uploaded by conf)", 1);
    // Same size, other bytes: the hash in its comment tells them apart.
    Img edited =
        new Img(
            imageAttachmentId(2),
            "edited.png",
            10,
            sha256("old-bytes!") + " (uploaded by conf)",
            3);
    // Same size and bytes, but uploaded by hand: conf cannot know it is the same, so it uploads.
    Img byHand = new Img(imageAttachmentId(3), "byhand.png", 10, "", 1);
    stubAttachmentList("42", false, same, edited, byHand);
    stubUploads("42", same, edited, byHand);
    wm.stubFor(
        put(urlPathEqualTo(pagePath("42")))
            .willReturn(okJson(pageJson("42", "Notes", 8, "<p>new</p>", "100"))));
    Result r = conf.pipe().run("page", "update", "42", "--file", md.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).isEqualTo("Updated page 'Notes' (42) to version 8; uploaded 3 images.\n");
    assertThat(uploads("42"))
        .extracting(LoggedRequest::getUrl)
        .containsExactly(
            attachmentUploadPath("42") + "/" + edited.id() + "/data",
            attachmentUploadPath("42") + "/" + byHand.id() + "/data",
            attachmentUploadPath("42"));
    assertThat(uploads("42").get(2).getBodyAsString()).contains("filename=\"fresh.png\"");
    // The images went up before the page was saved.
    List<String> writes = writes().stream().map(w -> w.getMethod().getName()).toList();
    assertThat(writes).containsExactly("POST", "POST", "POST", "PUT");
    assertThat(
            json(wm.findAll(putRequestedFor(urlPathEqualTo(pagePath("42")))).get(0))
                .path("version")
                .path("number")
                .asInt())
        .isEqualTo(8);
  }

  @Test
  void anUnchangedBodyWithAChangedImageUploadsTheImageAndSavesNoVersion() throws Exception {
    writeImage("doc/a.png", "changed");
    Path md = Files.writeString(tmp.resolve("doc/a.md"), "![](a.png)\n");
    stubPage(
        "42", "Notes", 7, "<p><ac:image><ri:attachment ri:filename=\"a.png\"/></ac:image></p>");
    Img a = new Img(imageAttachmentId(1), "a.png", 3, sha256("old") + " (uploaded by conf)", 1);
    stubAttachmentList("42", false, a);
    stubUploads("42", a);
    Result r = conf.pipe().run("page", "update", "42", "--file", md.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("not saved again; uploaded 1 image.");
    assertThat(uploads("42")).hasSize(1);
    wm.verify(0, putRequestedFor(urlPathEqualTo(pagePath("42"))));
  }

  @Test
  void aMissingImageOrTwoImagesWithOneNameExit2BeforeAnyRequest() throws Exception {
    Path md = Files.writeString(tmp.resolve("notes.md"), "text ![](img/nope.png)\n");
    Result create =
        conf.pipe()
            .run("page", "create", "--space", "DOCS", "--title", "N", "--file", md.toString());
    assertThat(create.exitCode()).isEqualTo(2);
    assertThat(create.err()).isEqualTo("conf: " + md + ": image not found: img/nope.png\n");
    Result update = conf.pipe().run("page", "update", "42", "--file", md.toString());
    assertThat(update.exitCode()).isEqualTo(2);
    assertThat(update.err()).contains("image not found: img/nope.png");

    writeImage("one/p.png", "1");
    writeImage("two/p.png", "2");
    Path clash = Files.writeString(tmp.resolve("clash.md"), "![](one/p.png) ![](two/p.png)\n");
    Result twice = conf.pipe().run("blog", "update", "42", "--file", clash.toString());
    assertThat(twice.exitCode()).isEqualTo(2);
    assertThat(twice.err())
        .contains("two different images would be attached as 'p.png': one/p.png and two/p.png");
    assertThat(all()).isEmpty();
  }

  @Test
  void aKnownConflictFailsBeforeAnyImageIsUploaded() throws Exception {
    writeImage("doc/a.png", "bytes");
    Path md = Files.writeString(tmp.resolve("doc/a.md"), "new ![](a.png)\n");
    stubPage("42", "Notes", 7, "<p>old</p>");
    stubAttachmentList("42", false);
    stubUploads("42");
    Result r =
        conf.pipe().run("page", "update", "42", "--file", md.toString(), "--if-version", "6");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
    assertThat(writes()).isEmpty();
  }

  @Test
  void aFailedUploadAfterCreateNamesThePageAndTheImageAndKeepsThePage() throws Exception {
    stubSpace("DOCS");
    writeImage("doc/a.png", "bytes");
    Path md = Files.writeString(tmp.resolve("doc/a.md"), "![](a.png)\n");
    wm.stubFor(
        post(urlPathEqualTo(createPath()))
            .willReturn(okJson(pageJson("77", "A", 1, "<p>x</p>", "100"))));
    stubAttachmentList("77", false);
    wm.stubFor(
        post(urlPathEqualTo(attachmentUploadPath("77")))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"statusCode\":400,\"message\":\"bad file\"}")));
    Result r =
        conf.pipe()
            .run("page", "create", "--space", "DOCS", "--title", "A", "--file", md.toString());
    assertThat(r.exitCode()).as(r.toString()).isNotZero();
    assertThat(r.err()).contains("page 77 was created, but uploading image a.png failed");
    assertThat(r.out()).isEqualTo(pageUrl("77", "A") + "\n");
    assertThat(all()).noneMatch(q -> q.getMethod().getName().equals("DELETE"));
  }

  @Test
  void markdownFromStdinFindsItsImagesInTheWorkingDirectory() throws Exception {
    Files.createDirectories(Path.of("target"));
    Path dir = Files.createTempDirectory(Path.of("target"), "stdin-images");
    try {
      Files.writeString(dir.resolve("pic.png"), "PNG-pic");
      String rel = dir.toString().replace('\\', '/') + "/pic.png";
      assertThat(Path.of(rel).isAbsolute()).isFalse();
      stubSpace("DOCS");
      wm.stubFor(
          post(urlPathEqualTo(createPath()))
              .willReturn(okJson(pageJson("77", "Piped", 1, "<p>x</p>", "100"))));
      stubAttachmentList("77", false);
      stubUploads("77");
      Result r =
          conf.pipe()
              .stdin("![pic](" + rel + ")\n")
              .run("page", "create", "--space", "DOCS", "--title", "Piped", "--format", "md", "-");
      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(uploads("77")).extracting(PageScenarios::uploadedName).containsExactly("pic.png");
      assertThat(uploads("77").get(0).getBodyAsString()).contains("PNG-pic");
    } finally {
      Files.deleteIfExists(dir.resolve("pic.png"));
      Files.deleteIfExists(dir);
    }
  }

  @Test
  void aStorageFileUploadsNothing() throws Exception {
    stubSpace("DOCS");
    Path file =
        Files.writeString(
            tmp.resolve("body.xhtml"),
            "<p><ac:image><ri:attachment ri:filename=\"x.png\"/></ac:image></p>");
    wm.stubFor(
        post(urlPathEqualTo(createPath()))
            .willReturn(okJson(pageJson("77", "S", 1, "<p>x</p>", "100"))));
    Result r =
        conf.pipe()
            .run("page", "create", "--space", "DOCS", "--title", "S", "--file", file.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(writes()).hasSize(1);
  }

  @Test
  void onATerminalEachUploadedImageGetsALine() throws Exception {
    stubSpace("DOCS");
    writeImage("doc/a.png", "PNG-a");
    Path md = Files.writeString(tmp.resolve("doc/a.md"), "![](a.png)\n");
    wm.stubFor(
        post(urlPathEqualTo(createPath()))
            .willReturn(okJson(pageJson("77", "A", 1, "<p>x</p>", "100"))));
    stubAttachmentList("77", false);
    stubUploads("77");
    Result r =
        conf.terminal()
            .run("page", "create", "--space", "DOCS", "--title", "A", "--file", md.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err())
        .contains("Uploaded image a.png (1 of 1).\n")
        .contains("Created page 'A' (77) with 1 image.");
  }
}
