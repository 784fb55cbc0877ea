package dev.conf.auth.pkce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PkceTest {

  /** RFC 7636 appendix B: the octets, the verifier they encode to, and its S256 challenge. */
  @Test
  void matchesRfc7636AppendixB() {
    int[] octets = {
      116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77,
      105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121
    };
    byte[] bytes = new byte[octets.length];
    for (int i = 0; i < octets.length; i++) {
      bytes[i] = (byte) octets[i];
    }
    String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    assertThat(verifier).isEqualTo("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

    Pkce pkce = Pkce.of(verifier);
    assertThat(pkce.challenge()).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    int[] hash = {
      19, 211, 30, 150, 26, 26, 216, 236, 47, 22, 177, 12, 76, 152, 46, 8, 118, 168, 120, 173, 109,
      241, 68, 86, 110, 225, 137, 74, 203, 112, 249, 195
    };
    byte[] decoded = Base64.getUrlDecoder().decode(pkce.challenge());
    for (int i = 0; i < hash.length; i++) {
      assertThat(decoded[i]).isEqualTo((byte) hash[i]);
    }
    assertThat(Pkce.METHOD).isEqualTo("S256");
    assertThat(pkce.toString()).doesNotContain(verifier);
  }

  @Test
  void generatedVerifiersAre43UnreservedCharactersAndDiffer() {
    Pkce a = Pkce.generate();
    Pkce b = Pkce.generate();
    assertThat(a.verifier()).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(b.verifier());
    assertThat(a.challenge()).isEqualTo(Pkce.challenge(a.verifier())).hasSize(43);
    assertThat(Pkce.generate(new Random(7)).verifier())
        .isEqualTo(Pkce.generate(new Random(7)).verifier());
  }

  @Test
  void refusesAVerifierOutsideTheRfcsGrammar() {
    assertThatThrownBy(() -> Pkce.of("short")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Pkce.of("a".repeat(129))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Pkce.of("a".repeat(42) + "+"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
