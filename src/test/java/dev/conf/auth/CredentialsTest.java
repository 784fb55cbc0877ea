package dev.conf.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CredentialsTest {

  @Test
  void cloudTokenIsBasicWithEmail() {
    Credentials c = new Credentials(AuthType.TOKEN, "jane@acme.com", "tok3n", "keychain");
    // base64("jane@acme.com:tok3n")
    assertThat(c.authorizationHeader()).isEqualTo("Basic amFuZUBhY21lLmNvbTp0b2szbg==");
  }

  @Test
  void patIsBearer() {
    Credentials c = new Credentials(AuthType.PAT, null, "NjQ0MzE5-pat", "keychain");
    assertThat(c.authorizationHeader()).isEqualTo("Bearer NjQ0MzE5-pat");
  }

  @Test
  void passwordIsBasicWithUsername() {
    Credentials c = new Credentials(AuthType.PASSWORD, "jdoe", "pä:ss", "keychain");
    // base64 of the UTF-8 bytes of "jdoe:pä:ss"
    assertThat(c.authorizationHeader()).isEqualTo("Basic amRvZTpww6Q6c3M=");
  }

  @Test
  void toStringNeverShowsTheSecret() {
    Credentials c = new Credentials(AuthType.TOKEN, "jane@acme.com", "s3cr3t-value", "keychain");
    assertThat(c.toString()).doesNotContain("s3cr3t-value").contains("jane@acme.com");
  }

  @Test
  void tokenWithoutEmailIsRefused() {
    assertThatThrownBy(() -> new Credentials(AuthType.TOKEN, null, "x", "env"))
        .hasMessageContaining("email");
    assertThatThrownBy(() -> new Credentials(AuthType.PAT, null, "", "env"))
        .hasMessageContaining("empty");
  }
}
