package dev.conf.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.conf.cli.publish.LocalPage;
import dev.conf.cli.publish.SourceTree;
import dev.conf.convert.CodeLanguages;
import dev.conf.convert.FrontMatter;
import dev.conf.convert.MarkdownToStorage;
import dev.conf.testing.ConfRunner.Result;
import dev.conf.testing.SpecContract;
import dev.conf.testing.WireMockSuite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code conf export} scenarios both deployments pass, through the real command line, HTTP stack
 * and backend against WireMock, writing real files. Subclasses say how their deployment answers;
 * after each test every request is checked against the deployment's OpenAPI document (attachment
 * downloads go to the download servlet, which no document describes, and are exempt).
 */
public abstract class ExportScenarios extends WireMockSuite {
  static final ObjectMapper JSON = new ObjectMapper();

  /** {@code o} (maps, lists, strings, numbers) as wire JSON. */
  static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A page as the server holds it. */
  protected record P(
      String id, String title, String parentId, int version, String body, List<String> labels) {
    protected P(String id, String title, String parentId, int version, String body) {
      this(id, title, parentId, version, body, List.of());
    }

    P withVersion(int v, String newBody) {
      return new P(id, title, parentId, v, newBody, labels);
    }

    P withTitle(String t) {
      return new P(id, t, parentId, version, body, labels);
    }
  }

  /** An attachment as the server holds it. */
  protected record A(String id, String name, String pageId, int version, String content) {}

  protected Path out;

  /** Where one page is read. */
  protected abstract String pagePath(String id);

  /** The wire JSON of a page with its storage body. */
  protected abstract String pageJson(P p);

  /** Answers the listing of every page of space DOCS, with versions. */
  protected abstract void stubSpaceListing(List<P> pages);

  /** Answers the descendants of {@code rootId} (as the deployment lists them). */
  protected abstract void stubDescendants(String rootId, List<P> pages);

  /** Answers a version lookup by ids, where the deployment needs one for a subtree. */
  protected abstract void stubVersionLookup(List<P> pages);

  /** Answers the attachment search of space DOCS and each attachment's download. */
  protected abstract void stubAttachments(List<A> attachments);

  /** The path of the attachment search. */
  protected abstract String attachmentSearchPath();

  /** Space DOCS as {@code conf publish} reads it: its homepage is {@code id}. */
  protected abstract void stubHomepage(String id);

  /** The id this deployment's storage names the person {@code who} by in a mention. */
  protected abstract String personId(String who);

  /** The mention's attribute: {@code account-id} (Cloud) or {@code userkey} (Data Center). */
  protected abstract String personAttribute();

  private String mention(String who) {
    return "<ac:link><ri:user ri:" + personAttribute() + "=\"" + personId(who) + "\" /></ac:link>";
  }

  /** The site names {@code who} as {@code name} when asked by id. */
  protected abstract void stubPerson(String who, String name);

  @BeforeEach
  void outputFolder() {
    out = tmp.resolve("out");
  }

  @Override
  protected SpecContract contract() {
    return super.contract().exempt("/download/attachments/");
  }

  // ---- the space used by most scenarios
  //
  // Home (1)
  //   Guide (2)
  //     Setup (3)   links to FAQ, to Guide, and to a page outside the export
  //   FAQ (4)
  // A/B: "odd" (5)

  static final String SETUP_BODY =
      "<p>See <ac:link><ri:page ri:content-title=\"FAQ\"/></ac:link> and"
          + " <ac:link><ri:page ri:content-title=\"Guide\"/></ac:link> and"
          + " <ac:link><ri:page ri:content-title=\"Elsewhere\"/></ac:link>.</p>"
          + "<ac:image><ri:attachment ri:filename=\"diagram.png\"/></ac:image>";

  protected static List<P> space() {
    return List.of(
        new P("1", "Home", null, 3, "<p>Welcome</p>"),
        new P("2", "Guide", "1", 1, "<h1>Guide</h1>"),
        new P("3", "Setup", "2", 2, SETUP_BODY),
        new P("4", "FAQ", "1", 5, "<p>Questions</p>"),
        new P("5", "A/B: \"odd\"", null, 1, "<p>odd</p>"));
  }

  protected void stubSpace(List<P> pages) {
    stubSpaceListing(pages);
    pages.forEach(this::stubPage);
  }

  protected void stubPage(P p) {
    wm.stubFor(get(urlPathEqualTo(pagePath(p.id()))).willReturn(okJson(pageJson(p))));
  }

  protected int bodyFetches(String id) {
    return wm.findAll(getRequestedFor(urlPathEqualTo(pagePath(id)))).size();
  }

  protected int bodyFetches() {
    int n = 0;
    for (int id = 1; id <= 9; id++) {
      n += bodyFetches(String.valueOf(id));
    }
    return n;
  }

  protected String read(String relative) {
    try {
      return Files.readString(out.resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + relative + ": " + e, e);
    }
  }

  protected List<String> files() {
    try (Stream<Path> walk = Files.walk(out)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> out.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  protected JsonNode manifest() {
    try {
      return JSON.readTree(read(".conf-export.json"));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  protected Result export(String... args) {
    List<String> all = new ArrayList<>(List.of("export"));
    all.addAll(List.of(args));
    all.add("--to");
    all.add(out.toString());
    return conf.run(all.toArray(String[]::new));
  }

  // ---- full export

  @Test
  void mentionsAreExportedByNameAsLinksThatPublishBackToTheSameMention() {
    stubPerson("ann", "Ann Lee");
    stubSpace(List.of(new P("1", "Home", null, 1, "<p>ask " + mention("ann") + "</p>")));
    Result r = conf.pipe().run("export", "--space", "DOCS", "--to", out.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    String md = read("Home.md");
    assertThat(md).contains("ask [@Ann Lee](conf:user?");
    Result back =
        conf.pipe()
            .run("convert", "--from", "md", "--to", "storage", out.resolve("Home.md").toString());
    assertThat(back.out())
        .as(back.toString())
        .contains("<ri:user ri:" + personAttribute() + "=\"" + personId("ann") + "\"");
  }

  @Test
  void aSpaceBecomesNestedFilesWithRelativeLinksAndAManifest() {
    stubSpace(space());
    Result r = conf.pipe().run("export", "--space", "DOCS", "--to", out.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).as("a pipe gets no progress").isEmpty();
    assertThat(r.out()).isEmpty();
    assertThat(files())
        .containsExactly(
            ".conf-export.json",
            "A-B- -odd-.md",
            "Home/FAQ.md",
            "Home/Guide/Setup.md",
            "Home/Guide/index.md",
            "Home/index.md");
    assertThat(read("Home/index.md")).isEqualTo("---\ntitle: \"Home\"\n---\nWelcome\n");
    assertThat(read("Home/Guide/Setup.md"))
        .contains("[FAQ](../FAQ.md)")
        .contains("[Guide](index.md)")
        .contains("[Elsewhere](Elsewhere.md)");
    assertThat(bodyFetches()).isEqualTo(5);

    JsonNode m = manifest();
    assertThat(m.path("root").asText()).isEqualTo("DOCS");
    assertThat(m.path("format").asText()).isEqualTo("md");
    assertThat(m.path("site").asText()).isNotEmpty();
    JsonNode setup = null;
    for (JsonNode p : m.path("pages")) {
      if (p.path("id").asText().equals("3")) {
        setup = p;
      }
    }
    assertThat(setup).isNotNull();
    assertThat(setup.path("title").asText()).isEqualTo("Setup");
    assertThat(setup.path("parentId").asText()).isEqualTo("2");
    assertThat(setup.path("version").asInt()).isEqualTo(2);
    assertThat(setup.path("path").asText()).isEqualTo("Home/Guide/Setup.md");
    assertThat(m.path("pages")).hasSize(5);
  }

  @Test
  void aPageExportsItselfAndEverythingUnderIt() {
    List<P> all = space();
    stubPage(all.get(0));
    stubDescendants("1", all.subList(1, 4));
    all.subList(1, 4).forEach(this::stubPage);
    Result r = conf.pipe().run("export", "1", "--to", out.toString(), "--concurrency", "2");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(files())
        .containsExactly(
            ".conf-export.json",
            "Home/FAQ.md",
            "Home/Guide/Setup.md",
            "Home/Guide/index.md",
            "Home/index.md");
    // The top page's body came with the lookup: one request per page in all.
    assertThat(bodyFetches("1")).isEqualTo(1);
    assertThat(bodyFetches()).isEqualTo(4);
    assertThat(manifest().path("root").asText()).isEqualTo("1");
  }

  @Test
  void storageFormatWritesTheRawBody() {
    stubSpace(space());
    Result r =
        conf.pipe().run("export", "--space", "DOCS", "--to", out.toString(), "--format", "storage");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(read("Home/Guide/Setup.storage.xhtml")).isEqualTo(SETUP_BODY);
    assertThat(read("Home/index.storage.xhtml")).isEqualTo("<p>Welcome</p>");
    assertThat(manifest().path("format").asText()).isEqualTo("storage");
  }

  @Test
  void jsonPrintsASummary() throws Exception {
    stubSpace(space());
    Result r = conf.pipe().run("export", "--space", "DOCS", "--to", out.toString(), "--json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode s = JSON.readTree(r.out());
    assertThat(s.path("pages").asInt()).isEqualTo(5);
    assertThat(s.path("written").asInt()).isEqualTo(5);
    assertThat(s.path("unchanged").asInt()).isZero();
    assertThat(s.path("root").asText()).isEqualTo("DOCS");
  }

  @Test
  void aTerminalShowsProgressAndASummaryOnStderr() {
    stubSpace(space());
    Result r = conf.terminal().run("export", "--space", "DOCS", "--to", out.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err())
        .contains("Exporting: ")
        .contains("Exported 5 pages to " + out + ": 5 written, 0 unchanged, 0 removed.");
  }

  // ---- incremental

  @Test
  void aSecondExportFetchesNoUnchangedBody() {
    stubSpace(space());
    assertThat(export("--space", "DOCS").exitCode()).isZero();
    assertThat(bodyFetches()).isEqualTo(5);
    wm.resetRequests();

    Result again = conf.pipe().run("export", "--space", "DOCS", "--to", out.toString(), "--json");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(bodyFetches()).as("no body fetched when nothing changed").isZero();
    assertThat(again.out()).contains("\"written\" : 0").contains("\"unchanged\" : 5");
  }

  @Test
  void aSecondExportFetchesChangedAndRenamedPagesAndRemovesDeletedOnes() throws Exception {
    stubSpace(space());
    assertThat(export("--space", "DOCS").exitCode()).isZero();
    Files.writeString(out.resolve("notes.txt"), "mine");
    wm.resetAll();

    // FAQ changed; "A/B" renamed (its front matter holds the title, so it is written again);
    // Home's Guide gone with its child Setup; Home unchanged.
    List<P> now =
        List.of(
            new P("1", "Home", null, 3, "<p>Welcome</p>"),
            new P("4", "FAQ", "1", 6, "<p>More questions</p>"),
            new P("5", "Renamed", null, 1, "<p>odd</p>"));
    stubSpace(now);
    Result r = conf.pipe().run("export", "--space", "DOCS", "--to", out.toString(), "--json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(bodyFetches("4")).isEqualTo(1);
    assertThat(bodyFetches("5")).isEqualTo(1);
    assertThat(bodyFetches()).as("only the changed pages' bodies").isEqualTo(2);
    assertThat(files())
        .containsExactly(
            ".conf-export.json", "Home/FAQ.md", "Home/index.md", "Renamed.md", "notes.txt");
    assertThat(read("Home/FAQ.md")).isEqualTo("---\ntitle: \"FAQ\"\n---\nMore questions\n");
    assertThat(read("Renamed.md")).isEqualTo("---\ntitle: \"Renamed\"\n---\nodd\n");
    assertThat(Files.exists(out.resolve("Home/Guide"))).as("emptied folder removed").isFalse();
    JsonNode s = JSON.readTree(r.out());
    assertThat(s.path("written").asInt()).isEqualTo(2);
    assertThat(s.path("unchanged").asInt()).isEqualTo(1);
    assertThat(s.path("moved").asInt()).isZero();
    assertThat(s.path("removed").asInt()).isEqualTo(2);
  }

  @Test
  void aPageThatLinksToAMovedPageIsWrittenAgain() {
    stubSpace(space());
    assertThat(export("--space", "DOCS").exitCode()).isZero();
    wm.resetAll();
    // FAQ moves from under Home to the top: Setup's link to it must follow.
    List<P> now = new ArrayList<>(space());
    now.set(3, new P("4", "FAQ", null, 5, "<p>Questions</p>"));
    stubSpace(now);
    Result r = export("--space", "DOCS");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(bodyFetches("4")).as("FAQ itself is moved, not fetched").isZero();
    assertThat(bodyFetches("3")).isEqualTo(1);
    assertThat(bodyFetches()).isEqualTo(1);
    assertThat(read("FAQ.md")).endsWith("---\nQuestions\n");
    assertThat(read("Home/Guide/Setup.md")).contains("[FAQ](../../FAQ.md)");
  }

  @Test
  void aSecondExportOfASubtreeLooksUpVersionsWithoutBodies() {
    List<P> all = space();
    stubPage(all.get(0));
    stubDescendants("1", all.subList(1, 4));
    all.subList(1, 4).forEach(this::stubPage);
    stubVersionLookup(all.subList(1, 4));
    assertThat(export("1").exitCode()).isZero();
    wm.resetRequests();

    Result r = export("1");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    // The top page is read to find it (its version comes with it); no descendant body.
    assertThat(bodyFetches("1")).isEqualTo(1);
    assertThat(bodyFetches()).isEqualTo(1);
  }

  // ---- rate limiting

  @Test
  void a429DuringTheExportPausesAndIsRetried() {
    stubSpace(space());
    wm.stubFor(
        get(urlPathEqualTo(pagePath("3")))
            .inScenario("throttle")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3"))
            .willSetStateTo("open"));
    wm.stubFor(
        get(urlPathEqualTo(pagePath("3")))
            .inScenario("throttle")
            .whenScenarioStateIs("open")
            .willReturn(okJson(pageJson(space().get(2)))));
    Result r = export("--space", "DOCS", "--concurrency", "4");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(bodyFetches("3")).isEqualTo(2);
    // The pause is shared: with four workers the limiter may spend part of the 3 s pacing another
    // worker before the throttled one sleeps the rest, so the fake clock's sleeps add up to the
    // pause rather than holding one 3 s sleep (seen as 0.358 s + 2.642 s).
    assertThat(conf.sleeps.stream().reduce(Duration.ZERO, Duration::plus))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    assertThat(conf.sleeps)
        .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(3)));
    assertThat(r.err()).contains("HTTP 429").contains("retrying in 3.0s");
    assertThat(read("Home/Guide/Setup.md")).contains("[FAQ](../FAQ.md)");
  }

  @Test
  void aFailureStopsTheExportWithOneLineAndNoHalfWrittenFile() {
    stubSpace(space());
    wm.stubFor(get(urlPathEqualTo(pagePath("3"))).willReturn(aResponse().withStatus(500)));
    Result r = export("--space", "DOCS", "--concurrency", "1");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    // Retries are announced; the failure itself is one line, and the workers stopped quietly.
    assertThat(r.err().strip().lines().filter(l -> !l.contains("retrying in")))
        .singleElement()
        .satisfies(l -> assertThat(l).contains("HTTP 500").contains(pagePath("3")));
    assertThat(r.err()).doesNotContain("interrupted");
    assertThat(files()).noneMatch(f -> f.endsWith(".part")).doesNotContain("Home/Guide/Setup.md");
    // What was written is in the manifest, so the next export carries on from there.
    assertThat(manifest().path("pages").toString()).doesNotContain("Setup");
  }

  @Test
  void aFailingPageDoesNotStopTheOthersAndARerunFetchesOnlyIt() {
    stubSpace(space());
    wm.stubFor(get(urlPathEqualTo(pagePath("3"))).willReturn(aResponse().withStatus(500)));
    Result r = export("--space", "DOCS", "--concurrency", "2");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("(page 3 (Setup)); the export is incomplete: run it again");
    // Everything else was written, and the manifest says so.
    assertThat(files())
        .contains("Home/index.md", "Home/Guide/index.md", "Home/FAQ.md")
        .doesNotContain("Home/Guide/Setup.md");
    assertThat(manifest().path("pages").findValuesAsText("id")).contains("1", "2", "4", "5");
    // It was tried once more at the end before being given up.
    assertThat(bodyFetches("3")).isEqualTo(10);

    // The server recovers (the newest stub answers).
    stubPage(space().get(2));
    wm.resetRequests();
    Result again = export("--space", "DOCS");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(bodyFetches("3")).isEqualTo(1);
    assertThat(bodyFetches()).as("only the page that failed").isEqualTo(1);
    assertThat(read("Home/Guide/Setup.md")).contains("[FAQ](../FAQ.md)");
  }

  @Test
  void aSpentQuotaStopsTheExportAtOnceWithExit6KeepingWhatWasWritten() {
    stubSpace(space());
    wm.stubFor(
        get(urlPathEqualTo(pagePath("3")))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "7200")
                    .withHeader("RateLimit-Reason", "confluence-quota-tenant-based")
                    .withHeader("X-RateLimit-Reset", "2026-11-29T14:00:00Z")));
    Result r = export("--space", "DOCS", "--concurrency", "1");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(6);
    assertThat(r.err()).contains("quota is spent until 2026-11-29T14:00:00Z");
    assertThat(bodyFetches("3")).isEqualTo(1);
    assertThat(conf.sleeps).isEmpty();
    // What had been fetched before the refusal is written; what had not is not asked for.
    assertThat(files())
        .noneMatch(f -> f.endsWith(".part"))
        .contains(".conf-export.json", "Home/index.md", "Home/Guide/index.md");
    assertThat(bodyFetches("4") + bodyFetches("5")).isZero();
  }

  @Test
  void temporaryFilesAKilledRunLeftAreRemovedAndFilesFollowTheUmask() throws IOException {
    stubSpace(space());
    Files.createDirectories(out.resolve("Home"));
    Files.writeString(out.resolve("Home/.FAQ.md.12345678901234.part"), "half");
    Files.writeString(out.resolve(".conf-export-move-1a2b-99887766.part"), "parked");
    Files.writeString(out.resolve("Home/notes.part"), "the user's own");
    Result r = export("--space", "DOCS");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(files())
        .doesNotContain("Home/.FAQ.md.12345678901234.part", ".conf-export-move-1a2b-99887766.part")
        .contains("Home/notes.part");
    if (out.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      // Whatever the umask gives a new file, never the 0600 of a temporary file.
      Path probe = Files.createFile(tmp.resolve("probe"));
      assertThat(Files.getPosixFilePermissions(out.resolve("Home/FAQ.md")))
          .isEqualTo(Files.getPosixFilePermissions(probe));
    }
  }

  @Test
  void aDirectoryThatCannotBeCreatedSaysWhy() {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")));
    Result r = conf.run("export", "--space", "DOCS", "--to", "/proc/nope");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "conf: cannot create /proc/nope: no such file or directory, and it cannot be created"
                + " there\n");
  }

  // ---- front matter, and publishing an export back

  /** The front matter of an exported Markdown file, as {@code conf publish} reads it. */
  protected FrontMatter frontMatter(String relative) {
    return MarkdownToStorage.convert(read(relative)).meta();
  }

  @Test
  void markdownFilesStartWithTheExactTitleAndTheLabelsAsFrontMatter() {
    List<P> pages = new ArrayList<>(space());
    pages.set(3, new P("4", "FAQ", "1", 5, "<h1>Frequently asked</h1>", List.of("faq", "help")));
    stubSpace(pages);
    Result r = export("--space", "DOCS");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(read("Home/FAQ.md"))
        .isEqualTo("---\ntitle: \"FAQ\"\nlabels: [\"faq\", \"help\"]\n---\n# Frequently asked\n");
    FrontMatter faq = frontMatter("Home/FAQ.md");
    assertThat(faq.title()).as("not the first heading").isEqualTo("FAQ");
    assertThat(faq.labels()).containsExactly("faq", "help");
    // A title that is no file name, with quotes and a colon, comes back exactly.
    assertThat(frontMatter("A-B- -odd-.md").title()).isEqualTo("A/B: \"odd\"");
    assertThat(manifest().path("frontMatter").asBoolean()).isTrue();
  }

  @Test
  void anExportWithoutFrontMatterIsWrittenAgain() throws Exception {
    stubSpace(space());
    assertThat(export("--space", "DOCS").exitCode()).isZero();
    // As conf versions before front matter left it.
    JsonNode m = manifest();
    ((com.fasterxml.jackson.databind.node.ObjectNode) m).remove("frontMatter");
    Files.writeString(out.resolve(".conf-export.json"), m.toString());
    Files.writeString(out.resolve("Home/FAQ.md"), "Questions\n");
    wm.resetRequests();
    assertThat(export("--space", "DOCS").exitCode()).isZero();
    assertThat(bodyFetches()).isEqualTo(5);
    assertThat(read("Home/FAQ.md")).startsWith("---\ntitle: \"FAQ\"\n");
  }

  @Test
  void formatMarkdownIsMdInAnyCase() {
    stubSpace(space());
    Result r = export("--space", "DOCS", "--format", "Markdown");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(manifest().path("format").asText()).isEqualTo("md");
    assertThat(files()).contains("Home/index.md");
    wm.resetRequests();
    Result bad = export("--space", "DOCS", "--format", "docx");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err())
        .isEqualTo("conf: --format must be md (or markdown) or storage, not 'docx'\n");
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  /**
   * The round trip of issue 15: pages {@code conf publish} made from a folder, exported, and the
   * export published back. Publish must find every page unchanged: the same titles (front matter,
   * not the first heading), the same labels, the same bodies, under the same parents (the file
   * exported from the homepage is the homepage itself, not a new page under it), and send nothing.
   */
  @Test
  void anExportPublishedBackSendsNoWrite() throws Exception {
    Path source = tmp.resolve("source");
    Files.createDirectories(source.resolve("guide"));
    Files.writeString(
        source.resolve("guide/index.md"),
        "---\ntitle: User guide\nlabels: [docs, guide]\n---\n# Getting started\n\n"
            + "All about *it*, see [setup](setup.md).\n");
    Files.writeString(
        source.resolve("guide/setup.md"),
        "# Setup\n\nBack to [the guide](index.md).\n\n1. one\n2. two\n\n| a | b |\n|---|---|\n"
            + "| 1 | 2 |\n");
    Map<String, LocalPage> local = new java.util.LinkedHashMap<>();
    for (LocalPage p : SourceTree.read(source, CodeLanguages::cloud).pages()) {
      local.put(p.title(), p);
    }
    assertThat(local).containsOnlyKeys("User guide", "Setup");
    LocalPage guide = local.get("User guide");
    LocalPage setup = local.get("Setup");
    List<P> pages =
        List.of(
            new P("1", "Home", null, 3, "<p>Welcome</p>"),
            new P("2", "User guide", "1", 4, guide.storage(), guide.labels()),
            new P("3", "Setup", "2", 2, setup.storage()));
    stubSpace(pages);
    Result exported = export("--space", "DOCS");
    assertThat(exported.exitCode()).as(exported.toString()).isZero();
    assertThat(files())
        .contains("Home/index.md", "Home/User guide/index.md", "Home/User guide/Setup.md");

    stubHomepage("1");
    List<PublishScenarios.Remote> state =
        List.of(
            new PublishScenarios.Remote(
                "2", "User guide", 4, "1", guide.labels(), guide.hash(), 4, Map.of()),
            new PublishScenarios.Remote(
                "3", "Setup", 2, "2", List.of(), setup.hash(), 2, Map.of()));
    List<String> items = new ArrayList<>();
    state.forEach(x -> items.add(PublishScenarios.contentJson(x)));
    wm.stubFor(
        get(urlPathEqualTo(attachmentSearchPath()))
            .withQueryParam("cql", containing("ancestor"))
            .willReturn(
                okJson(
                    "{\"results\":["
                        + String.join(",", items)
                        + "],\"start\":0,\"limit\":200,\"size\":"
                        + items.size()
                        + ",\"_links\":{}}")));
    wm.resetRequests();
    Result r = conf.pipe().run("publish", out.toString(), "--space", "DOCS", "--json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode outcomes = JSON.readTree(r.out());
    assertThat(outcomes).hasSize(2);
    for (JsonNode o : outcomes) {
      assertThat(o.path("action").asText()).as(o.toString()).isEqualTo("unchanged");
    }
    assertThat(r.err()).contains("Home/index.md was exported from page 1");
    assertThat(wm.findAll(anyRequestedFor(anyUrl())))
        .as("publish sends no write")
        .allMatch(q -> q.getMethod().getName().equals("GET"));
  }

  // ---- attachments

  @Test
  void attachmentsGoNextToTheirPageAndImagesPointThere() {
    stubSpace(space());
    stubAttachments(
        List.of(
            new A("att31", "diagram.png", "3", 2, "PNGDATA"),
            new A("att32", "notes.txt", "3", 1, "hello"),
            new A("att11", "logo.svg", "1", 1, "<svg/>"),
            new A("att99", "other.bin", "77", 1, "not ours")));
    Result r = export("--space", "DOCS", "--with-attachments");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(read("Home/Guide/Setup.attachments/diagram.png")).isEqualTo("PNGDATA");
    assertThat(read("Home/Guide/Setup.attachments/notes.txt")).isEqualTo("hello");
    assertThat(read("Home/index.attachments/logo.svg")).isEqualTo("<svg/>");
    assertThat(files()).noneMatch(f -> f.contains("other.bin"));
    assertThat(read("Home/Guide/Setup.md")).contains("![](Setup.attachments/diagram.png)");
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo(attachmentSearchPath())))).hasSize(1);
    assertThat(manifest().toString())
        .doesNotContain("other.bin")
        .contains("Setup.attachments/diagram.png");

    wm.resetRequests();
    Result again = export("--space", "DOCS", "--with-attachments");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(wm.findAll(getRequestedFor(anyUrl())))
        .noneMatch(q -> q.getUrl().contains("/download/"));
    assertThat(bodyFetches()).isZero();
  }

  @Test
  void aReExportWithoutAttachmentsKeepsTheFilesAnEarlierOneDownloaded() throws Exception {
    stubSpace(space());
    stubAttachments(
        List.of(
            new A("att31", "diagram.png", "3", 2, "PNGDATA"),
            new A("att11", "logo.svg", "1", 1, "<svg/>")));
    assertThat(export("--space", "DOCS", "--with-attachments").exitCode()).isZero();
    wm.resetAll();

    // Setup changed: written again, its image still pointing at the file the first run wrote.
    List<P> now = new ArrayList<>(space());
    now.set(2, now.get(2).withVersion(3, SETUP_BODY + "<p>More setup</p>"));
    stubSpace(now);
    Result r = conf.pipe().run("export", "--space", "DOCS", "--to", out.toString(), "--json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(bodyFetches()).isEqualTo(1);
    assertThat(read("Home/Guide/Setup.attachments/diagram.png")).isEqualTo("PNGDATA");
    assertThat(read("Home/index.attachments/logo.svg")).isEqualTo("<svg/>");
    assertThat(read("Home/Guide/Setup.md"))
        .contains("More setup")
        .contains("![](Setup.attachments/diagram.png)");
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo(attachmentSearchPath())))).isEmpty();
    JsonNode s = JSON.readTree(r.out());
    assertThat(s.path("attachments").asInt()).isEqualTo(2);
    assertThat(s.path("attachmentsDownloaded").asInt()).isZero();
    assertThat(s.path("attachmentsRemoved").asInt()).as("not taken for stale").isZero();
    assertThat(manifest().path("withAttachments").asBoolean()).isTrue();
    assertThat(manifest().toString())
        .contains("Setup.attachments/diagram.png")
        .contains("index.attachments/logo.svg");

    // With --with-attachments again: a changed attachment is downloaded anew.
    wm.resetAll();
    stubSpace(now);
    stubAttachments(
        List.of(
            new A("att31", "diagram.png", "3", 3, "NEWPNG"),
            new A("att11", "logo.svg", "1", 1, "<svg/>")));
    Result refreshed =
        conf.pipe()
            .run(
                "export",
                "--space",
                "DOCS",
                "--to",
                out.toString(),
                "--with-attachments",
                "--json");
    assertThat(refreshed.exitCode()).as(refreshed.toString()).isZero();
    assertThat(read("Home/Guide/Setup.attachments/diagram.png")).isEqualTo("NEWPNG");
    assertThat(read("Home/index.attachments/logo.svg")).isEqualTo("<svg/>");
    assertThat(JSON.readTree(refreshed.out()).path("attachmentsDownloaded").asInt()).isEqualTo(1);
    assertThat(bodyFetches()).as("the pages are as the last run wrote them").isZero();
  }

  @Test
  void attachmentsOfAPageDeletedOnTheServerGoEvenWithoutWithAttachments() {
    stubSpace(space());
    stubAttachments(List.of(new A("att41", "faq.txt", "4", 1, "q")));
    assertThat(export("--space", "DOCS", "--with-attachments").exitCode()).isZero();
    assertThat(files()).contains("Home/FAQ.attachments/faq.txt");
    wm.resetAll();
    List<P> now = new ArrayList<>(space());
    now.remove(3);
    stubSpace(now);
    Result r = export("--space", "DOCS");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(files()).noneMatch(f -> f.contains("FAQ"));
  }

  // ---- bad input

  @Test
  void toAFileIsAUsageError() throws Exception {
    Files.writeString(out, "I am a file");
    Result r = export("--space", "DOCS");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains("is a file, not a directory");
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void badArgumentsAreUsageErrorsBeforeAnyRequest() {
    assertThat(export("--space", "DOCS", "--concurrency", "0").exitCode()).isEqualTo(2);
    assertThat(export("--space", "DOCS", "--concurrency", "33").exitCode()).isEqualTo(2);
    assertThat(export().exitCode()).isEqualTo(2);
    assertThat(export("1", "--space", "DOCS").exitCode()).isEqualTo(2);
    assertThat(conf.run("export", "--space", "DOCS").exitCode())
        .as("--to is required")
        .isEqualTo(2);
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void anotherExportsDirectoryIsRefused() {
    stubSpace(space());
    assertThat(export("--space", "DOCS").exitCode()).isZero();
    List<P> all = space();
    stubDescendants("1", all.subList(1, 4));
    Result r = export("1");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("holds an export of DOCS");
  }
}
