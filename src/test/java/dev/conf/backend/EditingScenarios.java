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
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.conf.testing.ConfRunner.Result;
import dev.conf.testing.WireMockSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The editing and collaboration scenarios (issue 13) both deployments pass, through the real
 * command line, HTTP stack and backend against WireMock: restore, content properties, edit in an
 * editor, append and section updates, inline comments. Subclasses say how their deployment spells
 * things on the wire; every request is checked against its OpenAPI document after each test.
 */
public abstract class EditingScenarios extends WireMockSuite {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Where one page is read and updated. */
  protected abstract String pagePath(String id);

  /** The wire JSON of a page with its body, as a single-page read answers. */
  protected abstract String pageJson(String id, String title, int version, String body);

  /** The storage body inside an update request. */
  protected abstract String bodyOf(JsonNode request);

  /** Where a page's content properties are listed and created. */
  protected abstract String propertiesPath(String pageId);

  /** Where one property is written and deleted: Cloud by its id, Data Center by its key. */
  protected abstract String propertyPath(String pageId, String propertyId, String key);

  /** The wire JSON of one content property. */
  protected String propertyJson(String id, String key, int version, String value) {
    return "{\"id\":\""
        + id
        + "\",\"key\":\""
        + key
        + "\",\"value\":"
        + value
        + ",\"version\":{\"number\":"
        + version
        + ",\"message\":\"\",\"minorEdit\":false}}";
  }

  /** Answers the listing of a page's properties with these (JSON of {@link #propertyJson}). */
  protected abstract void stubPropertyList(String pageId, String... properties);

  /** Answers the lookup of property {@code key}: {@code property} (JSON), or none when null. */
  protected abstract void stubPropertyByKey(String pageId, String key, String property);

  /**
   * After {@code comment add --inline --selection "the worker" --match 2} on page 42, whose text
   * has it three times: Cloud sent the comment with count 3 and index 1; Data Center, whose REST
   * API has no inline-comment operation, said so and sent nothing.
   */
  protected abstract void stubInlineCommentCreate(String pageId);

  protected abstract void assertInlineCommentAdded(Result r);

  /**
   * Stubs inline comment {@code id} on page 42 (Cloud: open at version 1, its resolve and reopen,
   * replies to it); Data Center: the comment as content, its reply.
   */
  protected abstract void stubInlineThread(String id);

  /** After reply, resolve, reopen on the thread: what each deployment sent or said. */
  protected abstract void assertThread(Result reply, Result resolve, Result reopen, String id);

  /**
   * Stubs templates: space DOCS has "Runbook" (3001, body {@code <h1>Runbook</h1>}), the site the
   * global "Meeting notes" (3002); and the create of page 900 in DOCS.
   */
  protected abstract void stubTemplates();

  /** After {@code template list --space DOCS} and {@code template list}. */
  protected abstract void assertTemplateLists(Result space, Result global);

  /** After {@code page create --space DOCS --title Ops --template runbook}. */
  protected abstract void assertCreatedFromTemplate(Result r);

  /** Where a page's restrictions are read ({@code byOperation}) and, without it, replaced. */
  protected abstract String restrictionPath(String pageId);

  /** A user in a restrictions answer: Ann (Cloud: account acc-ann; Data Center: ann). */
  protected abstract String annJson();

  /** A group in a restrictions answer. */
  protected abstract String groupJson(String name, String id);

  /** How the command line names Ed: his account id on Cloud, his username on Data Center. */
  protected abstract String ed();

  /** Answers what the deployment needs to add group {@code name} (Cloud: its id). */
  protected void stubGroup(String name, String id) {}

  /** The replace request after adding Ed as editor and group ops as viewer. */
  protected abstract void assertRestrictionsSent(JsonNode put);

  protected String byOperation(
      String readUsers, String readGroups, String updateUsers, String updateGroups) {
    return "{\"read\":{\"operation\":\"read\",\"restrictions\":{\"user\":{\"results\":["
        + readUsers
        + "],\"start\":0,\"limit\":200,\"size\":0},\"group\":{\"results\":["
        + readGroups
        + "],\"start\":0,\"limit\":200,\"size\":0}}},"
        + "\"update\":{\"operation\":\"update\",\"restrictions\":{\"user\":{\"results\":["
        + updateUsers
        + "],\"start\":0,\"limit\":200,\"size\":0},\"group\":{\"results\":["
        + updateGroups
        + "],\"start\":0,\"limit\":200,\"size\":0}}}}";
  }

  /** Stubs every test may need (Cloud: user names). */
  protected void stubCommon() {}

  @BeforeEach
  void commonAnswers() {
    stubCommon();
  }

  /** Page {@code id} at {@code version}, readable as the current one and as that version. */
  protected void stubPage(String id, String title, int version, String body) {
    wm.stubFor(
        get(urlPathEqualTo(pagePath(id)))
            .withQueryParam("version", absent())
            .willReturn(okJson(pageJson(id, title, version, body))));
    stubVersion(id, title, version, body);
  }

  /** An older version of page {@code id}, as a read of {@code version=N} answers. */
  protected void stubVersion(String id, String title, int version, String body) {
    wm.stubFor(
        get(urlPathEqualTo(pagePath(id)))
            .withQueryParam("version", equalTo(String.valueOf(version)))
            .willReturn(okJson(pageJson(id, title, version, body))));
  }

  /** The update answers version {@code version} with that body. */
  protected void stubUpdate(String id, String title, int version, String body) {
    wm.stubFor(
        put(urlPathEqualTo(pagePath(id))).willReturn(okJson(pageJson(id, title, version, body))));
  }

  /**
   * Page {@code id} is read at version 7; its update answers 409 because someone saved version 8
   * (with {@code theirs}) in between, which later reads then answer.
   */
  protected void stubRace(String id, String title, String body, String theirs) {
    wm.stubFor(
        get(urlPathEqualTo(pagePath(id)))
            .withQueryParam("version", absent())
            .inScenario("race")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson(pageJson(id, title, 7, body))));
    wm.stubFor(
        put(urlPathEqualTo(pagePath(id)))
            .inScenario("race")
            .willReturn(
                aResponse()
                    .withStatus(409)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"statusCode\":409,\"message\":\"Version must be incremented\"}"))
            .willSetStateTo("saved elsewhere"));
    wm.stubFor(
        get(urlPathEqualTo(pagePath(id)))
            .withQueryParam("version", absent())
            .inScenario("race")
            .whenScenarioStateIs("saved elsewhere")
            .willReturn(okJson(pageJson(id, title, 8, theirs))));
  }

  protected List<LoggedRequest> all() {
    return wm.findAll(anyRequestedFor(anyUrl()));
  }

  protected List<LoggedRequest> writes() {
    return all().stream().filter(r -> !r.getMethod().getName().equals("GET")).toList();
  }

  protected List<JsonNode> puts(String path) {
    return wm.findAll(putRequestedFor(urlPathEqualTo(path))).stream()
        .map(EditingScenarios::json)
        .toList();
  }

  protected static JsonNode json(LoggedRequest r) {
    try {
      return JSON.readTree(r.getBodyAsString());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + r.getBodyAsString(), e);
    }
  }

  // ---- page restore

  @Test
  void restoreSavesTheOldVersionsTitleAndBodyAsTheNextVersion() {
    stubPage("42", "Notes", 7, "<p>now</p>");
    stubVersion("42", "Old notes", 3, "<p>then</p>");
    stubUpdate("42", "Old notes", 8, "<p>then</p>");
    Result r = conf.pipe().run("page", "restore", "42", "--version", "3");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).isEqualTo("Updated page 'Old notes' (42) to version 8.\n");
    List<JsonNode> puts = puts(pagePath("42"));
    assertThat(puts).hasSize(1);
    JsonNode sent = puts.get(0);
    assertThat(sent.path("version").path("number").asInt()).isEqualTo(8);
    assertThat(sent.path("version").path("message").asText()).isEqualTo("Restored version 3");
    assertThat(sent.path("title").asText()).isEqualTo("Old notes");
    assertThat(bodyOf(sent)).isEqualTo("<p>then</p>");
  }

  @Test
  void restoreOverwritesNothingWhenThePageChangedInBetween() {
    stubRace("42", "Notes", "<p>now</p>", "<p>theirs</p>");
    stubVersion("42", "Notes", 3, "<p>then</p>");
    Result r = conf.pipe().run("page", "restore", "42", "--version", "3");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
    assertThat(r.err())
        .isEqualTo(
            "conf: page 42 changed on the server since it was read: this update was based on"
                + " version 7 and the server now has version 8; nothing was overwritten. Fetch it"
                + " again and re-apply your change.\n");
    assertThat(puts(pagePath("42"))).hasSize(1);
  }

  @Test
  void restoringWhatThePageAlreadyHasSendsNothing() {
    stubPage("42", "Notes", 7, "<p>same</p>");
    stubVersion("42", "Notes", 6, "<p>same</p>");
    Result r = conf.pipe().run("page", "restore", "42", "--version", "6");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("No changes").contains("nothing was sent");
    assertThat(writes()).isEmpty();
  }

  @Test
  void aVersionTheServerDoesNotHaveIsAUsageError() {
    stubPage("42", "Notes", 7, "<p>now</p>");
    Result r = conf.pipe().run("page", "restore", "42", "--version", "9");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("conf: page 42 is at version 7: there is no version 9\n");
    assertThat(writes()).isEmpty();
  }

  // ---- content properties

  @Test
  void propertiesAreListedWithTheirVersionsAndCompactValues() {
    stubPropertyList(
        "42",
        propertyJson("7001", "owner", 3, "{\"team\": \"docs\"}"),
        propertyJson("7002", "reviewed", 1, "true"));
    Result r = conf.pipe().run("property", "list", "42");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("owner\t3\t{\"team\":\"docs\"}\nreviewed\t1\ttrue\n");
  }

  @Test
  void getPrintsTheValueAndAMissingKeyIsExit3() throws Exception {
    stubPropertyByKey("42", "owner", propertyJson("7001", "owner", 3, "{\"team\":\"docs\"}"));
    Result r = conf.pipe().run("property", "get", "42", "owner");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(JSON.readTree(r.out())).isEqualTo(JSON.readTree("{\"team\":\"docs\"}"));

    Result json = conf.pipe().run("property", "get", "42", "owner", "--json", "key,version");
    assertThat(JSON.readTree(json.out()))
        .isEqualTo(JSON.readTree("{\"key\":\"owner\",\"version\":3}"));

    stubPropertyByKey("42", "nope", null);
    Result missing = conf.pipe().run("property", "get", "42", "nope");
    assertThat(missing.exitCode()).isEqualTo(3);
    assertThat(missing.err()).isEqualTo("conf: page or blog post 42 has no property 'nope'\n");
  }

  @Test
  void setCreatesAPropertyThePageLacks() throws Exception {
    stubPropertyByKey("42", "owner", null);
    wm.stubFor(
        post(urlPathEqualTo(propertiesPath("42")))
            .willReturn(okJson(propertyJson("7001", "owner", 1, "{\"team\":\"docs\"}"))));
    Result r = conf.pipe().run("property", "set", "42", "owner", "{\"team\":\"docs\"}");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err())
        .isEqualTo("Created property 'owner' of page or blog post 42 (version 1).\n");
    List<LoggedRequest> posts = wm.findAll(postRequestedFor(urlPathEqualTo(propertiesPath("42"))));
    assertThat(posts).hasSize(1);
    assertThat(json(posts.get(0)))
        .isEqualTo(JSON.readTree("{\"key\":\"owner\",\"value\":{\"team\":\"docs\"}}"));
  }

  @Test
  void setWritesTheNextVersionOfTheOneRead() throws Exception {
    stubPropertyByKey("42", "owner", propertyJson("7001", "owner", 3, "{\"name\":\"ann\"}"));
    wm.stubFor(
        put(urlPathEqualTo(propertyPath("42", "7001", "owner")))
            .willReturn(okJson(propertyJson("7001", "owner", 4, "{\"name\":\"bob\"}"))));
    Result r =
        conf.pipe()
            .stdin("{\"name\":\"bob\"}\n")
            .run("property", "set", "42", "owner", "--file", "-");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err())
        .isEqualTo("Updated property 'owner' of page or blog post 42 (version 4).\n");
    List<JsonNode> puts = puts(propertyPath("42", "7001", "owner"));
    assertThat(puts).hasSize(1);
    assertThat(puts.get(0))
        .isEqualTo(
            JSON.readTree(
                "{\"key\":\"owner\",\"value\":{\"name\":\"bob\"},\"version\":{\"number\":4}}"));
  }

  @Test
  void aPropertyChangedInBetweenIsNotOverwritten() {
    stubPropertyByKey("42", "owner", propertyJson("7001", "owner", 3, "{\"name\":\"ann\"}"));
    wm.stubFor(
        put(urlPathEqualTo(propertyPath("42", "7001", "owner")))
            .willReturn(
                aResponse()
                    .withStatus(409)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"statusCode\":409,\"message\":\"version conflict\"}")));
    Result r = conf.pipe().run("property", "set", "42", "owner", "{\"name\":\"bob\"}");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
    assertThat(r.err())
        .isEqualTo(
            "conf: property 'owner' of page or blog post 42 changed on the server since it was"
                + " read (this write was based on version 3); nothing was overwritten. Read it"
                + " again and re-apply your change.\n");
    assertThat(writes()).hasSize(1);

    Result guarded =
        conf.pipe()
            .run("property", "set", "42", "owner", "{\"name\":\"bob\"}", "--if-version", "2");
    assertThat(guarded.exitCode()).isEqualTo(5);
    assertThat(guarded.err())
        .contains("is at version 3, not 2 (--if-version): nothing was changed");
    assertThat(writes()).hasSize(1);
  }

  @Test
  void aValueThatIsNotJsonIsRefusedBeforeAnyRequest() {
    Result r = conf.pipe().run("property", "set", "42", "owner", "ann");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "conf: the value must be JSON (a string goes in quotes: '\"text\"'), not: ann\n");
    assertThat(all()).isEmpty();
  }

  @Test
  void settingTheValueItHasSendsNothing() {
    stubPropertyByKey("42", "owner", propertyJson("7001", "owner", 3, "{\"a\":1,\"b\":2}"));
    Result r = conf.pipe().run("property", "set", "42", "owner", "{\"b\": 2, \"a\": 1}");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("No changes").contains("nothing was sent");
    assertThat(writes()).isEmpty();
  }

  @Test
  void deleteRemovesTheProperty() {
    stubPropertyByKey("42", "owner", propertyJson("7001", "owner", 3, "\"ann\""));
    wm.stubFor(
        delete(urlPathEqualTo(propertyPath("42", "7001", "owner")))
            .willReturn(aResponse().withStatus(204)));
    Result r = conf.pipe().run("property", "delete", "42", "owner");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).isEqualTo("Deleted property 'owner' of page or blog post 42.\n");
    assertThat(wm.findAll(deleteRequestedFor(urlPathEqualTo(propertyPath("42", "7001", "owner")))))
        .hasSize(1);
  }

  // ---- page edit

  /** An executable shell script in the test's directory, to be the editor. */
  protected Path script(String name, String body) throws Exception {
    Path file = tmp.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    return file;
  }

  @Test
  void editOpensMarkdownAndSavesWhatTheEditorWrote() throws Exception {
    stubPage("42", "Notes", 7, "<h2>Plan</h2><p>Hello <strong>world</strong></p>");
    stubUpdate("42", "Notes", 8, "<p>x</p>");
    Path seen = tmp.resolve("seen.md");
    Path editor =
        script("editor.sh", "cp \"$1\" '" + seen + "'\nsed -i 's/world/everyone/' \"$1\"");
    Result r =
        conf.terminal().env("EDITOR", editor.toString()).run("page", "edit", "42", "-m", "wording");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(Files.readString(seen)).isEqualTo("## Plan\n\nHello **world**\n");
    List<JsonNode> puts = puts(pagePath("42"));
    assertThat(puts).hasSize(1);
    assertThat(bodyOf(puts.get(0)))
        .isEqualTo("<h2>Plan</h2>\n<p>Hello <strong>everyone</strong></p>\n");
    assertThat(puts.get(0).path("version").path("number").asInt()).isEqualTo(8);
    assertThat(puts.get(0).path("version").path("message").asText()).isEqualTo("wording");
    assertThat(r.err()).isEqualTo("Updated page 'Notes' (42) to version 8.\n");
  }

  @Test
  void editInStorageFormatKeepsEverythingTheEditorDidNotTouch() throws Exception {
    String body =
        "<p>old</p><ac:structured-macro ac:name=\"toc\" ac:schema-version=\"1\"/>"
            + "<ac:layout><ac:layout-section ac:type=\"two_equal\"><ac:layout-cell><p>a</p>"
            + "</ac:layout-cell><ac:layout-cell><p>b</p></ac:layout-cell></ac:layout-section>"
            + "</ac:layout>";
    stubPage("42", "Notes", 7, body);
    stubUpdate("42", "Notes", 8, body);
    Path editor = script("editor.sh", "sed -i 's/old/new/' \"$1\"");
    {
      // $VISUAL comes first: the $EDITOR here does not exist.
      Result r =
          conf.terminal()
              .env("VISUAL", editor.toString())
              .env("EDITOR", "/no/such/editor")
              .run("page", "edit", "42", "--format", "storage");
      assertThat(r.exitCode()).as(r.toString()).isZero();
    }
    assertThat(bodyOf(puts(pagePath("42")).get(0))).isEqualTo(body.replace("old", "new"));
  }

  @Test
  void anEditorVariableMayCarryArguments() {
    stubPage("42", "Notes", 7, "<p>Hello world</p>");
    stubUpdate("42", "Notes", 8, "<p>Hello everyone</p>");
    // As git runs it: the variable through sh -c, the file appended as its last argument.
    Result r =
        conf.terminal()
            .env("EDITOR", "sed -i 's/world/everyone/'")
            .run("page", "edit", "42", "--format", "storage");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(bodyOf(puts(pagePath("42")).get(0))).isEqualTo("<p>Hello everyone</p>");
  }

  @Test
  void anUnchangedBufferSendsNothing() throws Exception {
    stubPage("42", "Notes", 7, "<p>Hello</p>");
    Path editor = script("editor.sh", "true");
    Result r = conf.terminal().env("EDITOR", editor.toString()).run("page", "edit", "42");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).isEqualTo("No changes: page 'Notes' (42); nothing was sent.\n");
    assertThat(writes()).isEmpty();
  }

  @Test
  void anEditConflictKeepsTheTextInAFileAndOverwritesNothing() throws Exception {
    stubRace("42", "Notes", "<p>Hello</p>", "<p>theirs</p>");
    Path editor = script("editor.sh", "printf 'Mine now\\n' > \"$1\"");
    Result r = conf.terminal().env("EDITOR", editor.toString()).run("page", "edit", "42");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
    assertThat(r.err())
        .startsWith(
            "conf: page 42 changed on the server since it was read: this update was based on"
                + " version 7 and the server now has version 8; nothing was overwritten; your text"
                + " is kept in ")
        .endsWith(". Fetch it again and re-apply your change.\n");
    Matcher kept = Pattern.compile("kept in (\\S+\\.md)\\.").matcher(r.err());
    assertThat(kept.find()).isTrue();
    Path file = Path.of(kept.group(1));
    try {
      assertThat(Files.readString(file)).isEqualTo("Mine now\n");
    } finally {
      Files.deleteIfExists(file);
    }
    assertThat(puts(pagePath("42"))).hasSize(1);
  }

  @Test
  void editInAPipeOrWithoutAnEditorSaysWhatToUseInstead() throws Exception {
    Path editor = script("editor.sh", "true");
    Result piped = conf.pipe().env("EDITOR", editor.toString()).run("page", "edit", "42");
    assertThat(piped.exitCode()).isEqualTo(2);
    assertThat(piped.err())
        .isEqualTo(
            "conf: conf page edit needs a terminal to run your editor in; in a script, use `conf"
                + " page view 42 --raw > page.xml`, change the file and `conf page update 42"
                + " --file page.xml`\n");
    conf.env.remove("EDITOR");
    Result none = conf.terminal().run("page", "edit", "42");
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err())
        .isEqualTo(
            "conf: no editor: set $VISUAL or $EDITOR (e.g. export EDITOR=nano) or `conf config set"
                + " editor nano`, or use `conf page update 42 --file F`\n");
    assertThat(all()).isEmpty();
  }

  // ---- page append, page update --section

  /** A runbook full of macros, layouts, a table, an inline-comment marker and an emoticon. */
  protected static String runbook() throws Exception {
    try (var in =
        EditingScenarios.class.getResourceAsStream("/convert/sections/runbook.storage.xhtml")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void aSectionUpdateLeavesEveryByteOutsideTheSection() throws Exception {
    String page = runbook();
    stubPage("42", "Runbook", 7, page);
    stubUpdate("42", "Runbook", 8, page);
    Result r =
        conf.pipe()
            .stdin("- Java 21\n- a *service* account\n")
            .run("page", "update", "42", "--section", "Prerequisites", "--format", "markdown", "-");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    String sent = bodyOf(puts(pagePath("42")).get(0));
    String head = page.substring(0, page.indexOf("<h3>Prerequisites</h3>\n") + 23);
    String tail = page.substring(page.indexOf("\n</ac:layout-cell><ac:layout-cell>\n<h2>Contacts"));
    assertThat(sent).startsWith(head).endsWith(tail);
    assertThat(sent.substring(head.length(), sent.length() - tail.length()))
        .contains("Java 21")
        .contains("<em>service</em>")
        .doesNotContain("Java&nbsp;17");
  }

  @Test
  void aMissingOrRepeatedHeadingIsExit2NamingTheCandidates() throws Exception {
    stubPage("42", "Runbook", 7, runbook());
    Result missing =
        conf.pipe()
            .stdin("<p>x</p>")
            .run("page", "update", "42", "--section", "Install steps", "-");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err())
        .isEqualTo(
            "conf: page 42 has no section heading \"Install steps\"; its headings: Overview,"
                + " Install, Prerequisites, Contacts, Rollback & recovery, Changelog\n");

    stubPage("43", "Twice", 3, "<h2>Notes</h2><p>a</p><h2>Notes</h2><p>b</p>");
    Result twice =
        conf.pipe().stdin("<p>x</p>").run("page", "update", "43", "--section", "Notes", "-");
    assertThat(twice.exitCode()).isEqualTo(2);
    assertThat(twice.err())
        .isEqualTo(
            "conf: page 43 has 2 section headings \"Notes\" (h2 Notes (1 of 2), h2 Notes (2 of"
                + " 2)); rename one in Confluence, or update the whole page\n");
    assertThat(writes()).isEmpty();
  }

  @Test
  void appendAddsAtTheEndAndSendsTheRestBackUnchanged() throws Exception {
    String page = runbook();
    stubPage("42", "Runbook", 7, page);
    stubUpdate("42", "Runbook", 8, page);
    Result r =
        conf.pipe().stdin("<p>Added by the on-call bot.</p>\n").run("page", "append", "42", "-");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    String sent = bodyOf(puts(pagePath("42")).get(0));
    assertThat(sent).contains("<p>Added by the on-call bot.</p>");
    assertThat(sent.replace("<p>Added by the on-call bot.</p>", "")).isEqualTo(page);
    assertThat(sent.indexOf("<p>Added")).isGreaterThan(page.indexOf("first version"));
  }

  @Test
  void aDryRunPrintsTheDiffAndSendsNothing() throws Exception {
    stubPage("42", "Notes", 7, "<h2>Plan</h2><p>old</p><h2>Later</h2><p>keep</p>");
    Result r =
        conf.pipe()
            .stdin("new plan\n")
            .run(
                "page",
                "update",
                "42",
                "--section",
                "Plan",
                "--format",
                "markdown",
                "--dry-run",
                "-");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "--- page 42 version 7\n"
                + "+++ page 42 as it would be saved\n"
                + "@@ -1,4 +1,4 @@\n"
                + " <h2>Plan</h2>\n"
                + "-<p>old</p>\n"
                + "+<p>new plan</p>\n"
                + " <h2>Later</h2>\n"
                + " <p>keep</p>\n");
    assertThat(r.err()).isEqualTo("Dry run: nothing was sent.\n");
    assertThat(writes()).isEmpty();

    Result appended = conf.pipe().stdin("<p>end</p>").run("page", "append", "42", "--dry-run", "-");
    assertThat(appended.out()).endsWith(" <p>keep</p>\n+<p>end</p>\n");
    assertThat(writes()).isEmpty();
  }

  // ---- inline comments

  static final String WORKER_PAGE =
      "<p>Deploy the worker. Then deploy <strong>the</strong> worker again.</p>"
          + "<ac:structured-macro ac:name=\"info\"><ac:parameter ac:name=\"title\">the worker"
          + "</ac:parameter><ac:rich-text-body><p>the worker rests</p></ac:rich-text-body>"
          + "</ac:structured-macro>";

  @Test
  void anInlineCommentGoesOnTheChosenOccurrenceCountedInThePageText() {
    stubPage("42", "Deploy", 7, WORKER_PAGE);
    stubInlineCommentCreate("42");
    Result r =
        conf.pipe()
            .run(
                "comment",
                "add",
                "42",
                "--inline",
                "--selection",
                "the worker",
                "--match",
                "2",
                "--body",
                "Which worker?");
    assertInlineCommentAdded(r);
  }

  @Test
  void aSelectionThatIsMissingOrAmbiguousIsExit2BeforeAnyWrite() {
    stubPage("42", "Deploy", 7, WORKER_PAGE);
    Result ambiguous =
        conf.pipe().run("comment", "add", "42", "--inline", "--selection", "the worker", "-b", "?");
    assertThat(ambiguous.exitCode()).isEqualTo(2);
    assertThat(ambiguous.err())
        .isEqualTo(
            "conf: \"the worker\" occurs 3 times in the text of page or blog post 42: choose one"
                + " with --match 1..3\n");
    Result missing =
        conf.pipe().run("comment", "add", "42", "--inline", "--selection", "the title", "-b", "?");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err())
        .isEqualTo("conf: \"the title\" does not occur in the text of page or blog post 42\n");
    Result tooFar =
        conf.pipe()
            .run(
                "comment",
                "add",
                "42",
                "--inline",
                "--selection",
                "the worker",
                "--match",
                "4",
                "-b",
                "?");
    assertThat(tooFar.exitCode()).isEqualTo(2);
    Result noSelection = conf.pipe().run("comment", "add", "42", "--inline", "-b", "?");
    assertThat(noSelection.exitCode()).isEqualTo(2);
    assertThat(noSelection.err()).contains("--inline needs --selection TEXT");
    assertThat(writes()).isEmpty();
  }

  @Test
  void aReviewThreadIsRepliedToResolvedAndReopenedFromTheTerminal() {
    stubInlineThread("9001");
    Result reply = conf.pipe().run("comment", "reply", "9001", "--body", "Fixed in **v2**.");
    Result resolve = conf.pipe().run("comment", "resolve", "9001");
    Result reopen = conf.pipe().run("comment", "reopen", "9001");
    assertThread(reply, resolve, reopen, "9001");
  }

  // ---- templates

  @Test
  void templatesAreListedAndAPageIsCreatedFromOne() {
    stubTemplates();
    Result space = conf.pipe().run("template", "list", "--space", "DOCS");
    Result global = conf.pipe().run("template", "list");
    assertTemplateLists(space, global);
    Result created =
        conf.pipe()
            .run("page", "create", "--space", "DOCS", "--title", "Ops", "--template", "runbook");
    assertCreatedFromTemplate(created);
  }

  @Test
  void aTemplateAndABodyAtOnceAreRefusedBeforeAnyRequest() {
    Result r =
        conf.pipe()
            .stdin("<p>x</p>")
            .run("page", "create", "--space", "DOCS", "--title", "Ops", "--template", "3001", "-");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("conf: give --template or a body (--file F or -), not both\n");
    assertThat(all()).isEmpty();
  }

  // ---- restrictions

  @Test
  void restrictionsRoundTrip() {
    String path = restrictionPath("42") + "/byOperation";
    wm.stubFor(
        get(urlPathEqualTo(path))
            .inScenario("restrict")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson(byOperation("", groupJson("devs", "g-1"), annJson(), ""))));
    stubGroup("ops", "g-2");
    wm.stubFor(
        put(urlPathEqualTo(restrictionPath("42")))
            .inScenario("restrict")
            .willReturn(okJson("[]"))
            .willSetStateTo("restricted"));
    wm.stubFor(
        get(urlPathEqualTo(path))
            .inScenario("restrict")
            .whenScenarioStateIs("restricted")
            .willReturn(
                okJson(
                    byOperation(
                        "",
                        groupJson("devs", "g-1") + "," + groupJson("ops", "g-2"),
                        annJson(),
                        ""))));
    Result before = conf.pipe().run("page", "restrictions", "42");
    assertThat(before.exitCode()).as(before.toString()).isZero();
    assertThat(before.out()).startsWith("view\tgroup\tdevs\t").contains("edit\tuser\tAnn Author\t");

    Result r =
        conf.pipe().run("page", "restrict", "42", "--edit", "user:" + ed(), "--view", "group:ops");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).isEqualTo("Added 2 restrictions on page 42.\n");
    assertThat(r.out()).contains("view\tgroup\tops\t");
    List<JsonNode> sent = puts(restrictionPath("42"));
    assertThat(sent).hasSize(1);
    assertRestrictionsSent(sent.get(0));
  }

  @Test
  void liftingARestrictionThePageLacksIsExit3AndABadNameExit2() {
    wm.stubFor(
        get(urlPathEqualTo(restrictionPath("42") + "/byOperation"))
            .willReturn(okJson(byOperation("", "", annJson(), ""))));
    Result missing = conf.pipe().run("page", "restrict", "42", "--remove", "--view", "group:devs");
    assertThat(missing.exitCode()).isEqualTo(3);
    assertThat(missing.err()).isEqualTo("conf: page 42 has no such restriction: view group:devs\n");
    Result bad = conf.pipe().run("page", "restrict", "42", "--edit", "devs");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).isEqualTo("conf: --edit takes user:NAME or group:NAME, not 'devs'\n");
    assertThat(writes()).isEmpty();
  }
}
