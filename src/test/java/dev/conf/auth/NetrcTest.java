package dev.conf.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The netrc file as curl reads it: entries, default, quotes, comments, macdef blocks. */
class NetrcTest {
  @TempDir Path tmp;

  private static Netrc parse(String text) {
    return Netrc.parse(Path.of("/home/me/.netrc"), text);
  }

  @Test
  void machineEntriesOnOneLineOrManyAndTheFirstMatchWins() {
    Netrc n =
        parse(
            "machine wiki.corp.example login jdoe password s3cret\n"
                + "machine acme.atlassian.net\n"
                + "  login jane@acme.com\n"
                + "  password tok1\n"
                + "machine ACME.atlassian.net login other password tok2\n");
    assertThat(n.find("wiki.corp.example"))
        .contains(new Netrc.Entry("wiki.corp.example", "jdoe", "s3cret"));
    assertThat(n.find("Acme.Atlassian.NET").orElseThrow().password()).isEqualTo("tok1");
    assertThat(n.find("elsewhere.example")).isEmpty();
  }

  @Test
  void theDefaultEntryServesOnlyHostsNoMachineNames() {
    Netrc n =
        parse(
            "default login anon password fallback\n"
                + "machine wiki.corp.example login jdoe password mine\n");
    assertThat(n.find("wiki.corp.example").orElseThrow().password()).isEqualTo("mine");
    Netrc.Entry d = n.find("other.example").orElseThrow();
    assertThat(d.machine()).isNull();
    assertThat(d.password()).isEqualTo("fallback");
  }

  @Test
  void quotedTokensKeepSpacesHashesAndEscapes() {
    Netrc n =
        parse(
            "machine a.example login \"jane doe\" password \"p a#ss \\\"q\\\" \\\\ end\"\n"
                + "machine b.example login \"\" password x\n");
    Netrc.Entry a = n.find("a.example").orElseThrow();
    assertThat(a.login()).isEqualTo("jane doe");
    assertThat(a.password()).isEqualTo("p a#ss \"q\" \\ end");
    assertThat(n.find("b.example").orElseThrow().login()).isEmpty();
  }

  @Test
  void commentsAndAccountsAreIgnored() {
    Netrc n =
        parse(
            "# my hosts\n"
                + "machine a.example # the wiki\n"
                + "  account ignored login jdoe # me\n"
                + "  password pw#inside\n");
    Netrc.Entry a = n.find("a.example").orElseThrow();
    assertThat(a.login()).isEqualTo("jdoe");
    assertThat(a.password()).isEqualTo("pw#inside");
  }

  @Test
  void macdefBlocksAreSkippedUpToTheEmptyLine() {
    Netrc n =
        parse(
            "machine ftp.example login u password p\n"
                + "macdef init\n"
                + "cd /pub\n"
                + "machine evil.example login x password fromMacro\n"
                + "\n"
                + "machine a.example login jdoe password real\n");
    assertThat(n.find("evil.example")).isEmpty();
    assertThat(n.find("ftp.example").orElseThrow().password()).isEqualTo("p");
    assertThat(n.find("a.example").orElseThrow().password()).isEqualTo("real");
    assertThat(n.entries()).hasSize(2);
  }

  @Test
  void anEntryWithoutAPasswordIsNoCredential() {
    Netrc n = parse("machine a.example login jdoe\ndefault login anon password any\n");
    assertThat(n.find("a.example").orElseThrow().machine()).isNull();
  }

  @Test
  void theFileIsNetrcElseHomeAndNeverGuessed() throws IOException {
    Path file = tmp.resolve("my-netrc");
    Files.writeString(file, "machine a.example login u password p\n");
    assertThat(
            Netrc.load(Map.of("NETRC", file.toString(), "HOME", "/nowhere")).orElseThrow().file())
        .isEqualTo(file);
    Files.writeString(tmp.resolve(".netrc"), "machine b.example login u password q\n");
    assertThat(Netrc.load(Map.of("HOME", tmp.toString())).orElseThrow().find("b.example"))
        .isPresent();
    assertThat(Netrc.location(Map.of())).isEmpty();
    assertThat(Netrc.load(Map.of("NETRC", tmp.resolve("missing").toString()))).isEmpty();
  }

  @Test
  void theEntryNeverShowsItsPassword() {
    assertThat(new Netrc.Entry("a.example", "u", "hunter2").toString()).doesNotContain("hunter2");
  }
}
