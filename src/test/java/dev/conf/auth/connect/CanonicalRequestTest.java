package dev.conf.auth.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The canonical request and qsh.
 *
 * <p>Sources: Atlassian's "Query string hash" page
 * (https://developer.atlassian.com/cloud/bitbucket/query-string-hash, the same rules as the
 * Confluence and Jira Connect "Understanding JWT" pages): its canonical-request table ({@code GET}
 * {@code /} {@code param=foo} → {@code GET&/&param=foo}; {@code POST} {@code /user} with no query →
 * {@code POST&/user&}), its method table ({@code get}, {@code Get} → {@code GET}) and its canonical
 * URI rules (no protocol, server, port or context path; always starts with {@code /}, never empty;
 * no trailing {@code /}; {@code &} as {@code %26}). And a qsh a Jira host itself issued, published
 * with its URL in https://gist.github.com/moskrc/8453971 (a request to an add-on's {@code /addon/}
 * with a {@code jwt} parameter, encoded values and unsorted names), which fixes the exact encoding
 * and sorting a product checks.
 */
class CanonicalRequestTest {

  private static String canonical(String method, String url) {
    return CanonicalRequest.of(method, URI.create(url), "/wiki");
  }

  @Test
  void atlassiansCanonicalRequestTable() {
    assertThat(canonical("GET", "https://x.atlassian.net/?param=foo")).isEqualTo("GET&/&param=foo");
    assertThat(canonical("POST", "https://x.atlassian.net/user")).isEqualTo("POST&/user&");
    assertThat(canonical("get", "https://x.atlassian.net/user")).startsWith("GET&");
    assertThat(canonical("Get", "https://x.atlassian.net/user")).startsWith("GET&");
  }

  @Test
  void aQshAJiraHostIssuedIsReproduced() {
    URI uri =
        URI.create(
            "http://localhost:2990/addon/?lic=none&tz=Europe%2FMoscow&cp=%2Fjira&user_key=admin"
                + "&loc=en-US&user_id=admin&jwt=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.x"
                + "&xdm_e=http%3A%2F%2Flocalhost%3A2990&xdm_c=channel-servlet-click-me&xdm_p=1");
    assertThat(CanonicalRequest.of("GET", uri, ""))
        .isEqualTo(
            "GET&/addon&cp=%2Fjira&lic=none&loc=en-US&tz=Europe%2FMoscow&user_id=admin"
                + "&user_key=admin&xdm_c=channel-servlet-click-me"
                + "&xdm_e=http%3A%2F%2Flocalhost%3A2990&xdm_p=1");
    assertThat(CanonicalRequest.qsh("GET", uri, ""))
        .isEqualTo("3a6ff1b66f60eb275d0e4cb6be4261d5d3b0216b91c58dc6524509227ef346de");
  }

  @Test
  void theWikiContextPathIsDroppedAndThePathIsNeverEmptyNorEndsInSlash() {
    assertThat(canonical("GET", "https://x.atlassian.net/wiki/rest/api/space"))
        .isEqualTo("GET&/rest/api/space&");
    assertThat(canonical("GET", "https://x.atlassian.net/wiki")).isEqualTo("GET&/&");
    assertThat(canonical("GET", "https://x.atlassian.net/wiki/")).isEqualTo("GET&/&");
    assertThat(canonical("GET", "https://x.atlassian.net")).isEqualTo("GET&/&");
    assertThat(canonical("GET", "https://x.atlassian.net/wiki/api/v2/pages/"))
        .isEqualTo("GET&/api/v2/pages&");
    // only a whole segment is the context path
    assertThat(canonical("GET", "https://x.atlassian.net/wikipedia/x"))
        .isEqualTo("GET&/wikipedia/x&");
    assertThat(CanonicalRequest.of("GET", URI.create("https://h/wiki/x"), ""))
        .isEqualTo("GET&/wiki/x&");
  }

  @Test
  void anAmpersandInThePathIsEncoded() {
    assertThat(canonical("PUT", "https://x.atlassian.net/wiki/rest/api/content/A&B/"))
        .isEqualTo("PUT&/rest/api/content/A%26B&");
  }

  @Test
  void parametersAreSortedByEncodedNameAndRepeatedValuesSortedAndJoinedWithComma() {
    assertThat(canonical("GET", "https://x.atlassian.net/wiki/rest/api/search?b=2&a=x&b=10&b=1"))
        .isEqualTo("GET&/rest/api/search&a=x&b=1,10,2");
    // names sort as encoded text: "A" (0x41) < "_" (0x5F) < "a" (0x61), and "%" before letters
    assertThat(canonical("GET", "https://x.atlassian.net/p?a=1&_=2&A=3&%40=4"))
        .isEqualTo("GET&/p&%40=4&A=3&_=2&a=1");
  }

  @Test
  void valuesAreReEncodedPerRfc3986WithSpaceAsPercent20() {
    assertThat(canonical("GET", "https://x.atlassian.net/wiki/rest/api/search?cql=type+%3D%20page"))
        .isEqualTo("GET&/rest/api/search&cql=type%20%3D%20page");
    assertThat(canonical("GET", "https://x.atlassian.net/p?x=a~b*c,d%C3%A9&flag"))
        .isEqualTo("GET&/p&flag=&x=a~b%2Ac%2Cd%C3%A9");
    assertThat(canonical("GET", "https://x.atlassian.net/p?x=%7e")).isEqualTo("GET&/p&x=~");
  }

  @Test
  void theJwtParameterIsLeftOut() {
    assertThat(canonical("GET", "https://x.atlassian.net/wiki/p?jwt=abc&x=1"))
        .isEqualTo("GET&/p&x=1");
    assertThat(canonical("GET", "https://x.atlassian.net/wiki/p?jwt=abc")).isEqualTo("GET&/p&");
  }
}
