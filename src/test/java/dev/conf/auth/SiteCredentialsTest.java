package dev.conf.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SiteCredentialsTest {

  @Test
  void cloudTokenIsBasicWithEmail() {
    SiteCredentials c = new SiteCredentials(AuthType.TOKEN, "jane@acme.com", "tok3n", "keychain");
    // base64("jane@acme.com:tok3n")
    assertThat(c.authorizationHeader()).isEqualTo("Basic amFuZUBhY21lLmNvbTp0b2szbg==");
  }

  @Test
  void patIsBearer() {
    SiteCredentials c = new SiteCredentials(AuthType.PAT, null, "NjQ0MzE5-pat", "keychain");
    assertThat(c.authorizationHeader()).isEqualTo("Bearer NjQ0MzE5-pat");
  }

  @Test
  void passwordIsBasicWithUsername() {
    SiteCredentials c = new SiteCredentials(AuthType.PASSWORD, "jdoe", "pä:ss", "keychain");
    // base64 of the UTF-8 bytes of "jdoe:pä:ss"
    assertThat(c.authorizationHeader()).isEqualTo("Basic amRvZTpww6Q6c3M=");
  }

  @Test
  void toStringNeverShowsTheSecret() {
    SiteCredentials c =
        new SiteCredentials(AuthType.TOKEN, "jane@acme.com", "s3cr3t-value", "keychain");
    assertThat(c.toString()).doesNotContain("s3cr3t-value").contains("jane@acme.com");
  }

  @Test
  void tokenWithoutEmailIsRefused() {
    assertThatThrownBy(() -> new SiteCredentials(AuthType.TOKEN, null, "x", "env"))
        .hasMessageContaining("email");
    assertThatThrownBy(() -> new SiteCredentials(AuthType.PAT, null, "", "env"))
        .hasMessageContaining("empty");
  }
}
