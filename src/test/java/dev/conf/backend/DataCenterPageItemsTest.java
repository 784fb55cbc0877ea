package dev.conf.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.testing.TestSite;
import java.util.ArrayList;
import java.util.List;

/** Data Center: REST v1 under the context path for everything. */
class DataCenterPageItemsTest extends PageItemScenarios {
  static final String CONTEXT = "/confluence";
  static final String API = CONTEXT + "/rest/api";

  @Override
  protected TestSite site() {
    return TestSite.dataCenter(url(), CONTEXT);
  }

  @Override
  protected void stubLabels(String pageId, String... names) {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      items.add("{\"prefix\":\"global\",\"name\":" + q(names[i]) + ",\"id\":\"" + (i + 1) + "\"}");
    }
    wm.stubFor(
        get(urlPathEqualTo(API + "/content/" + pageId + "/label"))
            .willReturn(
                okJson(
                    "{\"results\":["
                        + String.join(",", items)
                        + "],\"start\":0,\"limit\":100,\"size\":"
                        + names.length
                        + ",\"_links\":{}}")));
  }

  @Override
  protected String labelAddPath(String pageId) {
    return API + "/content/" + pageId + "/label";
  }

  @Override
  protected List<String> addedLabels() {
    List<String> names = new ArrayList<>();
    try {
      for (var r : wm.findAll(postRequestedFor(urlPathEqualTo(labelAddPath(PAGE))))) {
        JsonNode l = JSON.readTree(r.getBodyAsString());
        assertThat(l.path("prefix").asText()).isEqualTo("global");
        names.add(l.path("name").asText());
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return names;
  }

  @Override
  protected String labelRemovePath(String pageId) {
    return API + "/content/" + pageId + "/label";
  }

  @Override
  protected String attachmentId(int n) {
    return String.valueOf(1000 + n);
  }

  private String attachment(Att a, String when) {
    return "{\"id\":\""
        + a.id()
        + "\",\"type\":\"attachment\",\"status\":\"current\",\"title\":"
        + q(a.name())
        + ",\"version\":{\"number\":"
        + a.version()
        + ",\"when\":\""
        + when
        + "\"},\"extensions\":{\"mediaType\":\""
        + mediaType(a.name())
        + "\",\"fileSize\":"
        + a.size()
        + ",\"comment\":\"\"},\"container\":{\"id\":\"42\",\"type\":\"page\"},"
        + "\"_links\":{\"download\":"
        + q("/download/attachments/42/" + a.name() + "?version=" + a.version() + "&api=v2")
        + "}}";
  }

  @Override
  protected void stubAttachments(String pageId, Att... attachments) {
    List<String> items = new ArrayList<>();
    for (Att a : attachments) {
      items.add(attachment(a, "2026-11-28T12:00:00Z"));
    }
    wm.stubFor(
        get(urlPathEqualTo(API + "/content/" + pageId + "/child/attachment"))
            .willReturn(
                okJson(
                    "{\"results\":["
                        + String.join(",", items)
                        + "],\"start\":0,\"limit\":100,\"size\":"
                        + items.size()
                        + ",\"_links\":{}}")));
  }

  @Override
  protected void stubAttachment(Att a) {
    wm.stubFor(
        get(urlPathEqualTo(API + "/content/" + a.id()))
            .willReturn(okJson(attachment(a, "2026-11-28T12:00:00Z"))));
  }

  @Override
  protected String uploadPath(String pageId) {
    return API + "/content/" + pageId + "/child/attachment";
  }

  @Override
  protected String newVersionPath(String pageId, String attachmentId) {
    return uploadPath(pageId) + "/" + attachmentId + "/data";
  }

  @Override
  protected String uploadAnswer(Att a) {
    return "{\"results\":[" + attachment(a, "2026-11-29T11:00:00.000Z") + "],\"size\":1}";
  }

  @Override
  protected String newVersionAnswer(Att a) {
    return attachment(a, "2026-11-29T11:00:00.000Z");
  }

  @Override
  protected String deleteAttachmentPath(String pageId, Att a) {
    return API + "/content/" + pageId + "/child/attachment/" + a.id();
  }

  /** Data Center's code macro knows its own names (py), and refuses others (kotlin). */
  @Override
  protected String siteCodeLanguage(String written) {
    return written.equals("Python") ? "py" : null;
  }

  @Override
  protected String contextPath() {
    return CONTEXT;
  }

  private static String comment(
      String id, String parent, String created, String text, String extensions) {
    return "{\"id\":\""
        + id
        + "\",\"type\":\"comment\",\"status\":\"current\",\"title\":\"Re: Page\","
        + "\"history\":{\"createdBy\":{\"type\":\"known\",\"username\":\"ann\","
        + "\"displayName\":\"Ann Author\"},\"createdDate\":\""
        + created
        + "\"},\"version\":{\"number\":1,\"when\":\""
        + created
        + "\"},\"ancestors\":["
        + (parent == null ? "" : "{\"id\":\"" + parent + "\",\"type\":\"comment\"}")
        + "],\"container\":{\"id\":\"42\",\"type\":\"page\"},"
        + "\"body\":{\"storage\":{\"value\":"
        + q("<p>" + text + "</p>")
        + ",\"representation\":\"storage\"}},\"extensions\":"
        + extensions
        + ",\"_links\":{\"webui\":\"/pages/viewpage.action?pageId=42&focusedCommentId="
        + id
        + "\"}}";
  }

  private static String footer(String id, String parent, String created, String text) {
    return comment(id, parent, created, text, "{\"location\":\"footer\"}");
  }

  @Override
  protected void stubFooterComments(String pageId) {
    wm.stubFor(
        get(urlPathEqualTo(API + "/content/" + pageId + "/child/comment"))
            .withQueryParam("location", equalTo("footer"))
            .withQueryParam("depth", equalTo("all"))
            .willReturn(
                okJson(
                    "{\"results\":["
                        + footer("1", null, "2026-11-28T10:00:00.000Z", "First comment")
                        + ","
                        + footer("2", null, "2026-11-28T12:00:00.000Z", "Second comment")
                        + ","
                        + footer("3", "1", "2026-11-28T11:00:00.000Z", "A reply")
                        + "],\"start\":0,\"limit\":100,\"size\":3,\"_links\":{}}")));
  }

  @Override
  protected void stubInlineComments(String pageId) {
    wm.stubFor(
        get(urlPathEqualTo(API + "/content/" + pageId + "/child/comment"))
            .withQueryParam("location", equalTo("inline"))
            .willReturn(
                okJson(
                    "{\"results\":["
                        + comment(
                            "7",
                            null,
                            "2026-11-28T09:00:00.000Z",
                            "Fix the date",
                            "{\"location\":\"inline\",\"inlineProperties\":{\"originalSelection\":"
                                + "\"release date\"},\"resolution\":{\"status\":\"resolved\"}}")
                        + "],\"start\":0,\"limit\":100,\"size\":1,\"_links\":{}}")));
  }

  @Override
  protected String stubCommentCreate(String pageId) {
    wm.stubFor(
        post(urlPathEqualTo(API + "/content"))
            .willReturn(okJson(footer("9", null, "2026-11-29T11:59:00.000Z", "new"))));
    return API + "/content";
  }

  @Override
  protected void assertCommentCreated(JsonNode request, String pageId, String replyTo) {
    assertThat(request.path("type").asText()).isEqualTo("comment");
    assertThat(request.path("container").path("id").asText()).isEqualTo(pageId);
    if (replyTo == null) {
      assertThat(request.has("ancestors")).isFalse();
    } else {
      assertThat(request.path("ancestors").path(0).path("id").asText()).isEqualTo(replyTo);
    }
    assertThat(request.path("body").path("storage").path("representation").asText())
        .isEqualTo("storage");
  }

  @Override
  protected void stubComment(String id) {
    wm.stubFor(
        get(urlPathEqualTo(API + "/content/" + id))
            .willReturn(okJson(footer(id, null, "2026-11-28T10:00:00.000Z", "First comment"))));
  }

  @Override
  protected String stubCommentDelete(String id) {
    wm.stubFor(
        delete(urlPathEqualTo(API + "/content/" + id)).willReturn(aResponse().withStatus(204)));
    return API + "/content/" + id;
  }

  // ---- a blog post: the same /content/{id} paths as a page; its URL names it by date and title

  @Override
  protected String blogPostUrl() {
    return siteUrl() + "/display/DOCS/2026/11/01/Launch+day";
  }

  @Override
  protected void stubBlogPost() {
    wm.stubFor(
        get(urlPathEqualTo(API + "/content"))
            .withQueryParam("type", equalTo("blogpost"))
            .withQueryParam("spaceKey", equalTo("DOCS"))
            .withQueryParam("title", equalTo("Launch day"))
            .willReturn(
                okJson(
                    "{\"results\":[{\"id\":\""
                        + BLOG
                        + "\",\"type\":\"blogpost\",\"status\":\"current\",\"title\":\"Launch day\","
                        + "\"space\":{\"key\":\"DOCS\"},\"version\":{\"number\":1}}],"
                        + "\"start\":0,\"limit\":1,\"size\":1,\"_links\":{}}")));
    stubLabels(BLOG, "news");
    stubAttachments(BLOG, att(1, "launch.png", "png"));
    wm.stubFor(
        get(urlPathEqualTo(API + "/content/" + BLOG + "/child/comment"))
            .withQueryParam("location", equalTo("footer"))
            .willReturn(
                okJson(
                    "{\"results\":["
                        + footer("5", null, "2026-11-28T10:00:00.000Z", "Congrats")
                        + "],\"start\":0,\"limit\":100,\"size\":1,\"_links\":{}}")));
    stubCommentCreate(BLOG);
  }

  @Override
  protected List<String> blogPostRequests(OnBlogPost what, boolean byUrl) {
    List<String> out = new ArrayList<>();
    if (byUrl) {
      out.add("GET " + API + "/content");
    }
    out.add(
        switch (what) {
          case LABELS -> "GET " + API + "/content/" + BLOG + "/label";
          case ATTACHMENTS -> "GET " + API + "/content/" + BLOG + "/child/attachment";
          case COMMENTS -> "GET " + API + "/content/" + BLOG + "/child/comment";
          case COMMENT_ADD -> "POST " + API + "/content";
        });
    return out;
  }

  @Override
  protected void assertBlogPostCommentCreated(List<JsonNode> requests, boolean byUrl) {
    assertThat(requests).hasSize(1);
    JsonNode c = requests.get(0);
    assertThat(c.path("type").asText()).isEqualTo("comment");
    assertThat(c.path("container").path("id").asText()).isEqualTo(BLOG);
    // Known from the URL, the container is typed as what it is; a bare id is sent as before.
    assertThat(c.path("container").path("type").asText()).isEqualTo(byUrl ? "blogpost" : "page");
    assertThat(c.has("ancestors")).isFalse();
  }
}
