package dev.conf.backend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.conf.testing.TestSite;
import java.util.ArrayList;
import java.util.List;

/** Cloud: v2 reads, v1 multipart uploads and label writes, v2 comment writes and deletes. */
class CloudPageItemsTest extends PageItemScenarios {
  static final String V2 = "/wiki/api/v2";
  static final String V1 = "/wiki/rest/api";

  @Override
  protected TestSite site() {
    return TestSite.cloud(url());
  }

  @Override
  protected void stubCommon() {
    wm.stubFor(
        get(urlPathEqualTo(V1 + "/user/bulk"))
            .willReturn(
                okJson(
                    "{\"results\":[{\"accountId\":\"acc-ann\",\"displayName\":\"Ann Author\"}]}")));
  }

  @Override
  protected String annId() {
    return "acc-ann";
  }

  @Override
  protected void stubLabels(String pageId, String... names) {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      items.add("{\"id\":\"" + (i + 1) + "\",\"name\":" + q(names[i]) + ",\"prefix\":\"global\"}");
    }
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/pages/" + pageId + "/labels"))
            .willReturn(okJson("{\"results\":[" + String.join(",", items) + "],\"_links\":{}}")));
  }

  @Override
  protected String labelAddPath(String pageId) {
    return V1 + "/content/" + pageId + "/label";
  }

  @Override
  protected List<String> addedLabels() {
    List<String> names = new ArrayList<>();
    try {
      for (var r : wm.findAll(postRequestedFor(urlPathEqualTo(labelAddPath(PAGE))))) {
        for (JsonNode l : JSON.readTree(r.getBodyAsString())) {
          assertThat(l.path("prefix").asText()).isEqualTo("global");
          names.add(l.path("name").asText());
        }
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return names;
  }

  @Override
  protected String labelRemovePath(String pageId) {
    return V1 + "/content/" + pageId + "/label";
  }

  @Override
  protected String attachmentId(int n) {
    return "att" + (1000 + n);
  }

  private String v2Attachment(Att a) {
    return "{\"id\":\""
        + a.id()
        + "\",\"status\":\"current\",\"title\":"
        + q(a.name())
        + ",\"pageId\":\"42\",\"mediaType\":\""
        + mediaType(a.name())
        + "\",\"fileSize\":"
        + a.size()
        + ",\"comment\":\"\",\"version\":{\"number\":"
        + a.version()
        + ",\"createdAt\":\"2026-11-28T12:00:00Z\",\"authorId\":\"acc-ann\"},"
        + "\"downloadLink\":"
        + q("/download/attachments/42/" + a.name() + "?version=" + a.version() + "&api=v2")
        + ",\"_links\":{\"webui\":\"/pages/viewpageattachments.action?pageId=42\"}}";
  }

  private String v1Attachment(Att a) {
    return "{\"id\":\""
        + a.id()
        + "\",\"type\":\"attachment\",\"status\":\"current\",\"title\":"
        + q(a.name())
        + ",\"version\":{\"number\":"
        + a.version()
        + ",\"when\":\"2026-11-29T11:00:00.000Z\"},\"extensions\":{\"mediaType\":\""
        + mediaType(a.name())
        + "\",\"fileSize\":"
        + a.size()
        + ",\"comment\":\"\"},\"container\":{\"id\":\"42\",\"type\":\"page\"},"
        + "\"_links\":{\"download\":"
        + q("/download/attachments/42/" + a.name() + "?version=" + a.version())
        + "}}";
  }

  @Override
  protected void stubAttachments(String pageId, Att... attachments) {
    List<String> items = new ArrayList<>();
    for (Att a : attachments) {
      items.add(v2Attachment(a));
    }
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/pages/" + pageId + "/attachments"))
            .willReturn(okJson("{\"results\":[" + String.join(",", items) + "],\"_links\":{}}")));
  }

  @Override
  protected void stubAttachment(Att a) {
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/attachments/" + a.id())).willReturn(okJson(v2Attachment(a))));
  }

  @Override
  protected String uploadPath(String pageId) {
    return V1 + "/content/" + pageId + "/child/attachment";
  }

  @Override
  protected String newVersionPath(String pageId, String attachmentId) {
    return uploadPath(pageId) + "/" + attachmentId + "/data";
  }

  @Override
  protected String uploadAnswer(Att a) {
    return "{\"results\":[" + v1Attachment(a) + "],\"size\":1}";
  }

  @Override
  protected String newVersionAnswer(Att a) {
    return v1Attachment(a);
  }

  @Override
  protected String deleteAttachmentPath(String pageId, Att a) {
    // The v2 document types the id as an integer: the "att" prefix is left off.
    return V2 + "/attachments/" + a.id().substring(3);
  }

  /** Cloud's code macro takes the language as written. */
  @Override
  protected String siteCodeLanguage(String written) {
    return written;
  }

  @Override
  protected String contextPath() {
    return "/wiki";
  }

  private static String comment(String id, String parent, String created, String text) {
    return "{\"id\":\""
        + id
        + "\",\"status\":\"current\",\"title\":\"Re: Page\",\"pageId\":\"42\","
        + (parent == null ? "" : "\"parentCommentId\":\"" + parent + "\",")
        + "\"version\":{\"number\":1,\"createdAt\":\""
        + created
        + "\",\"authorId\":\"acc-ann\"},\"body\":{\"storage\":{\"value\":"
        + q("<p>" + text + "</p>")
        + ",\"representation\":\"storage\"}},"
        + "\"_links\":{\"webui\":\"/spaces/DOCS/pages/42?focusedCommentId="
        + id
        + "\"}}";
  }

  @Override
  protected void stubFooterComments(String pageId) {
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/pages/" + pageId + "/footer-comments"))
            .willReturn(
                okJson(
                    "{\"results\":["
                        + comment("1", null, "2026-11-28T10:00:00.000Z", "First comment")
                        + ","
                        + comment("2", null, "2026-11-28T12:00:00.000Z", "Second comment")
                        + "],\"_links\":{}}")));
    // v2 children answers do not always repeat parentCommentId: conf fills it in.
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/footer-comments/1/children"))
            .willReturn(
                okJson(
                    "{\"results\":["
                        + comment("3", null, "2026-11-28T11:00:00.000Z", "A reply")
                        + "],\"_links\":{}}")));
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/footer-comments/2/children"))
            .willReturn(okJson("{\"results\":[],\"_links\":{}}")));
  }

  @Override
  protected void stubInlineComments(String pageId) {
    String c =
        comment("7", null, "2026-11-28T09:00:00.000Z", "Fix the date")
            .replace(
                "\"status\":\"current\",",
                "\"status\":\"current\",\"resolutionStatus\":\"resolved\","
                    + "\"properties\":{\"inlineOriginalSelection\":\"release date\"},");
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/pages/" + pageId + "/inline-comments"))
            .willReturn(okJson("{\"results\":[" + c + "],\"_links\":{}}")));
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/inline-comments/7/children"))
            .willReturn(okJson("{\"results\":[],\"_links\":{}}")));
  }

  @Override
  protected String stubCommentCreate(String pageId) {
    wm.stubFor(
        post(urlPathEqualTo(V2 + "/footer-comments"))
            .willReturn(okJson(comment("9", null, "2026-11-29T11:59:00.000Z", "new"))));
    return V2 + "/footer-comments";
  }

  @Override
  protected void assertCommentCreated(JsonNode request, String pageId, String replyTo) {
    if (replyTo == null) {
      assertThat(request.path("pageId").asText()).isEqualTo(pageId);
      assertThat(request.has("parentCommentId")).isFalse();
    } else {
      assertThat(request.path("parentCommentId").asText()).isEqualTo(replyTo);
      assertThat(request.has("pageId")).isFalse();
    }
    assertThat(request.path("body").path("representation").asText()).isEqualTo("storage");
  }

  @Override
  protected void stubComment(String id) {
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/footer-comments/" + id))
            .willReturn(okJson(comment(id, null, "2026-11-28T10:00:00.000Z", "First comment"))));
  }

  @Override
  protected String stubCommentDelete(String id) {
    wm.stubFor(
        delete(urlPathEqualTo(V2 + "/footer-comments/" + id))
            .willReturn(aResponse().withStatus(204)));
    return V2 + "/footer-comments/" + id;
  }

  // ---- a blog post: v2 keeps it under /blogposts; /pages answers 404 for its id

  @Override
  protected String blogPostUrl() {
    return siteUrl() + "/wiki/spaces/DOCS/blog/2026/11/01/" + BLOG + "/Launch";
  }

  @Override
  protected void stubBlogPost() {
    for (String child : List.of("labels", "attachments", "footer-comments")) {
      wm.stubFor(get(urlPathEqualTo(V2 + "/pages/" + BLOG + "/" + child)).willReturn(notFound()));
    }
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/blogposts/" + BLOG + "/labels"))
            .willReturn(
                okJson(
                    "{\"results\":[{\"id\":\"1\",\"name\":\"news\",\"prefix\":\"global\"}],"
                        + "\"_links\":{}}")));
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/blogposts/" + BLOG + "/attachments"))
            .willReturn(
                okJson(
                    "{\"results\":["
                        + v2Attachment(att(1, "launch.png", "png"))
                        + "],\"_links\":{}}")));
    String congrats =
        comment("5", null, "2026-11-28T10:00:00.000Z", "Congrats")
            .replace("\"pageId\":\"42\"", "\"blogPostId\":\"" + BLOG + "\"");
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/blogposts/" + BLOG + "/footer-comments"))
            .willReturn(okJson("{\"results\":[" + congrats + "],\"_links\":{}}")));
    wm.stubFor(
        get(urlPathEqualTo(V2 + "/footer-comments/5/children"))
            .willReturn(okJson("{\"results\":[],\"_links\":{}}")));
    // The document answers 404 for a top-level comment on a page that is not there.
    wm.stubFor(
        post(urlPathEqualTo(V2 + "/footer-comments"))
            .withRequestBody(matchingJsonPath("$.pageId"))
            .willReturn(notFound()));
    wm.stubFor(
        post(urlPathEqualTo(V2 + "/footer-comments"))
            .withRequestBody(matchingJsonPath("$.blogPostId", equalTo(BLOG)))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(congrats.replace("\"5\"", "\"9\""))));
  }

  private static ResponseDefinitionBuilder notFound() {
    return aResponse()
        .withStatus(404)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"errors\":[{\"status\":404,\"code\":\"NOT_FOUND\",\"title\":\"Not Found\"}]}");
  }

  @Override
  protected List<String> blogPostRequests(OnBlogPost what, boolean byUrl) {
    List<String> out = new ArrayList<>();
    String child =
        switch (what) {
          case LABELS -> "labels";
          case ATTACHMENTS -> "attachments";
          case COMMENTS -> "footer-comments";
          case COMMENT_ADD -> null;
        };
    if (child == null) {
      // Not knowing the type: pageId first (404), then blogPostId.
      out.add("POST " + V2 + "/footer-comments");
      if (!byUrl) {
        out.add("POST " + V2 + "/footer-comments");
      }
      return out;
    }
    if (!byUrl) {
      out.add("GET " + V2 + "/pages/" + BLOG + "/" + child);
    }
    out.add("GET " + V2 + "/blogposts/" + BLOG + "/" + child);
    if (what == OnBlogPost.COMMENTS) {
      out.add("GET " + V2 + "/footer-comments/5/children");
      out.add("GET " + V1 + "/user/bulk");
    }
    return out;
  }

  @Override
  protected void assertBlogPostCommentCreated(List<JsonNode> requests, boolean byUrl) {
    JsonNode last = requests.get(requests.size() - 1);
    assertThat(last.path("blogPostId").asText()).isEqualTo(BLOG);
    assertThat(last.has("pageId")).isFalse();
    assertThat(last.path("body").path("representation").asText()).isEqualTo("storage");
    if (byUrl) {
      assertThat(requests).hasSize(1);
    } else {
      assertThat(requests).hasSize(2);
      assertThat(requests.get(0).path("pageId").asText()).isEqualTo(BLOG);
      assertThat(requests.get(0).has("blogPostId")).isFalse();
    }
  }
}
