package dev.conf.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conf.testing.MemorySecretStore;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OAuthTokenStoreTest {
  private final MemorySecretStore keychain = new MemorySecretStore();
  private final OAuthTokenStore store = new OAuthTokenStore(keychain);

  private static OAuthTokens tokens(char fill, int length) {
    return new OAuthTokens(
        String.valueOf(fill).repeat(length),
        "r" + String.valueOf(fill).repeat(length / 2),
        Instant.parse("2026-11-29T13:00:00Z"),
        "read:confluence-content.all offline_access");
  }

  @Test
  void aLongGrantIsSplitIntoEntriesThatFitWindowsAndReadBackWhole() {
    OAuthTokens t = tokens('a', 5000);
    store.write("default", new OAuthTokenStore.Entry(t, "s3cret"));
    // 2,560 bytes even if the keychain counts UTF-16.
    assertThat(keychain.secrets.values())
        .allSatisfy(v -> assertThat(v.length() * 2).isLessThanOrEqualTo(2560));
    assertThat(keychain.secrets).hasSizeGreaterThan(5);
    OAuthTokenStore.Entry back = store.read("default");
    assertThat(back.tokens()).isEqualTo(t);
    assertThat(back.clientSecret()).isEqualTo("s3cret");
    assertThat(back.toString()).doesNotContain("aaaa", "s3cret");
  }

  @Test
  void aNewGrantReplacesTheOldOneAndLeavesNoPartBehind() {
    store.write("default", new OAuthTokenStore.Entry(tokens('a', 5000), "s"));
    store.write("default", new OAuthTokenStore.Entry(tokens('b', 100), "s"));
    assertThat(store.read("default").tokens().accessToken()).startsWith("bbb");
    // A short grant fits one entry: the old grant's parts are gone with its header.
    assertThat(keychain.secrets).containsOnlyKeys("default");
    assertThat(store.delete("default")).isTrue();
    assertThat(keychain.secrets).isEmpty();
  }

  @Test
  void aReaderThatFindsAPartGoneIsToldToReadAgain() {
    store.write("default", new OAuthTokenStore.Entry(tokens('a', 3000), "s"));
    keychain.secrets.remove(OAuthTokenStore.partKey("default", 0, 1));
    assertThatThrownBy(() -> store.read("default")).isInstanceOf(OAuthTokenStore.Torn.class);
  }

  @Test
  void anApiTokenEntryIsNoGrant() {
    keychain.put("default", "ATATT-plain-token");
    assertThat(store.read("default")).isNull();
    assertThat(store.delete("default")).isFalse();
    assertThat(keychain.secrets).containsKey("default");
  }

  @Test
  void aDamagedStoreIsALoginToRedoNotACrash(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    store.write("default", new OAuthTokenStore.Entry(tokens('a', 3000), "s"));
    keychain.secrets.remove(OAuthTokenStore.partKey("default", 0, 1));
    OAuthSession session =
        new OAuthSession(
            "default",
            AuthType.OAUTH,
            store,
            TokenLock.forProfile(dir, "default"),
            java.time.Clock.systemUTC(),
            secret -> {
              throw new AssertionError("no refresh of a damaged grant");
            });
    assertThatThrownBy(session::accessToken)
        .isInstanceOf(dev.conf.error.ConfException.class)
        .hasMessageContaining("are damaged: run `conf auth login --web` again");
  }
}
