package dev.conf.cli.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conf.auth.Deployment;
import dev.conf.auth.Site;
import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import dev.conf.service.ContentType;
import dev.conf.service.SiteUrls;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way a user names a page, on each kind of site, and the ones refused. */
class ContentAddressTest {
  /** Where a site answers, as the command context gives it to ContentAddress. */
  static SiteUrls urls(Site site) {
    return new SiteUrls(
        site.displayUrl(), java.util.Arrays.asList(site.webBase(), site.siteUrl(), site.root()));
  }

  static final Site CLOUD = Site.detect("https://acme.atlassian.net", null);
  static final Site DC = Site.detect("https://wiki.corp.example/confluence", null);
  static final Site DC_PORT = Site.detect("http://localhost:8090", Deployment.DATA_CENTER);
  static final Site SCOPED =
      Site.scoped(
          java.net.URI.create(Site.GATEWAY),
          "1324a887-45db-1bf4-1e99-ef0ff456d421",
          java.net.URI.create("https://acme.atlassian.net"));

  static Stream<Arguments> accepted() {
    return Stream.of(
        // site, what the user typed, id, space key, title
        Arguments.of(CLOUD, "123456", "123456", null, null),
        Arguments.of(CLOUD, " 42 ", "42", null, null),
        Arguments.of(CLOUD, "DOCS:Release notes", null, "DOCS", "Release notes"),
        Arguments.of(CLOUD, "~jane:My: notes", null, "~jane", "My: notes"),
        Arguments.of(
            CLOUD,
            "https://acme.atlassian.net/wiki/spaces/DOCS/pages/123456",
            "123456",
            null,
            null),
        Arguments.of(
            CLOUD,
            "https://acme.atlassian.net/wiki/spaces/DOCS/pages/123456/Release+notes",
            "123456",
            null,
            null),
        Arguments.of(
            CLOUD,
            "https://acme.atlassian.net/wiki/spaces/DOCS/pages/edit-v2/123456?draftShareId=x",
            "123456",
            null,
            null),
        Arguments.of(
            CLOUD,
            "https://ACME.atlassian.net/wiki/spaces/DOCS/blog/2026/11/01/777/Launch",
            "777",
            null,
            null),
        Arguments.of(
            SCOPED, "https://acme.atlassian.net/wiki/spaces/DOCS/pages/9/T", "9", null, null),
        Arguments.of(
            DC,
            "https://wiki.corp.example/confluence/pages/viewpage.action?pageId=98765",
            "98765",
            null,
            null),
        Arguments.of(
            DC,
            "https://wiki.corp.example/confluence/display/ENG/Release+Notes+%26+Plans",
            null,
            "ENG",
            "Release Notes & Plans"),
        Arguments.of(
            DC,
            "https://wiki.corp.example/confluence/display/ENG/2026/11/01/Launch+day",
            null,
            "ENG",
            "Launch day"),
        Arguments.of(
            DC_PORT, "http://localhost:8090/pages/viewpage.action?pageId=5", "5", null, null),
        // Tiny links, as the Share button copies them (LIQHD is page 201819180).
        Arguments.of(DC, "https://wiki.corp.example/confluence/x/LIQHD", "201819180", null, null),
        Arguments.of(
            CLOUD, "https://acme.atlassian.net/wiki/x/AbCdEf", "1031087697921", null, null),
        Arguments.of(CLOUD, "https://acme.atlassian.net/wiki/x/_-8", "65531", null, null));
  }

  @ParameterizedTest(name = "[{index}] '{1}'")
  @MethodSource("accepted")
  void namesAPage(Site site, String typed, String id, String key, String title) {
    ContentAddress ref = ContentAddress.parse(typed, urls(site));
    assertThat(ref.id()).isEqualTo(id);
    assertThat(ref.spaceKey()).isEqualTo(key);
    assertThat(ref.title()).isEqualTo(title);
    assertThat(ref.byTitle()).isEqualTo(id == null);
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of(CLOUD, "https://evil.example.com/wiki/spaces/DOCS/pages/1", "belongs to"),
        Arguments.of(
            CLOUD, "https://acme.atlassian.net.evil.com/wiki/spaces/D/pages/1", "belongs to"),
        Arguments.of(
            DC, "https://wiki.corp.example:8443/pages/viewpage.action?pageId=1", "belongs to"),
        Arguments.of(DC_PORT, "http://localhost:9999/pages/viewpage.action?pageId=5", "belongs to"),
        Arguments.of(
            CLOUD, "https://acme.atlassian.net/wiki/spaces/DOCS/overview", "is not the URL"),
        Arguments.of(CLOUD, "Release notes", "names no page"),
        Arguments.of(CLOUD, "", "no page given"),
        Arguments.of(CLOUD, "DOCS:", "names no page"));
  }

  @ParameterizedTest(name = "[{index}] '{1}'")
  @MethodSource("refused")
  void refusesWithAUsageError(Site site, String typed, String message) {
    assertThatThrownBy(() -> ContentAddress.parse(typed, urls(site)))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((ConfException) e).exitCode()).isEqualTo(ExitCode.USAGE));
  }

  static Stream<Arguments> typed() {
    return Stream.of(
        // site, what the user typed, the type the text shows (null: it does not say)
        Arguments.of(CLOUD, "42", null),
        Arguments.of(CLOUD, "DOCS:Release notes", null),
        Arguments.of(
            CLOUD, "https://acme.atlassian.net/wiki/spaces/DOCS/pages/1/T", ContentType.PAGE),
        Arguments.of(
            CLOUD, "https://acme.atlassian.net/wiki/spaces/DOCS/pages/edit-v2/1", ContentType.PAGE),
        Arguments.of(
            CLOUD,
            "https://acme.atlassian.net/wiki/spaces/DOCS/blog/2026/11/01/777/Launch",
            ContentType.BLOGPOST),
        Arguments.of(
            CLOUD, "https://acme.atlassian.net/wiki/spaces/DOCS/blog/777", ContentType.BLOGPOST),
        Arguments.of(
            CLOUD,
            "https://acme.atlassian.net/wiki/spaces/DOCS/blog/edit-v2/777",
            ContentType.BLOGPOST),
        Arguments.of(CLOUD, "https://acme.atlassian.net/wiki/x/AbCdEf", null),
        Arguments.of(
            DC, "https://wiki.corp.example/confluence/pages/viewpage.action?pageId=9", null),
        Arguments.of(
            DC, "https://wiki.corp.example/confluence/display/ENG/Release+Notes", ContentType.PAGE),
        Arguments.of(
            DC,
            "https://wiki.corp.example/confluence/display/ENG/2026/11/01/Launch+day",
            ContentType.BLOGPOST));
  }

  @ParameterizedTest(name = "[{index}] '{1}'")
  @MethodSource("typed")
  void saysWhetherItIsABlogPostWhenTheTextShows(Site site, String typed, ContentType type) {
    assertThat(ContentAddress.parse(typed, urls(site)).type()).isEqualTo(type);
  }
}
