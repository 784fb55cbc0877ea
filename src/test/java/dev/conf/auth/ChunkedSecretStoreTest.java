package dev.conf.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conf.testing.MemorySecretStore;
import org.junit.jupiter.api.Test;

/**
 * The chunking layer every secret goes through, over a keychain that refuses what Windows
 * Credential Manager refuses (more than 2,560 bytes as UTF-16).
 */
class ChunkedSecretStoreTest {
  private final MemorySecretStore windows = new MemorySecretStore();
  private final SecretStore store = ChunkedSecretStore.of(windows);

  ChunkedSecretStoreTest() {
    windows.maxUtf16Bytes = 2560;
  }

  private static String pemLike(int length) {
    StringBuilder b = new StringBuilder("{\"accessToken\":\"t\",\"privateKey\":\"");
    for (int i = 0; b.length() < length; i++) {
      b.append((char) ('A' + i % 26));
    }
    return b.append("\"}").toString();
  }

  @Test
  void theLimitIsRealWithoutTheLayer() {
    assertThatThrownBy(() -> windows.put("default", pemLike(1800)))
        .isInstanceOf(SecretStoreException.class);
  }

  @Test
  void aLongSecretIsStoredInEntriesThatFitAndReadsBackWhole() {
    String secret = pemLike(5000);
    store.put("corp", secret);
    assertThat(windows.secrets.values())
        .allSatisfy(v -> assertThat(v.length() * 2).isLessThanOrEqualTo(2560));
    assertThat(windows.secrets).hasSize(6); // the header and five parts
    assertThat(windows.secrets.get("corp")).isEqualTo("{\"chunked\":0,\"parts\":5}");
    assertThat(store.get("corp")).isEqualTo(secret);
  }

  @Test
  void aShortSecretIsStoredAsItIsSoEarlierEntriesReadUnchanged() {
    windows.put("old", "ATATT-plain-token");
    assertThat(store.get("old")).isEqualTo("ATATT-plain-token");
    store.put("pat", "NjE2-pat");
    assertThat(windows.secrets.get("pat")).isEqualTo("NjE2-pat");
    assertThat(store.get("nobody")).isNull();
  }

  @Test
  void replacingOrDeletingALongSecretLeavesNoPartBehind() {
    store.put("corp", pemLike(5000));
    store.put("corp", pemLike(3000));
    assertThat(windows.secrets.keySet())
        .containsExactlyInAnyOrder("corp", "corp#1.0", "corp#1.1", "corp#1.2");
    store.put("corp", "short");
    assertThat(windows.secrets).containsOnlyKeys("corp");
    store.put("corp", pemLike(3000));
    assertThat(store.delete("corp")).isTrue();
    assertThat(windows.secrets).isEmpty();
  }

  @Test
  void theOAuthStoresEarlierHeaderIsReadReplacedAndDeleted() {
    // As OAuthTokenStore wrote grants before the layer: {"oauth":G,"parts":N} and NAME#G.i parts.
    windows.put("default", "{\"oauth\":3,\"parts\":2}");
    windows.put("default#3.0", "{\"accessToken\":\"ab");
    windows.put("default#3.1", "cd\"}");
    assertThat(store.get("default")).isEqualTo("{\"accessToken\":\"abcd\"}");
    assertThat(new OAuthTokenStore(windows).read("default").tokens().accessToken())
        .isEqualTo("abcd");
    store.put("default", pemLike(2000));
    assertThat(windows.secrets.keySet())
        .containsExactlyInAnyOrder("default", "default#4.0", "default#4.1");
  }

  @Test
  void aCharacterIsNeverSplitAcrossParts() {
    String emoji = "\uD83D\uDE00";
    String secret = "x".repeat(1199) + emoji + "y".repeat(1300);
    store.put("p", secret);
    assertThat(windows.secrets.get("p#0.0")).hasSize(1199);
    assertThat(windows.secrets.get("p#0.1")).startsWith(emoji);
    assertThat(store.get("p")).isEqualTo(secret);
  }

  @Test
  void aSecretThatLooksLikeAHeaderRoundTrips() {
    store.put("p", "{\"chunked\":0,\"parts\":9}");
    assertThat(store.get("p")).isEqualTo("{\"chunked\":0,\"parts\":9}");
  }

  @Test
  void aReaderThatFindsThePartsOfANewerSecretReadsThoseNotAMix() {
    SecretStore writer = ChunkedSecretStore.of(windows);
    writer.put("p", "a".repeat(3000));
    // Another process replaces the secret between this reader's header and its second part.
    SecretStore racing =
        new SecretStore() {
          boolean raced;

          @Override
          public String get(String key) {
            if (key.equals("p#0.1") && !raced) {
              raced = true;
              writer.put("p", "b".repeat(3000));
            }
            return windows.get(key);
          }

          @Override
          public void put(String key, String secret) {
            windows.put(key, secret);
          }

          @Override
          public boolean delete(String key) {
            return windows.delete(key);
          }

          @Override
          public String describe() {
            return "keychain";
          }
        };
    assertThat(ChunkedSecretStore.of(racing).get("p")).isEqualTo("b".repeat(3000));
  }

  @Test
  void aPartGoneWhileTheHeaderStaysIsADamagedStore() {
    store.put("p", "a".repeat(3000));
    windows.secrets.remove("p#0.1");
    assertThatThrownBy(() -> store.get("p")).isInstanceOf(ChunkedSecretStore.Torn.class);
  }
}
