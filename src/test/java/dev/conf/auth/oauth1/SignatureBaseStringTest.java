package dev.conf.auth.oauth1;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureBaseStringTest {

  /**
   * RFC 5849 section 3.4.1.1's worked example: query and form parameters, a repeated name ({@code
   * a3}), an empty value ({@code c2}, {@code c@}), {@code +} and {@code %20} as spaces, and encoded
   * characters in names and values. (Section 3.4.1.1 runs on {@code example.com}; the {@code
   * photos.example.net} requests are section 1.2's overview.)
   */
  @Test
  void matchesTheRfc5849WorkedExample() {
    URI uri = URI.create("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b");
    List<Param> params = new java.util.ArrayList<>(PercentEncoding.parseForm("c2&a3=2+q"));
    params.add(new Param("realm", "Example"));
    params.add(new Param("oauth_consumer_key", "9djdj82h48djs9d2"));
    params.add(new Param("oauth_token", "kkk9d7dh3k39sjv7"));
    params.add(new Param("oauth_signature_method", "HMAC-SHA1"));
    params.add(new Param("oauth_timestamp", "137131201"));
    params.add(new Param("oauth_nonce", "7d8f3e4a"));
    params.add(new Param("oauth_signature", "bYT5CMsGcbgUdFHObYMEfcx6bsw="));

    assertThat(SignatureBaseString.of("post", uri, params))
        .isEqualTo(
            "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q"
                + "%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_"
                + "key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_m"
                + "ethod%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk"
                + "9d7dh3k39sjv7");
  }

  /** RFC 5849 section 3.4.1.3.2's normalized parameters for the same request. */
  @Test
  void normalizesAsSection3_4_1_3_2Shows() {
    List<Param> params =
        List.of(
            new Param("b5", "=%3D"),
            new Param("a3", "a"),
            new Param("c@", ""),
            new Param("a2", "r b"),
            new Param("oauth_consumer_key", "9djdj82h48djs9d2"),
            new Param("oauth_token", "kkk9d7dh3k39sjv7"),
            new Param("oauth_signature_method", "HMAC-SHA1"),
            new Param("oauth_timestamp", "137131201"),
            new Param("oauth_nonce", "7d8f3e4a"),
            new Param("c2", ""),
            new Param("a3", "2 q"));
    assertThat(SignatureBaseString.normalizedParameters(params))
        .isEqualTo(
            "a2=r%20b&a3=2%20q&a3=a&b5=%3D%253D&c%40=&c2=&oauth_consumer_key=9dj"
                + "dj82h48djs9d2&oauth_nonce=7d8f3e4a&oauth_signature_method=HMAC-SHA1"
                + "&oauth_timestamp=137131201&oauth_token=kkk9d7dh3k39sjv7");
  }

  /** RFC 5849 section 3.4.1.2's two examples, and the default HTTPS port. */
  @Test
  void baseStringUriLowersSchemeAndHostAndDropsDefaultPorts() {
    assertThat(
            SignatureBaseString.baseStringUri(URI.create("HTTP://EXAMPLE.COM:80/r%20v/X?id=123")))
        .isEqualTo("http://example.com/r%20v/X");
    assertThat(SignatureBaseString.baseStringUri(URI.create("https://www.example.net:8080/?q=1")))
        .isEqualTo("https://www.example.net:8080/");
    assertThat(SignatureBaseString.baseStringUri(URI.create("https://Wiki.Example.org:443")))
        .isEqualTo("https://wiki.example.org/");
    assertThat(SignatureBaseString.baseStringUri(URI.create("http://h:443/x")))
        .isEqualTo("http://h:443/x");
  }

  /** Section 3.6: only unreserved characters stay; UTF-8 octets in upper-case hex. */
  @Test
  void percentEncodesPerSection3_6() {
    assertThat(PercentEncoding.encode("Az09-._~")).isEqualTo("Az09-._~");
    assertThat(PercentEncoding.encode("a b+c*d/é!")).isEqualTo("a%20b%2Bc%2Ad%2F%C3%A9%21");
    assertThat(PercentEncoding.encode("☃")).isEqualTo("%E2%98%83");
  }

  @Test
  void decodesFormTextAndKeepsALonePercentAsItIs() {
    assertThat(PercentEncoding.decode("a+b%20c%C3%A9")).isEqualTo("a b cé");
    assertThat(PercentEncoding.decode("100%")).isEqualTo("100%");
    assertThat(PercentEncoding.parseForm("x&y=&z=1&&z=2"))
        .containsExactly(
            new Param("x", ""), new Param("y", ""), new Param("z", "1"), new Param("z", "2"));
  }
}
