package dev.conf.auth.oauth1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conf.error.ConfException;
import dev.conf.error.ExitCode;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PemPrivateKeyTest {

  static String pem(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }

  @Test
  void readsPkcs8AndPkcs1Keys() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair pair = g.generateKeyPair();
    byte[] pkcs8 = pair.getPrivate().getEncoded();
    // A 2048-bit PKCS#8 RSA key is 26 bytes of header around the PKCS#1 structure.
    byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
    assertThat(pkcs1[0]).isEqualTo((byte) 0x30);

    assertThat(PemPrivateKey.read(pem("PRIVATE KEY", pkcs8), "key.pem").getEncoded())
        .isEqualTo(pkcs8);
    assertThat(PemPrivateKey.read(pem("RSA PRIVATE KEY", pkcs1), "old.pem").getEncoded())
        .isEqualTo(pkcs8);
  }

  @Test
  void refusesWhatIsNotAnUnencryptedRsaKeyWithoutQuotingIt() {
    assertThatThrownBy(() -> PemPrivateKey.read("ssh-rsa AAAAsecret", "id.pub"))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("id.pub holds no PEM private key")
        .hasMessageNotContaining("AAAAsecret")
        .satisfies(e -> assertThat(((ConfException) e).exitCode()).isEqualTo(ExitCode.USAGE));
    assertThatThrownBy(
            () ->
                PemPrivateKey.read(
                    "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE"
                        + " KEY-----",
                    "enc.pem"))
        .hasMessageContaining("encrypted private key: decrypt it first");
    assertThatThrownBy(
            () -> PemPrivateKey.read(pem("PRIVATE KEY", new byte[] {0x30, 0x00}), "bad.pem"))
        .hasMessage("bad.pem is not an RSA private key (OAuth 1.0a needs RSA)");
  }
}
