package dev.conf.auth.oauth1;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OAuth1SignerTest {
  static KeyPair keys;

  @BeforeAll
  static void keyPair() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    keys = g.generateKeyPair();
  }

  static boolean verifies(PublicKey key, String baseString, String signature) throws Exception {
    Signature s = Signature.getInstance("SHA1withRSA");
    s.initVerify(key);
    s.update(baseString.getBytes(StandardCharsets.UTF_8));
    return s.verify(Base64.getDecoder().decode(signature));
  }

  private final Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

  @Test
  void theHeaderCarriesEveryProtocolParameterAndASignatureThePublicKeyVerifies() throws Exception {
    OAuth1Signer signer = new OAuth1Signer("conf-cli", keys.getPrivate(), () -> "n0nce", clock);
    URI uri = URI.create("https://Wiki.Example.org:443/rest/api/space?limit=2&type=global");
    List<Param> form = List.of(new Param("title", "A & B"));

    String header = signer.authorization("POST", uri, "acc3ss", Map.of(), form);

    assertThat(header).startsWith("OAuth ");
    Map<String, String> p = OAuth1Signer.parseHeader(header);
    assertThat(p)
        .containsEntry("oauth_consumer_key", "conf-cli")
        .containsEntry("oauth_token", "acc3ss")
        .containsEntry("oauth_signature_method", "RSA-SHA1")
        .containsEntry("oauth_timestamp", "1700000000")
        .containsEntry("oauth_nonce", "n0nce")
        .containsEntry("oauth_version", "1.0");
    List<Param> signed = new ArrayList<>(form);
    p.forEach((k, v) -> signed.add(new Param(k, v)));
    String base = SignatureBaseString.of("POST", uri, signed);
    assertThat(base)
        .startsWith("POST&https%3A%2F%2Fwiki.example.org%2Frest%2Fapi%2Fspace&limit%3D2")
        .contains("title%3DA%2520%2526%2520B");
    assertThat(verifies(keys.getPublic(), base, p.get("oauth_signature"))).isTrue();
    // a change to any signed part breaks it
    assertThat(
            verifies(
                keys.getPublic(), base.replace("limit%3D2", "limit%3D3"), p.get("oauth_signature")))
        .isFalse();
  }

  @Test
  void extraParametersAreSignedAndAbsentTokenIsLeftOut() throws Exception {
    OAuth1Signer signer = new OAuth1Signer("k", keys.getPrivate(), () -> "n", clock);
    URI uri = URI.create("http://dc.local:8090/plugins/servlet/oauth/request-token");
    String header =
        signer.authorization("POST", uri, null, Map.of("oauth_callback", "oob"), List.of());
    Map<String, String> p = OAuth1Signer.parseHeader(header);
    assertThat(p).doesNotContainKey("oauth_token").containsEntry("oauth_callback", "oob");
    List<Param> signed = new ArrayList<>();
    p.forEach((k, v) -> signed.add(new Param(k, v)));
    assertThat(
            verifies(
                keys.getPublic(),
                SignatureBaseString.of("POST", uri, signed),
                p.get("oauth_signature")))
        .isTrue();
  }

  @Test
  void randomNoncesDiffer() {
    var nonces = OAuth1Signer.randomNonces();
    assertThat(nonces.get()).hasSize(32).isNotEqualTo(nonces.get());
  }
}
