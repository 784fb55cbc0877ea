package dev.conf.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.conf.testing.ConfRunner.Result;
import dev.conf.testing.SpecContract;
import dev.conf.testing.WireMockSuite;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Labels, attachments and comments: the scenarios both deployments pass through the real command
 * line, HTTP stack and backend against WireMock. Subclasses say how their deployment spells these
 * on the wire; after each test every request is checked against the deployment's OpenAPI document
 * (attachment downloads go to the web download servlet, which no document describes, and are
 * exempt).
 *
 * <p>What that check cannot see: for the multipart uploads, swagger-request-validator checks the
 * method, path, query, headers and that the Content-Type is multipart/form-data, but not the parts
 * (a body without the required {@code file} and {@code minorEdit} parts passes; tried with 2.44.9).
 * Nothing is exempted for it; the upload tests assert the parts themselves.
 */
public abstract class PageItemScenarios extends WireMockSuite {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PAGE = "42";

  // ---- labels on the wire

  protected abstract void stubLabels(String pageId, String... names);

  /** Where labels are added (POST). */
  protected abstract String labelAddPath(String pageId);

  /** The label names in the add requests, in order. */
  protected abstract List<String> addedLabels();

  /** Where a label is removed (DELETE with ?name=). */
  protected abstract String labelRemovePath(String pageId);

  // ---- attachments on the wire

  /** The id the server gives attachment n. */
  protected abstract String attachmentId(int n);

  /** Answers the page's attachment listing (and a filename query) with these attachments. */
  protected abstract void stubAttachments(String pageId, Att... attachments);

  /** Answers a single attachment read. */
  protected abstract void stubAttachment(Att a);

  /** Where a new attachment is uploaded. */
  protected abstract String uploadPath(String pageId);

  /** Where a new version of an attachment is uploaded. */
  protected abstract String newVersionPath(String pageId, String attachmentId);

  /** The server's answer to an upload of a new attachment. */
  protected abstract String uploadAnswer(Att a);

  /** The server's answer to a new version. */
  protected abstract String newVersionAnswer(Att a);

  /** Where attachment n is deleted. */
  protected abstract String deleteAttachmentPath(String pageId, Att a);

  /** The download path (as WireMock sees it) of an attachment. */
  protected String downloadPath(Att a) {
    return contextPath() + "/download/attachments/" + PAGE + "/" + a.name();
  }

  /** "/wiki" on Cloud, the context path on Data Center. */
  protected abstract String contextPath();

  // ---- comments on the wire

  /** Footer comments: 1 and 2 top-level, 3 a reply to 1, by "Ann Author". */
  protected abstract void stubFooterComments(String pageId);

  /** One inline comment 7, resolved, on the text "release date". */
  protected abstract void stubInlineComments(String pageId);

  /** Where comments are created; returns the path. Answers with comment 9. */
  protected abstract String stubCommentCreate(String pageId);

  /** Asserts the create request is a top-level comment (or a reply to replyTo) with this body. */
  protected abstract void assertCommentCreated(JsonNode request, String pageId, String replyTo);

  /** Stubs reading comment id as a footer comment. */
  protected abstract void stubComment(String id);

  /** Where comment id is deleted. */
  protected abstract String stubCommentDelete(String id);

  /** An attachment as the tests describe it. */
  public record Att(int n, String id, String name, String content, int version) {
    long size() {
      return content.getBytes(StandardCharsets.UTF_8).length;
    }
  }

  protected Att att(int n, String name, String content) {
    return new Att(n, attachmentId(n), name, content, 1);
  }

  @BeforeEach
  void commonAnswers() {
    stubCommon();
  }

  /** Stubs every test may need (Cloud: user names). */
  protected void stubCommon() {}

  @Override
  protected SpecContract contract() {
    return super.contract().exempt("/download/attachments/");
  }

  // ================================================================ labels

  @Test
  void labelListPrintsOneNameALine() {
    stubLabels(PAGE, "howto", "release");
    Result r = conf.pipe().run("label", "list", PAGE);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("howto\nrelease\n");
  }

  @Test
  void labelListJson() throws IOException {
    stubLabels(PAGE, "howto");
    Result r = conf.pipe().run("label", "list", PAGE, "--json", "name,prefix");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(JSON.readTree(r.out()).get(0).path("name").asText()).isEqualTo("howto");
    assertThat(JSON.readTree(r.out()).get(0).path("prefix").asText()).isEqualTo("global");
  }

  @Test
  void labelAddSendsLowerCasedLabels() {
    wm.stubFor(post(urlPathEqualTo(labelAddPath(PAGE))).willReturn(okJson("{\"results\":[]}")));
    Result r = conf.pipe().run("label", "add", PAGE, "Release-2026", "howto");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(addedLabels()).containsExactly("release-2026", "howto");
    assertThat(r.err()).contains("Added release-2026, howto to page or blog post 42.");
  }

  @Test
  void labelWithASpaceIsAUsageErrorAndSendsNothing() {
    Result r = conf.pipe().run("label", "add", PAGE, "good", "two words");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains("label 'two words' contains a space")
        .contains("nothing was changed");
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void labelWithAForbiddenCharacterIsAUsageError() {
    Result r = conf.pipe().run("label", "add", PAGE, "a:b");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("contains ':'");
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void labelRemoveDeletesByNameAndNamesTheMissingOnes() {
    stubLabels(PAGE, "howto", "release");
    wm.stubFor(
        delete(urlPathEqualTo(labelRemovePath(PAGE))).willReturn(aResponse().withStatus(204)));
    Result r = conf.pipe().run("label", "remove", PAGE, "HowTo", "nope");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.err()).contains("Removed howto").contains("has no label nope");
    wm.verify(
        1,
        deleteRequestedFor(urlPathEqualTo(labelRemovePath(PAGE)))
            .withQueryParam("name", equalTo("howto")));
  }

  // ================================================================ attachments: list

  @Test
  void attachmentListInAPipeIsTabSeparatedWithBytes() {
    stubAttachments(PAGE, att(1, "diagram.png", "0123456789"), att(2, "notes.txt", "hello"));
    Result r = conf.pipe().run("attachment", "list", PAGE);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().lines().toList())
        .containsExactly(
            "diagram.png\t" + attachmentId(1) + "\t10\timage/png\t1\t2026-11-28T12:00:00Z",
            "notes.txt\t" + attachmentId(2) + "\t5\ttext/plain\t1\t2026-11-28T12:00:00Z");
  }

  @Test
  void attachmentListFiltersByPattern() {
    stubAttachments(PAGE, att(1, "diagram.png", "0123456789"), att(2, "notes.txt", "hello"));
    Result r = conf.pipe().run("attachment", "list", PAGE, "--pattern", "*.png");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("diagram.png\t").doesNotContain("notes.txt");
  }

  // ================================================================ attachments: upload

  @Test
  void uploadOfANewNameIsAMultipartPostWithTheXsrfHeader() throws IOException {
    Path file = tmp.resolve("report.txt");
    Files.writeString(file, "quarterly numbers");
    Att a = att(5, "report.txt", "quarterly numbers");
    stubAttachments(PAGE);
    wm.stubFor(post(urlPathEqualTo(uploadPath(PAGE))).willReturn(okJson(uploadAnswer(a))));
    Result r =
        conf.pipe()
            .run("attachment", "upload", PAGE, file.toString(), "--comment", "Q3", "--minor");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("Uploaded report.txt to page or blog post 42 (" + a.id() + ")");
    LoggedRequest req = wm.findAll(postRequestedFor(urlPathEqualTo(uploadPath(PAGE)))).get(0);
    assertThat(req.getHeader("X-Atlassian-Token")).isEqualTo("no-check");
    assertThat(req.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
    String body = req.getBodyAsString();
    assertThat(body)
        .contains("name=\"file\"; filename=\"report.txt\"")
        .contains("quarterly numbers")
        .contains("name=\"minorEdit\"")
        .contains("true")
        .contains("name=\"comment\"")
        .contains("Content-Type: text/plain; charset=utf-8")
        .contains("Q3");
  }

  @Test
  void uploadOfAnExistingNameBecomesANewVersionOfThatAttachment() throws IOException {
    Path file = tmp.resolve("notes.txt");
    Files.writeString(file, "version two");
    Att existing = att(2, "notes.txt", "hello");
    stubAttachments(PAGE, att(1, "diagram.png", "0123456789"), existing);
    Att updated = new Att(2, existing.id(), "notes.txt", "version two", 2);
    wm.stubFor(
        post(urlPathEqualTo(newVersionPath(PAGE, existing.id())))
            .willReturn(okJson(newVersionAnswer(updated))));
    Result r = conf.pipe().run("attachment", "upload", PAGE, file.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("Uploaded notes.txt to page or blog post 42 as version 2");
    LoggedRequest req =
        wm.findAll(postRequestedFor(urlPathEqualTo(newVersionPath(PAGE, existing.id())))).get(0);
    assertThat(req.getHeader("X-Atlassian-Token")).isEqualTo("no-check");
    assertThat(req.getBodyAsString()).contains("version two").contains("name=\"minorEdit\"");
    wm.verify(0, postRequestedFor(urlPathEqualTo(uploadPath(PAGE))));
  }

  @Test
  void anUploadTheServerMayHaveSeenIsNotSentAgain() throws IOException {
    Path file = tmp.resolve("once.txt");
    Files.writeString(file, "only once");
    stubAttachments(PAGE);
    wm.stubFor(
        post(urlPathEqualTo(uploadPath(PAGE)))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    Result r = conf.pipe().run("attachment", "upload", PAGE, file.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("upload of once.txt").doesNotContain("retrying");
    wm.verify(1, postRequestedFor(urlPathEqualTo(uploadPath(PAGE))));
  }

  @Test
  void uploadOfAMissingFileSendsNothing() {
    Result r = conf.pipe().run("attachment", "upload", PAGE, tmp.resolve("nope.bin").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("no such file");
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void uploadShowsProgressOnATerminalAndNothingInAPipe() throws IOException {
    Path file = tmp.resolve("big.bin");
    Files.write(file, new byte[300_000]);
    Att a = new Att(6, attachmentId(6), "big.bin", "x".repeat(300_000), 1);
    stubAttachments(PAGE);
    wm.stubFor(post(urlPathEqualTo(uploadPath(PAGE))).willReturn(okJson(uploadAnswer(a))));
    Result piped = conf.pipe().run("attachment", "upload", PAGE, file.toString());
    assertThat(piped.exitCode()).as(piped.toString()).isZero();
    assertThat(piped.err()).doesNotContain("\r").doesNotContain("%");
    Result tty = conf.terminal().run("attachment", "upload", PAGE, file.toString());
    assertThat(tty.exitCode()).as(tty.toString()).isZero();
    assertThat(tty.err()).contains("\rbig.bin  [").contains("100% 293.0 KiB / 293.0 KiB");
  }

  // ================================================================ attachments: download

  @Test
  void downloadOfAPageWritesEveryMatchingFileAndNoTemporaryOnes() throws IOException {
    Att png = att(1, "diagram.png", "0123456789");
    Att txt = att(2, "notes.txt", "hello");
    stubAttachments(PAGE, png, txt);
    stubDownload(png);
    stubDownload(txt);
    Path dir = tmp.resolve("out");
    Result r =
        conf.pipe()
            .run("attachment", "download", PAGE, "--dir", dir.toString(), "--pattern", "*.txt");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(Files.readString(dir.resolve("notes.txt"))).isEqualTo("hello");
    assertThat(listing(dir)).containsExactly("notes.txt");
    assertThat(r.err()).doesNotContain("\r");
  }

  @Test
  void aDownloadCutOffMidBodyLeavesNoFileAndFails() throws IOException {
    Att big = att(1, "big.bin", "x".repeat(100_000));
    stubAttachments(PAGE, big);
    // Status and headers arrive, then a broken chunk and a closed socket: cut off mid-body.
    wm.stubFor(
        get(urlPathEqualTo(downloadPath(big)))
            .willReturn(aResponse().withStatus(200).withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
    Path dir = tmp.resolve("cut");
    Result r = conf.terminal().run("attachment", "download", PAGE, "--dir", dir.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("big.bin: download from").contains("was not written");
    assertThat(listing(dir)).isEmpty();
  }

  @Test
  void aConnectionThatDiesBeforeTheBodyLeavesNoFileEither() throws IOException {
    Att a = att(4, "gone.bin", "x".repeat(1000));
    stubAttachment(a);
    wm.stubFor(
        get(urlPathEqualTo(downloadPath(a)))
            .willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));
    Path target = tmp.resolve("gone.bin");
    Result r = conf.pipe().run("attachment", "download", a.id(), "-o", target.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(listing(tmp)).doesNotContain("gone.bin").noneMatch(n -> n.endsWith(".part"));
  }

  @Test
  void aDownloadShorterThanListedLeavesNoFile() throws IOException {
    Att a = att(1, "short.bin", "twelve bytes");
    stubAttachments(PAGE, a);
    wm.stubFor(get(urlPathEqualTo(downloadPath(a))).willReturn(aResponse().withBody("twelve")));
    Path dir = tmp.resolve("short");
    Result r = conf.pipe().run("attachment", "download", PAGE, "--dir", dir.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("incomplete: received 6 of 12 bytes");
    assertThat(listing(dir)).isEmpty();
  }

  @Test
  void anExistingFileIsKeptWithoutClobber() throws IOException {
    Att a = att(1, "notes.txt", "hello");
    stubAttachments(PAGE, a);
    stubDownload(a);
    Path dir = Files.createDirectories(tmp.resolve("keep"));
    Files.writeString(dir.resolve("notes.txt"), "mine!");
    Result r = conf.pipe().run("attachment", "download", PAGE, "--dir", dir.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("exists; use --clobber");
    assertThat(Files.readString(dir.resolve("notes.txt"))).isEqualTo("mine!");
    wm.verify(0, getRequestedFor(urlPathEqualTo(downloadPath(a))));

    Result clobbered =
        conf.pipe().run("attachment", "download", PAGE, "--dir", dir.toString(), "--clobber");
    assertThat(clobbered.exitCode()).as(clobbered.toString()).isZero();
    assertThat(Files.readString(dir.resolve("notes.txt"))).isEqualTo("hello");
    assertThat(listing(dir)).containsExactly("notes.txt");
  }

  @Test
  void skipExistingSkipsFilesOfTheSameSizeOnly() throws IOException {
    Att same = att(1, "same.txt", "hello");
    Att other = att(2, "other.txt", "longer content");
    stubAttachments(PAGE, same, other);
    stubDownload(same);
    stubDownload(other);
    Path dir = Files.createDirectories(tmp.resolve("skip"));
    Files.writeString(dir.resolve("same.txt"), "HELLO");
    Result r =
        conf.pipe().run("attachment", "download", PAGE, "--dir", dir.toString(), "--skip-existing");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(Files.readString(dir.resolve("same.txt"))).isEqualTo("HELLO");
    assertThat(Files.readString(dir.resolve("other.txt"))).isEqualTo("longer content");
    assertThat(r.err()).contains("Skipped").contains("Downloaded 1 file, skipped 1.");
    wm.verify(0, getRequestedFor(urlPathEqualTo(downloadPath(same))));
  }

  @Test
  void downloadByIdToStdoutAndToAFileWithProgressOnlyOnATerminal() throws IOException {
    Att a = att(3, "data.csv", "a,b\n1,2\n");
    stubAttachment(a);
    stubDownload(a);
    Result piped = conf.pipe().run("attachment", "download", a.id(), "-o", "-");
    assertThat(piped.exitCode()).as(piped.toString()).isZero();
    assertThat(piped.out()).isEqualTo("a,b\n1,2\n");
    assertThat(piped.err()).isEmpty();

    Path target = tmp.resolve("copy.csv");
    Result tty = conf.terminal().run("attachment", "download", a.id(), "-o", target.toString());
    assertThat(tty.exitCode()).as(tty.toString()).isZero();
    assertThat(Files.readString(target)).isEqualTo("a,b\n1,2\n");
    assertThat(tty.err()).contains("\rdata.csv  [").contains("100%");
  }

  @Test
  void attachmentNamesCannotEscapeTheTargetDirectory() throws IOException {
    Att evil = att(1, "../evil.txt", "boo");
    stubAttachments(PAGE, evil);
    wm.stubFor(
        get(urlPathMatching(".*/download/attachments/.*")).willReturn(aResponse().withBody("boo")));
    Path dir = tmp.resolve("jail");
    Result r = conf.pipe().run("attachment", "download", PAGE, "--dir", dir.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(listing(dir)).containsExactly(".._evil.txt");
    assertThat(Files.exists(tmp.resolve("evil.txt"))).isFalse();
  }

  // ================================================================ attachments: delete

  @Test
  void deleteFindsTheAttachmentByName() {
    Att a = att(2, "notes.txt", "hello");
    stubAttachments(PAGE, att(1, "diagram.png", "0123456789"), a);
    wm.stubFor(
        delete(urlPathEqualTo(deleteAttachmentPath(PAGE, a)))
            .willReturn(aResponse().withStatus(204)));
    Result r = conf.pipe().run("attachment", "delete", PAGE, "notes.txt", "--yes");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("Moved to the trash: attachment 'notes.txt'");
    wm.verify(1, deleteRequestedFor(urlPathEqualTo(deleteAttachmentPath(PAGE, a))));
  }

  @Test
  void deleteInAPipeNeedsYes() {
    Result r = conf.pipe().run("attachment", "delete", PAGE, "notes.txt");
    assertThat(r.exitCode()).isEqualTo(2);
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void deleteAsksOnATerminal() {
    Att a = att(2, "notes.txt", "hello");
    stubAttachments(PAGE, a);
    Result r = conf.terminal().stdin("n\n").run("attachment", "delete", PAGE, "notes.txt");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("Move attachment 'notes.txt'").contains("cancelled");
    wm.verify(0, deleteRequestedFor(anyUrl()));
  }

  // ================================================================ comments

  @Test
  void commentListShowsThreadsAsText() {
    stubFooterComments(PAGE);
    Result r = conf.pipe().run("comment", "list", PAGE);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().lines().toList())
        .containsExactly(
            "1\t\tAnn Author\t2026-11-28T10:00:00.000Z\tFirst comment",
            "3\t1\tAnn Author\t2026-11-28T11:00:00.000Z\tA reply",
            "2\t\tAnn Author\t2026-11-28T12:00:00.000Z\tSecond comment");
  }

  /** The id the deployment's comment answers give Ann (Data Center's fixture: her username). */
  protected String annId() {
    return "ann";
  }

  @Test
  void commentListJsonKeepsTheAuthorsIdBesideTheName() throws IOException {
    stubFooterComments(PAGE);
    Result r = conf.pipe().run("comment", "list", PAGE, "--json", "id,author,authorId");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode first = JSON.readTree(r.out()).get(0);
    assertThat(first.path("author").asText()).isEqualTo("Ann Author");
    assertThat(first.path("authorId").asText()).isEqualTo(annId());
  }

  @Test
  void inlineCommentsShowTheirResolution() throws IOException {
    stubInlineComments(PAGE);
    Result r = conf.pipe().run("comment", "list", PAGE, "--inline");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("\tresolved\tFix the date");
    Result json = conf.pipe().run("comment", "list", PAGE, "--inline", "--json");
    JsonNode c = JSON.readTree(json.out()).get(0);
    assertThat(c.path("location").asText()).isEqualTo("inline");
    assertThat(c.path("resolution").asText()).isEqualTo("resolved");
  }

  @Test
  void commentAddConvertsMarkdown() throws IOException {
    String path = stubCommentCreate(PAGE);
    Result r = conf.pipe().run("comment", "add", PAGE, "--body", "Looks **good**");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode req =
        JSON.readTree(wm.findAll(postRequestedFor(urlPathEqualTo(path))).get(0).getBodyAsString());
    assertCommentCreated(req, PAGE, null);
    assertThat(req.toString()).contains("<strong>good</strong>");
    assertThat(r.out()).isNotBlank();
  }

  /**
   * The language a site's code macro gets for a fenced block written with {@code written}, or null
   * for none.
   */
  protected abstract String siteCodeLanguage(String written);

  @Test
  void commentAddGivesCodeBlocksTheSitesLanguageNames() throws IOException {
    String path = stubCommentCreate(PAGE);
    Result r =
        conf.pipe()
            .run("comment", "add", PAGE, "--body", "```Python\na\n```\n\n```kotlin\nb\n```\n");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode req =
        JSON.readTree(wm.findAll(postRequestedFor(urlPathEqualTo(path))).get(0).getBodyAsString());
    assertThat(req.findValuesAsText("value"))
        .contains(codeMacro("Python", "a") + codeMacro("kotlin", "b"));
  }

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
  void commentReplyFromStdin() throws IOException {
    stubComment("1");
    String path = stubCommentCreate(PAGE);
    Result r = conf.pipe().stdin("Agreed").run("comment", "add", PAGE, "-", "--reply-to", "1");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode req =
        JSON.readTree(wm.findAll(postRequestedFor(urlPathEqualTo(path))).get(0).getBodyAsString());
    assertCommentCreated(req, PAGE, "1");
    assertThat(req.toString()).contains("Agreed");
  }

  @Test
  void commentAddWithoutABodyIsAUsageError() {
    Result r = conf.pipe().run("comment", "add", PAGE);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--body");
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void commentDelete() {
    String path = stubCommentDelete("3");
    Result r = conf.pipe().run("comment", "delete", "3", "--yes");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    wm.verify(1, deleteRequestedFor(urlPathEqualTo(path)));
  }

  // ---- helpers

  protected void stubDownload(Att a) {
    wm.stubFor(
        get(urlPathEqualTo(downloadPath(a)))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/octet-stream")
                    .withBody(a.content())));
  }

  private static List<String> listing(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  static String q(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String mediaType(String name) {
    return name.endsWith(".png") ? "image/png" : name.endsWith(".csv") ? "text/csv" : "text/plain";
  }

  // ================================================================ a blog post

  static final String BLOG = "77";

  /** What the blog-post scenarios do to blog post {@link #BLOG}. */
  protected enum OnBlogPost {
    LABELS,
    ATTACHMENTS,
    COMMENTS,
    COMMENT_ADD
  }

  /** Blog post {@link #BLOG}'s URL as the browser shows it. */
  protected abstract String blogPostUrl();

  /**
   * Answers, where this deployment serves them for a blog post: {@link #BLOG}'s labels ("news"),
   * attachments ("launch.png"), footer comments (5, "Congrats", no replies) and a new footer
   * comment; and what reading its URL takes. Where pages are kept apart, the same reads of {@link
   * #BLOG} as a page answer 404.
   */
  protected abstract void stubBlogPost();

  /** Every request ("METHOD /path", in order) that doing {@code what} to the blog post takes. */
  protected abstract List<String> blogPostRequests(OnBlogPost what, boolean byUrl);

  /** Asserts the comment-create requests (in order) for a new comment on the blog post. */
  protected abstract void assertBlogPostCommentCreated(List<JsonNode> requests, boolean byUrl);

  @ParameterizedTest(name = "by URL: {0}")
  @ValueSource(booleans = {true, false})
  void labelsOfABlogPost(boolean byUrl) {
    stubBlogPost();
    Result r = conf.pipe().run("label", "list", blogPost(byUrl));
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("news\n");
    assertThat(requests()).containsExactlyElementsOf(blogPostRequests(OnBlogPost.LABELS, byUrl));
  }

  @ParameterizedTest(name = "by URL: {0}")
  @ValueSource(booleans = {true, false})
  void attachmentsOfABlogPost(boolean byUrl) {
    stubBlogPost();
    Result r = conf.pipe().run("attachment", "list", blogPost(byUrl));
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("launch.png\t");
    assertThat(requests())
        .containsExactlyElementsOf(blogPostRequests(OnBlogPost.ATTACHMENTS, byUrl));
  }

  @ParameterizedTest(name = "by URL: {0}")
  @ValueSource(booleans = {true, false})
  void commentsOfABlogPost(boolean byUrl) {
    stubBlogPost();
    Result r = conf.pipe().run("comment", "list", blogPost(byUrl));
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("5\t\tAnn Author\t").endsWith("\tCongrats\n");
    assertThat(requests()).containsExactlyElementsOf(blogPostRequests(OnBlogPost.COMMENTS, byUrl));
  }

  @ParameterizedTest(name = "by URL: {0}")
  @ValueSource(booleans = {true, false})
  void commentOnABlogPost(boolean byUrl) throws IOException {
    stubBlogPost();
    Result r = conf.pipe().run("comment", "add", blogPost(byUrl), "--body", "Well done");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains(byUrl ? "on blog post 77." : "on page or blog post 77.");
    assertThat(requests())
        .containsExactlyElementsOf(blogPostRequests(OnBlogPost.COMMENT_ADD, byUrl));
    List<JsonNode> bodies = new ArrayList<>();
    for (LoggedRequest req : wm.findAll(postRequestedFor(anyUrl()))) {
      bodies.add(JSON.readTree(req.getBodyAsString()));
      assertThat(req.getBodyAsString()).contains("Well done");
    }
    assertBlogPostCommentCreated(bodies, byUrl);
  }

  @Test
  void aBareIdThatIsNeitherIsNotFoundAsEither() {
    Result r = conf.pipe().run("label", "list", "404404");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).contains("page or blog post 404404 not found");
  }

  private String blogPost(boolean byUrl) {
    return byUrl ? blogPostUrl() : BLOG;
  }

  /** The requests served, oldest first, as "METHOD /path". */
  private static List<String> requests() {
    List<String> out = new ArrayList<>();
    for (var e : wm.getAllServeEvents()) {
      out.add(0, e.getRequest().getMethod() + " " + URI.create(e.getRequest().getUrl()).getPath());
    }
    return out;
  }
}
