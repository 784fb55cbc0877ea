package dev.conf.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import dev.conf.cli.publish.LocalPage;
import dev.conf.cli.publish.SourceTree;
import dev.conf.convert.CodeLanguages;
import dev.conf.testing.ConfRunner.Result;
import dev.conf.testing.WireMockSuite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code conf publish} scenarios both deployments pass, through the real command line, HTTP stack
 * and backend against WireMock, with real files. The state of the space is what the content search
 * answers ({@link #stubState}); every request is checked against the deployment's OpenAPI document.
 */
public abstract class PublishScenarios extends WireMockSuite {
  static final ObjectMapper JSON = new ObjectMapper();

  /** The id the create stub answers with. */
  static final String NEW_ID = "500";

  protected Path docs;

  /** Space DOCS with this homepage. */
  protected abstract void stubSpace(String homepageId);

  /** No space DOCS. */
  protected abstract void stubNoSpace();

  /** The v1 CQL content search. */
  protected abstract String searchPath();

  /**
   * The title lookup answers nothing, except for {@code title} (when not null): page {@code id}.
   */
  protected abstract void stubTitles(String title, String id);

  protected abstract String createPath();

  protected abstract String pagePath(String id);

  /** A page as create and update answer it. */
  protected abstract String pageAnswer(String id, String title, int version);

  protected abstract String parentOfCreate(JsonNode request);

  /** The new parent in an update request, or null when it does not move the page. */
  protected abstract String parentOfUpdate(JsonNode request);

  protected abstract String bodyOf(JsonNode request);

  protected abstract String propertyCreatePath(String pageId);

  protected abstract String propertyUpdatePath(String pageId, String propertyId);

  protected abstract String labelPath(String pageId);

  /** No attachments on the page yet; uploads answer with one. */
  protected abstract void stubAttachments(String pageId);

  protected abstract String uploadPath(String pageId);

  @BeforeEach
  void folderAndSpace() throws Exception {
    docs = Files.createDirectories(tmp.resolve("docs"));
    stubSpace("100");
    stubTitles(null, null);
  }

  // ---- the folder and the server's state

  protected void write(String rel, String text) throws Exception {
    Path p = docs.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  protected void writeBytes(String rel, byte[] bytes) throws Exception {
    Path p = docs.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
  }

  /** The small tree most scenarios publish: a top page, a folder with an index, a page in it. */
  protected void sampleTree() throws Exception {
    write("README.md", "# Welcome\n\nStart with [the setup](guide/setup.md#install).\n");
    write("guide/index.md", "---\ntitle: User guide\nlabels: [docs, guide]\n---\nAll about it.\n");
    write(
        "guide/setup.md", "# Setup\n\n![diagram](img/flow.png)\n\nBack to [home](../README.md).\n");
    writeBytes("guide/img/flow.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1});
  }

  /** A page on the server, with or without conf's record. */
  protected record Remote(
      String id,
      String title,
      int version,
      String parentId,
      List<String> labels,
      String hash,
      Integer recordedVersion,
      Map<String, String> attachments,
      String versionMessage) {
    protected Remote(
        String id,
        String title,
        int version,
        String parentId,
        List<String> labels,
        String hash,
        Integer recordedVersion,
        Map<String, String> attachments) {
      this(id, title, version, parentId, labels, hash, recordedVersion, attachments, null);
    }
  }

  /** The local pages as the command computes them (titles, hashes). */
  protected Map<String, LocalPage> local() {
    Map<String, LocalPage> out = new LinkedHashMap<>();
    for (LocalPage p :
        SourceTree.read(docs, dataCenter() ? CodeLanguages::dataCenter : CodeLanguages::cloud)
            .pages()) {
      out.put(p.path(), p);
    }
    return out;
  }

  protected boolean dataCenter() {
    return false;
  }

  /** Each local page as conf published it, unchanged since: ids 601, 602, … */
  protected List<Remote> published() {
    List<Remote> out = new ArrayList<>();
    Map<String, String> ids = new LinkedHashMap<>();
    int n = 601;
    for (LocalPage p : local().values()) {
      String id = String.valueOf(n++);
      ids.put(p.path(), id);
      out.add(
          new Remote(
              id,
              p.title(),
              3,
              p.parentPath() == null ? "100" : ids.get(p.parentPath()),
              p.labels(),
              p.hash(),
              3,
              p.imageHashes()));
    }
    return out;
  }

  /** The content search answers these pages, over pages of {@code per}. */
  protected void stubState(List<Remote> pages, int per) {
    List<String> items = new ArrayList<>();
    for (Remote r : pages) {
      items.add(contentJson(r));
    }
    int chunks = Math.max(1, (items.size() + per - 1) / per);
    for (int c = 0; c < chunks; c++) {
      List<String> chunk =
          items.subList(Math.min(items.size(), c * per), Math.min(items.size(), (c + 1) * per));
      String next = c + 1 < chunks ? ",\"next\":\"" + nextLink(c + 1, per) + "\"" : "";
      wm.stubFor(
          get(urlPathEqualTo(searchPath()))
              .withQueryParam(
                  site().pageParam(),
                  c == 0
                      ? com.github.tomakehurst.wiremock.client.WireMock.absent()
                      : com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                          String.valueOf(c * per)))
              .willReturn(
                  okJson(
                      "{\"results\":["
                          + String.join(",", chunk)
                          + "],\"start\":"
                          + c * per
                          + ",\"limit\":"
                          + per
                          + ",\"size\":"
                          + chunk.size()
                          + ",\"_links\":{\"base\":\""
                          + siteUrl()
                          + "\""
                          + next
                          + "}}")));
    }
  }

  protected void stubState(List<Remote> pages) {
    stubState(pages, 200);
  }

  /** The next link of the content search, relative to the API base. */
  protected String nextLink(int chunk, int per) {
    return "/rest/api/content/search?cql=x&limit="
        + per
        + "&"
        + site().pageParam()
        + "="
        + chunk * per;
  }

  static String contentJson(Remote r) {
    StringBuilder labels = new StringBuilder();
    for (String l : r.labels()) {
      labels.append(labels.length() == 0 ? "" : ",");
      labels.append("{\"prefix\":\"global\",\"name\":\"").append(l).append("\"}");
    }
    String property = "";
    if (r.hash() != null) {
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("hash", r.hash());
      value.put("version", r.recordedVersion());
      value.put("path", "x.md");
      value.put("attachments", r.attachments());
      // conf recorded the labels it set; by this fixture's convention a "hand-*" label was added
      // in Confluence, so the record does not list it.
      value.put("labels", r.labels().stream().filter(l -> !l.startsWith("hand-")).toList());
      try {
        property =
            ",\"properties\":{\"conf-publish\":{\"id\":\"70"
                + r.id()
                + "\",\"key\":\"conf-publish\",\"value\":"
                + JSON.writeValueAsString(value)
                + ",\"version\":{\"number\":2}}}";
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return "{\"id\":\""
        + r.id()
        + "\",\"type\":\"page\",\"status\":\"current\",\"title\":"
        + CloudPageTest.q(r.title())
        + ",\"version\":{\"number\":"
        + r.version()
        + (r.versionMessage() == null ? "" : ",\"message\":" + CloudPageTest.q(r.versionMessage()))
        + "},\"ancestors\":[{\"id\":\"1\",\"type\":\"page\"},{\"id\":\""
        + r.parentId()
        + "\",\"type\":\"page\"}],\"metadata\":{\"labels\":{\"results\":["
        + labels
        + "]}"
        + property
        + "}}";
  }

  /** Creates answer page {@link #NEW_ID}; labels, properties and uploads succeed. */
  protected void stubWrites(String... updatedIds) {
    wm.stubFor(post(urlPathEqualTo(createPath())).willReturn(okJson(pageAnswer(NEW_ID, "New", 1))));
    wm.stubFor(post(urlPathMatching(labelPath("[0-9]+"))).willReturn(okJson("{\"results\":[]}")));
    wm.stubFor(
        post(urlPathMatching(propertyCreatePath("[0-9]+")))
            .willReturn(okJson("{\"id\":\"9001\",\"key\":\"conf-publish\",\"value\":{}}")));
    wm.stubFor(
        put(urlPathMatching(propertyUpdatePath("[0-9]+", "[0-9]+")))
            .willReturn(okJson("{\"id\":\"9001\",\"key\":\"conf-publish\",\"value\":{}}")));
    stubAttachments(NEW_ID);
    for (String id : updatedIds) {
      stubAttachments(id);
    }
  }

  protected void stubUpdate(String id, String title, int newVersion) {
    wm.stubFor(
        put(urlPathEqualTo(pagePath(id))).willReturn(okJson(pageAnswer(id, title, newVersion))));
  }

  protected List<LoggedRequest> all() {
    return wm.findAll(anyRequestedFor(anyUrl()));
  }

  protected List<LoggedRequest> writes() {
    return all().stream().filter(r -> !r.getMethod().getName().equals("GET")).toList();
  }

  protected List<LoggedRequest> creates() {
    return wm.findAll(postRequestedFor(urlPathEqualTo(createPath())));
  }

  protected List<LoggedRequest> uploads() {
    return wm.findAll(postRequestedFor(urlPathMatching(uploadPath("[0-9]+") + ".*")));
  }

  protected static JsonNode json(LoggedRequest r) {
    try {
      return JSON.readTree(r.getBodyAsString());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + r.getBodyAsString(), e);
    }
  }

  protected Result publish(String... extra) {
    List<String> args = new ArrayList<>(List.of("publish", docs.toString(), "--space", "DOCS"));
    args.addAll(List.of(extra));
    return conf.pipe().run(args.toArray(String[]::new));
  }

  // ---- create

  @Test
  void firstRunCreatesTheTreeParentsFirstWithLinksImagesLabelsAndRecords() throws Exception {
    sampleTree();
    stubState(List.of());
    stubWrites();
    Result r = publish();
    assertThat(r.exitCode()).as(r.toString()).isZero();

    List<LoggedRequest> creates = creates();
    assertThat(creates).hasSize(3);
    JsonNode readme = json(creates.get(0));
    JsonNode guide = json(creates.get(1));
    JsonNode setup = json(creates.get(2));
    assertThat(readme.path("title").asText()).isEqualTo("Welcome");
    assertThat(guide.path("title").asText()).isEqualTo("User guide");
    assertThat(setup.path("title").asText()).isEqualTo("Setup");
    // Top-level pages under the homepage, the folder's page under its page.
    assertThat(parentOfCreate(readme)).isEqualTo("100");
    assertThat(parentOfCreate(guide)).isEqualTo("100");
    assertThat(parentOfCreate(setup)).isEqualTo(NEW_ID);
    // The H1 that gave the title is not repeated in the body; links became page links.
    assertThat(bodyOf(readme))
        .doesNotContain("<h1>")
        .contains("<ac:link ac:anchor=\"install\"><ri:page ri:content-title=\"Setup\"/>");
    assertThat(bodyOf(setup))
        .contains("<ri:attachment ri:filename=\"flow.png\"/>")
        .contains("<ri:page ri:content-title=\"Welcome\"/>");
    assertThat(uploads()).hasSize(1);
    assertThat(uploads().get(0).getBodyAsString()).contains("flow.png");
    assertThat(wm.findAll(postRequestedFor(urlPathMatching(labelPath("[0-9]+"))))).isNotEmpty();

    List<LoggedRequest> records =
        wm.findAll(postRequestedFor(urlPathMatching(propertyCreatePath("[0-9]+"))));
    assertThat(records).hasSize(3);
    // A page with images or labels is claimed first (a pending record), so that a run dying
    // before its uploads leaves a page the next run finishes; the last write is the real record.
    JsonNode claim = json(records.get(2));
    assertThat(claim.path("value").path("hash").asText()).isEqualTo("pending");
    assertThat(claim.path("value").path("path").asText()).isEqualTo("guide/setup.md");
    List<LoggedRequest> finals =
        wm.findAll(putRequestedFor(urlPathMatching(propertyUpdatePath("[0-9]+", "9001"))));
    JsonNode record = json(finals.get(finals.size() - 1));
    assertThat(record.path("version").path("number").asInt()).isGreaterThan(1);
    assertThat(record.path("key").asText()).isEqualTo("conf-publish");
    assertThat(record.path("value").path("hash").asText()).startsWith("sha256:");
    assertThat(record.path("value").path("version").asInt()).isEqualTo(1);
    assertThat(record.path("value").path("path").asText()).isEqualTo("guide/setup.md");
    assertThat(record.path("value").path("attachments").path("flow.png").asText())
        .startsWith("sha256:");

    assertThat(r.out())
        .isEqualTo(
            "create\tREADME.md\tWelcome\t500\t\n"
                + "create\tguide/index.md\tUser guide\t500\t\n"
                + "create\tguide/setup.md\tSetup\t500\t\n");
    // The content search asked for everything in one expansion, under the homepage.
    LoggedRequest search = wm.findAll(getRequestedFor(urlPathEqualTo(searchPath()))).get(0);
    assertThat(search.queryParameter("cql").firstValue())
        .isEqualTo("type = page AND space = \"DOCS\" AND ancestor = \"100\"");
    assertThat(search.queryParameter("expand").firstValue())
        .isEqualTo("version,ancestors,metadata.labels,metadata.properties.conf-publish");
  }

  @Test
  void aFolderWithoutIndexListsItsChildrenAndParentDefaultsToTheGivenPage() throws Exception {
    write("ops/runbook.md", "Restart it.\n");
    stubState(List.of());
    stubWrites();
    wm.stubFor(
        get(urlPathEqualTo(pagePath("42"))).willReturn(okJson(pageAnswer("42", "Handbook", 3))));
    Result r = publish("--parent", "42");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<LoggedRequest> creates = creates();
    assertThat(creates).hasSize(2);
    assertThat(json(creates.get(0)).path("title").asText()).isEqualTo("ops");
    assertThat(bodyOf(json(creates.get(0)))).contains("ac:name=\"children\"");
    assertThat(parentOfCreate(json(creates.get(0)))).isEqualTo("42");
    assertThat(json(creates.get(1)).path("title").asText()).isEqualTo("runbook");
  }

  // ---- idempotence

  @Test
  void aSecondRunWithNothingChangedWritesNothing() throws Exception {
    sampleTree();
    stubState(published());
    Result r = publish();
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(writes()).as("write requests").isEmpty();
    // The space, and one page of search results: nothing per page.
    assertThat(all()).hasSizeLessThanOrEqualTo(2);
    assertThat(r.out()).contains("unchanged\tguide/setup.md\tSetup\t603\t");
  }

  @Test
  void aChangedFileIsOneUpdateAndTheRecordFollowsIt() throws Exception {
    sampleTree();
    List<Remote> state = published();
    stubState(state);
    write("guide/setup.md", "# Setup\n\n![diagram](img/flow.png)\n\nNow with more.\n");
    stubWrites("603");
    stubUpdate("603", "Setup", 4);
    Result r = publish();
    assertThat(r.exitCode()).as(r.toString()).isZero();

    List<LoggedRequest> puts = wm.findAll(putRequestedFor(urlPathMatching(".*")));
    List<LoggedRequest> pagePuts =
        puts.stream()
            .filter(p -> p.getUrl().startsWith(pagePath("603")) && !p.getUrl().contains("propert"))
            .toList();
    assertThat(pagePuts).hasSize(1);
    JsonNode update = json(pagePuts.get(0));
    assertThat(update.path("version").path("number").asInt()).isEqualTo(4);
    assertThat(bodyOf(update)).contains("Now with more.");
    assertThat(parentOfUpdate(update)).isNull();
    // The image did not change: not uploaded again.
    assertThat(uploads()).isEmpty();
    assertThat(creates()).isEmpty();
    List<LoggedRequest> record =
        wm.findAll(putRequestedFor(urlPathEqualTo(propertyUpdatePath("603", "70603"))));
    assertThat(record).hasSize(1);
    assertThat(json(record.get(0)).path("version").path("number").asInt()).isEqualTo(3);
    assertThat(json(record.get(0)).path("value").path("version").asInt()).isEqualTo(4);
    assertThat(writes()).hasSize(2);
    assertThat(r.out()).contains("update\tguide/setup.md\tSetup\t603\t");
  }

  @Test
  void imagesAreUploadedOnlyWhenTheirContentChanged() throws Exception {
    sampleTree();
    write("guide/setup.md", "# Setup\n\n![diagram](img/flow.png)\n\n![b](img/b.png)\n");
    writeBytes("guide/img/b.png", new byte[] {7, 7});
    List<Remote> state = new ArrayList<>(published());
    stubState(state);
    writeBytes("guide/img/b.png", new byte[] {8, 8}); // b.png changed since, flow.png did not
    stubWrites("603");
    stubUpdate("603", "Setup", 4);
    Result r = publish();
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(uploads()).hasSize(1);
    assertThat(uploads().get(0).getBodyAsString()).contains("b.png").doesNotContain("flow.png");
  }

  @Test
  void aFileMovedToAnotherFolderMovesItsPage() throws Exception {
    sampleTree();
    stubState(published());
    Files.move(docs.resolve("guide/setup.md"), docs.resolve("setup.md"));
    Files.move(docs.resolve("guide/img"), docs.resolve("img"));
    write("setup.md", "# Setup\n\n![diagram](img/flow.png)\n\nBack to [home](README.md).\n");
    // README's link now points at the new place: its page stays the same.
    write("README.md", "# Welcome\n\nStart with [the setup](setup.md#install).\n");
    stubWrites("603");
    stubUpdate("603", "Setup", 4);
    Result r = publish();
    assertThat(r.exitCode()).as(r.toString()).isZero();
    LoggedRequest update = wm.findAll(putRequestedFor(urlPathEqualTo(pagePath("603")))).get(0);
    assertThat(parentOfUpdate(json(update))).isEqualTo("100");
  }

  // ---- safety

  /**
   * The sample tree as published, except that guide/setup.md (603), recorded at v3 with an older
   * hash, is now at v5 on the server; writes to 603 are answered.
   */
  private void setupEditedInConfluence() throws Exception {
    setupVersionAfterTheRecord(null);
  }

  /** Setup's page is at v5, its record says v3; v5's message is {@code message}. */
  private void setupVersionAfterTheRecord(String message) throws Exception {
    sampleTree();
    List<Remote> state = new ArrayList<>(published());
    Remote setup = state.get(2);
    state.set(
        2,
        new Remote(
            setup.id(),
            setup.title(),
            5,
            setup.parentId(),
            setup.labels(),
            "sha256:old",
            3,
            setup.attachments(),
            message));
    stubState(state);
    stubWrites("603");
  }

  @Test
  void aVersionConfSavedBeforeItsRecordWasLostIsFinishedNotSkipped() throws Exception {
    // The run that saved v5 died before writing the record (still v3): v5's message is conf's.
    setupVersionAfterTheRecord("conf publish guide/setup.md");
    stubUpdate("603", "Setup", 6);
    Result r = publish();
    assertThat(r.exitCode()).as(r.toString()).isZero();
    LoggedRequest update = wm.findAll(putRequestedFor(urlPathEqualTo(pagePath("603")))).get(0);
    assertThat(json(update).path("version").path("number").asInt()).isEqualTo(6);
    assertThat(r.out())
        .contains("update\tguide/setup.md\tSetup\t603\tv5 by conf, its record was not written");
  }

  @Test
  void aPageEditedInConfluenceIsSkippedWithExit5AndNoPut() throws Exception {
    setupEditedInConfluence();
    Result r = publish();
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
    assertThat(writes()).isEmpty();
    assertThat(r.out())
        .contains("skipped\tguide/setup.md\tSetup\t603\tedited in Confluence since v3 (now v5)");
    assertThat(r.err().lines().filter(l -> l.startsWith("conf: "))).hasSize(1);
  }

  @Test
  void forceOverwritesAPageEditedInConfluence() throws Exception {
    setupEditedInConfluence();
    stubUpdate("603", "Setup", 6);
    Result r = publish("--force");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    LoggedRequest update = wm.findAll(putRequestedFor(urlPathEqualTo(pagePath("603")))).get(0);
    assertThat(json(update).path("version").path("number").asInt()).isEqualTo(6);
    assertThat(r.out()).contains("update\tguide/setup.md\tSetup\t603\tedited in Confluence");
  }

  @Test
  void aPageConfDidNotPublishIsSkipped() throws Exception {
    write("notes.md", "# Notes\n\nmine\n");
    stubState(List.of(new Remote("650", "Notes", 2, "100", List.of(), null, null, Map.of())));
    Result r = publish();
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
    assertThat(writes()).isEmpty();
    assertThat(r.out()).contains("skipped\tnotes.md\tNotes\t650\tnot published by conf");
  }

  @Test
  void aSameTitledPageElsewhereInTheSpaceIsReportedNotOverwritten() throws Exception {
    write("notes.md", "# Notes\n");
    stubState(List.of());
    stubTitles("Notes", "777");
    stubWrites();
    Result r = publish("--force");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
    assertThat(writes()).isEmpty();
    assertThat(r.out())
        .contains("skipped\tnotes.md\tNotes\t777\ta page with this title is elsewhere");
  }

  @Test
  void aConflictDuringTheUpdateIsReportedWithExit5() throws Exception {
    sampleTree();
    stubState(published());
    write("guide/setup.md", "# Setup\n\nchanged\n");
    stubWrites("603");
    wm.stubFor(
        put(urlPathEqualTo(pagePath("603")))
            .willReturn(
                aResponse()
                    .withStatus(409)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"statusCode\":409,\"message\":\"Version must be incremented\"}")));
    Result r = publish();
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
    assertThat(r.out())
        .contains("skipped\tguide/setup.md\tSetup\t603\tchanged in Confluence while");
    assertThat(wm.findAll(putRequestedFor(urlPathMatching(".*propert.*")))).isEmpty();
  }

  // ---- dry run and JSON

  @Test
  void aDryRunPrintsThePlanAndWritesNothing() throws Exception {
    sampleTree();
    List<Remote> state = new ArrayList<>(published());
    state.remove(2); // setup.md is new
    stubState(state);
    write("README.md", "# Welcome\n\nchanged\n");
    Result r = publish("--dry-run");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(writes()).isEmpty();
    assertThat(r.out())
        .isEqualTo(
            "update\tREADME.md\tWelcome\t601\t\n"
                + "unchanged\tguide/index.md\tUser guide\t602\t\n"
                + "create\tguide/setup.md\tSetup\t\t\n");
    assertThat(r.err()).contains("Dry run: 1 to create, 1 to update, 1 unchanged, 0 skipped");
  }

  @Test
  void jsonIsAnArrayOfOutcomes() throws Exception {
    sampleTree();
    stubState(published());
    Result r = publish("--json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode out = JSON.readTree(r.out());
    assertThat(out.isArray()).isTrue();
    assertThat(out).hasSize(3);
    assertThat(out.get(0).toString())
        .isEqualTo(
            "{\"path\":\"README.md\",\"title\":\"Welcome\",\"action\":\"unchanged\","
                + "\"id\":\"601\",\"version\":3,\"reason\":null}");
  }

  // ---- bad input

  @Test
  void aMissingFolderIsAUsageError() {
    Result r = conf.pipe().run("publish", tmp.resolve("nope").toString(), "--space", "DOCS");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).contains("no such directory");
    assertThat(all()).isEmpty();
  }

  @Test
  void aFolderWithoutMarkdownIsAUsageError() throws Exception {
    writeBytes("images/a.png", new byte[] {1});
    Result r = publish();
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).contains("no Markdown (.md) files");
    assertThat(all()).isEmpty();
  }

  @Test
  void twoPagesWithOneTitleFailBeforeAnyRequest() throws Exception {
    write("a.md", "# Same\n");
    write("b/c.md", "---\ntitle: Same\n---\n");
    Result r = publish();
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("a.md").contains("b/c.md");
    assertThat(all()).isEmpty();
  }

  @Test
  void anUnknownSpaceIsNotFound() throws Exception {
    write("a.md", "# A\n");
    wm.resetAll();
    stubNoSpace();
    Result r = publish();
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).contains("DOCS");
    assertThat(writes()).isEmpty();
  }

  @Test
  void aLabelConfSetIsRemovedWhenTheFileNoLongerListsItButOneAddedByHandStays() throws Exception {
    sampleTree();
    List<Remote> state = new ArrayList<>(published());
    Remote guide = state.get(1); // guide/index.md, labels docs and guide, published by conf
    List<String> onThePage = new ArrayList<>(guide.labels());
    onThePage.add("hand-picked");
    state.set(
        1,
        new Remote(
            guide.id(),
            guide.title(),
            guide.version(),
            guide.parentId(),
            onThePage,
            guide.hash(),
            guide.recordedVersion(),
            guide.attachments()));
    stubState(state);
    write("guide/index.md", "---\ntitle: User guide\nlabels: [docs]\n---\nAll about it.\n");
    stubWrites(guide.id());
    stubUpdate(guide.id(), "User guide", 4);
    wm.stubFor(
        delete(urlPathMatching(labelPath(guide.id()) + ".*"))
            .willReturn(aResponse().withStatus(204)));
    Result r = publish();
    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<LoggedRequest> removed = deletes();
    assertThat(removed).hasSize(1);
    assertThat(removed.get(0).getUrl()).startsWith(labelPath(guide.id()));
    assertThat(removed.get(0).queryParameter("name").firstValue()).isEqualTo("guide");
    // The new record lists what conf set now.
    LoggedRequest record =
        wm.findAll(putRequestedFor(urlPathMatching(propertyUpdatePath(guide.id(), "[0-9]+"))))
            .get(0);
    assertThat(json(record).path("value").path("labels").toString()).isEqualTo("[\"docs\"]");
  }

  // ---- pages whose file is gone (--prune)

  /**
   * The sample tree as published, plus page 650 "Old" under the homepage, which conf published from
   * a file that is gone (its record's path is {@code x.md}, as {@link #contentJson} writes it), at
   * {@code version} with v3 recorded; and {@code more} pages. Trashing 650 is answered.
   */
  private List<Remote> withOrphan(int version, Remote... more) throws Exception {
    sampleTree();
    List<Remote> state = new ArrayList<>(published());
    state.add(new Remote("650", "Old", version, "100", List.of(), "sha256:old", 3, Map.of()));
    state.addAll(List.of(more));
    wm.stubFor(delete(urlPathEqualTo(pagePath("650"))).willReturn(aResponse().withStatus(204)));
    return state;
  }

  private List<LoggedRequest> deletes() {
    return wm.findAll(deleteRequestedFor(urlPathMatching(".*")));
  }

  @Test
  void aPageWhoseFileIsGoneIsListedAsOrphanedWithoutPrune() throws Exception {
    stubState(withOrphan(3));
    Result r = publish();
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(writes()).isEmpty();
    assertThat(r.out())
        .endsWith("orphaned\tx.md\tOld\t650\tits file is gone; --prune moves it to the trash\n");
    assertThat(r.err()).contains("1 orphaned");
  }

  @Test
  void pruneTrashesAPageWhoseFileIsGoneAfterTheCreatesAndUpdates() throws Exception {
    List<Remote> state = withOrphan(3);
    state.remove(2); // guide/setup.md is new
    stubState(state);
    write("README.md", "# Welcome\n\nchanged\n");
    stubWrites("601");
    stubUpdate("601", "Welcome", 4);
    Result r = publish("--prune", "--json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(deletes()).hasSize(1);
    LoggedRequest trash = deletes().get(0);
    assertThat(trash.getUrl()).startsWith(pagePath("650"));
    assertThat(trash.queryParameter("purge").isPresent()).isFalse();
    assertThat(trash.queryParameter("status").isPresent()).isFalse();
    // Last: after the create (and its uploads, labels and record) and the update.
    List<LoggedRequest> writes = writes();
    assertThat(creates()).hasSize(1);
    assertThat(wm.findAll(putRequestedFor(urlPathEqualTo(pagePath("601"))))).hasSize(1);
    assertThat(writes.get(writes.size() - 1).getUrl()).isEqualTo(trash.getUrl());
    JsonNode out = JSON.readTree(r.out());
    assertThat(out.get(out.size() - 1).toString())
        .isEqualTo(
            "{\"path\":\"x.md\",\"title\":\"Old\",\"action\":\"delete\","
                + "\"id\":\"650\",\"version\":3,\"reason\":null}");
    assertThat(r.err()).contains("1 moved to the trash");
  }

  @Test
  void anOrphanTrashedBySomeoneElseMeanwhileIsReportedAsGone() throws Exception {
    stubState(withOrphan(3));
    wm.stubFor(
        delete(urlPathEqualTo(pagePath("650")))
            .willReturn(aResponse().withStatus(404).withBody("{\"message\":\"not found\"}")));
    Result r = publish("--prune");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(deletes()).hasSize(1);
    assertThat(r.out()).endsWith("delete\tx.md\tOld\t650\talready gone\n");
  }

  @Test
  void anOrphanEditedInConfluenceIsSkippedWithExit5AndNotTrashed() throws Exception {
    stubState(withOrphan(5));
    Result r = publish("--prune");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
    assertThat(writes()).isEmpty();
    assertThat(r.out()).contains("skipped\tx.md\tOld\t650\tedited in Confluence since v3 (now v5)");
  }

  @Test
  void aDryRunWithPruneShowsTheDeletionAndSendsNothing() throws Exception {
    stubState(withOrphan(3));
    Result r = publish("--dry-run", "--prune");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(writes()).isEmpty();
    assertThat(r.out()).endsWith("delete\tx.md\tOld\t650\t\n");
    assertThat(r.err()).contains("1 to delete; nothing was written");
  }

  @Test
  void anOrphanWithAChildConfDidNotPublishIsKept() throws Exception {
    stubState(
        withOrphan(3, new Remote("651", "Ann's notes", 2, "650", List.of(), null, null, Map.of())));
    Result r = publish("--prune");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
    assertThat(writes()).isEmpty();
    assertThat(r.out())
        .contains("skipped\tx.md\tOld\t650\thas children conf does not remove")
        .doesNotContain("651");
  }

  /**
   * The sample tree as published, except that guide/setup.md's page (603, an older hash) is under
   * page 650, which conf published from a folder since renamed: the update moves it away.
   */
  private void setupUnderAGoneFolder() throws Exception {
    List<Remote> state = withOrphan(3);
    Remote setup = state.get(2);
    state.set(
        2,
        new Remote(
            setup.id(),
            setup.title(),
            3,
            "650",
            setup.labels(),
            "sha256:old",
            3,
            setup.attachments()));
    stubState(state);
    stubWrites("603");
  }

  @Test
  void aChildMovedToItsNewFolderLeavesItsOldParentWhichIsThenTrashed() throws Exception {
    setupUnderAGoneFolder();
    stubUpdate("603", "Setup", 4);
    Result r = publish("--prune");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<LoggedRequest> writes = writes();
    int moved = writes.indexOf(wm.findAll(putRequestedFor(urlPathEqualTo(pagePath("603")))).get(0));
    assertThat(parentOfUpdate(json(writes.get(moved)))).isEqualTo("602");
    assertThat(deletes()).hasSize(1);
    assertThat(writes.indexOf(deletes().get(0))).isGreaterThan(moved);
  }

  @Test
  void aChildWhoseMoveIsRefusedKeepsItsOldParent() throws Exception {
    setupUnderAGoneFolder();
    wm.stubFor(
        put(urlPathEqualTo(pagePath("603")))
            .willReturn(
                aResponse()
                    .withStatus(409)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"statusCode\":409,\"message\":\"Version must be incremented\"}")));
    Result r = publish("--prune");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
    assertThat(deletes()).isEmpty();
    assertThat(r.out()).contains("skipped\tx.md\tOld\t650\thas children conf does not remove");
  }
}
