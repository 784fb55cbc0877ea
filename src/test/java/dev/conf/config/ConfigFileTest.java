package dev.conf.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conf.error.ConfException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
  @TempDir Path dir;

  @Test
  void whatIsSavedIsLoadedBack() {
    ConfigFile config = ConfigFile.load(dir);
    Profile cloud =
        new Profile(
            "https://acme.atlassian.net",
            "cloud",
            "token",
            "me@acme.com",
            null,
            "DOCS",
            "c1",
            "/etc/ca.pem",
            Profile.STORAGE_KEYCHAIN);
    Profile dc =
        new Profile("https://wiki.acme.com", "dc", "pat", null, null, null, null, null, null);
    config.put("work", cloud);
    config.put("onprem", dc);
    config.setCurrent("work");
    config.save();

    ConfigFile again = ConfigFile.load(dir);
    assertThat(again.current()).isEqualTo("work");
    assertThat(again.profiles()).containsOnlyKeys("work", "onprem");
    assertThat(again.profile("work")).isEqualTo(cloud);
    assertThat(again.profile("onprem")).isEqualTo(dc);
  }

  @Test
  void unknownFieldsFromANewerConfIgnored() throws Exception {
    Files.writeString(
        dir.resolve(ConfigFile.FILE_NAME),
        "{\"current\":\"a\",\"future\":true,\"profiles\":{\"a\":{\"url\":\"https://x\","
            + "\"deployment\":\"dc\",\"auth\":\"pat\",\"colour\":\"blue\"}}}");
    ConfigFile config = ConfigFile.load(dir);
    assertThat(config.profile("a").url()).isEqualTo("https://x");
    assertThat(config.profile("a").auth()).isEqualTo("pat");
    assertThat(config.profile("a").email()).isNull();
  }

  @Test
  void missingFileIsAnEmptyConfig() {
    ConfigFile config = ConfigFile.load(dir);
    assertThat(config.profiles()).isEmpty();
    assertThat(config.current()).isNull();
  }

  @Test
  void aBrokenFileIsOneClearError() throws Exception {
    Files.writeString(dir.resolve(ConfigFile.FILE_NAME), "{\"current\": ");
    assertThatThrownBy(() -> ConfigFile.load(dir))
        .isInstanceOf(ConfException.class)
        .hasMessageStartingWith("could not read " + dir.resolve(ConfigFile.FILE_NAME));
  }
}
