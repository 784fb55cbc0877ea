package dev.conf.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conf.config.ConfigFile;
import dev.conf.config.Profile;
import dev.conf.http.Sleeper;
import dev.conf.output.Io;
import dev.conf.testing.ConfRunner.Result;
import dev.conf.testing.TestSite;
import dev.conf.testing.WireMockSuite;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Read-only profiles (issue 15): over the whole command tree, every command says what it does to
 * the site, and every one that writes is refused before any request is sent.
 */
class ReadOnlyTest extends WireMockSuite {
  @Override
  protected TestSite site() {
    return TestSite.cloud(url());
  }

  private static List<CommandLine> everyCommand() {
    CommandContext ctx =
        new CommandContext(Io.builder().build(), Map.of(), Clock.systemUTC(), Sleeper.SYSTEM, null);
    List<CommandLine> all = new ArrayList<>();
    collect(new ConfApp(ctx).commandLine(), all);
    return all;
  }

  private static void collect(CommandLine cl, List<CommandLine> all) {
    all.add(cl);
    cl.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, all));
  }

  private static Access.Kind kind(CommandLine cl) {
    Access access = cl.getCommandSpec().userObject().getClass().getAnnotation(Access.class);
    return access == null ? null : access.value();
  }

  @Test
  void everyCommandSaysWhatItDoesToTheSite() {
    List<String> unclassified = new ArrayList<>();
    for (CommandLine cl : everyCommand()) {
      if (kind(cl) == null) {
        unclassified.add(cl.getCommandSpec().qualifiedName());
      }
    }
    assertThat(unclassified).as("commands without @Access").isEmpty();
  }

  /** A command line that parses: the command's words, then a value for everything required. */
  private static List<String> minimalArgs(CommandLine cl) {
    List<String> args = new ArrayList<>();
    for (CommandLine c = cl; c.getParent() != null; c = c.getParent()) {
      args.add(0, c.getCommandName());
    }
    for (OptionSpec o : cl.getCommandSpec().options()) {
      if (o.required() && o.group() == null) {
        args.add(o.longestName());
        if (o.arity().min() > 0) {
          args.add(value(o));
        }
      }
    }
    for (ArgGroupSpec group : cl.getCommandSpec().argGroups()) {
      if (group.multiplicity().min() > 0) {
        OptionSpec first = group.options().iterator().next();
        args.add(first.longestName());
        if (first.arity().min() > 0) {
          args.add(value(first));
        }
      }
    }
    for (PositionalParamSpec p : cl.getCommandSpec().positionalParameters()) {
      for (int i = 0; i < p.arity().min(); i++) {
        args.add(value(p));
      }
    }
    return args;
  }

  private static String value(ArgSpec arg) {
    if (arg.type().isEnum()) {
      return arg.type().getEnumConstants()[0].toString();
    }
    return "1";
  }

  @Test
  void everyCommandThatWritesIsRefusedBeforeAnyRequest() {
    conf.env("CONF_READ_ONLY", "1");
    List<String> refused = new ArrayList<>();
    for (CommandLine cl : everyCommand()) {
      if (kind(cl) != Access.Kind.WRITES) {
        continue;
      }
      List<String> args = minimalArgs(cl);
      Result r = conf.pipe().run(args.toArray(String[]::new));
      String name = cl.getCommandSpec().qualifiedName();
      assertThat(r.exitCode()).as(name + " " + args + ": " + r).isEqualTo(4);
      assertThat(r.err())
          .as(name)
          .isEqualTo(
              "conf: this profile is read-only: `"
                  + name
                  + "` would change the site (CONF_READ_ONLY is set)\n");
      assertThat(r.out()).as(name).isEmpty();
      refused.add(name);
    }
    assertThat(refused)
        .contains(
            "conf page create",
            "conf page update",
            "conf page delete",
            "conf page move",
            "conf page copy",
            "conf blog create",
            "conf attachment upload",
            "conf comment add",
            "conf label add",
            "conf publish");
    assertThat(wm.getAllServeEvents()).as("requests sent").isEmpty();
  }

  private void saveReadOnlyProfile() {
    ConfigFile config = ConfigFile.load(configDir);
    config.put(
        "watcher",
        new Profile(
            url(), "cloud", "token", TestSite.CLOUD_EMAIL, null, null, null, null, "keychain"));
    config.putSetting("watcher", CommandContext.READ_ONLY, "true");
    config.setCurrent("watcher");
    config.save();
    conf.keychain.put("watcher", TestSite.CLOUD_TOKEN);
    conf.env.remove("CONFLUENCE_URL");
  }

  @Test
  void aReadOnlyProfileRefusesWritesAsJsonTooAndStillReads() {
    saveReadOnlyProfile();
    Result r = conf.pipe().env("CONF_ERROR_FORMAT", "json").run("label", "add", "42", "draft");
    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.err())
        .contains("\"code\":\"read_only\"", "\"exit\":4", "profile 'watcher' is read-only")
        .contains("conf config unset read-only --profile watcher");
    conf.env.remove("CONF_ERROR_FORMAT");
    wm.stubFor(
        get(urlPathEqualTo("/wiki/api/v2/spaces"))
            .willReturn(okJson("{\"results\":[],\"_links\":{}}")));
    Result list = conf.pipe().run("space", "list");
    assertThat(list.exitCode()).as(list.toString()).isZero();
    Result status = conf.pipe().run("auth", "status", "--offline");
    assertThat(status.out()).contains("read-only\tyes: profile 'watcher' is read-only\n");
    assertThat(conf.pipe().run("auth", "status", "--offline", "--json", "readOnly").out())
        .contains("\"readOnly\" : \"profile 'watcher' is read-only\"");
  }

  @Test
  void confApiAllowsOnlyGetAndHeadOnAReadOnlyProfile() {
    saveReadOnlyProfile();
    Result post =
        conf.pipe().stdin("{}").run("api", "-X", "POST", "/wiki/api/v2/pages", "--input", "-");
    assertThat(post.exitCode()).as(post.toString()).isEqualTo(4);
    assertThat(post.err())
        .startsWith(
            "conf: this profile is read-only: POST /wiki/api/v2/pages would change the site");
    Result delete = conf.pipe().run("api", "-X", "DELETE", "/wiki/api/v2/pages/42");
    assertThat(delete.exitCode()).isEqualTo(4);
    assertThat(wm.getAllServeEvents()).as("no write reached the server").isEmpty();
    wm.stubFor(
        get(urlPathEqualTo("/wiki/api/v2/spaces"))
            .willReturn(okJson("{\"results\":[],\"_links\":{}}")));
    Result read = conf.pipe().run("api", "/wiki/api/v2/spaces");
    assertThat(read.exitCode()).as(read.toString()).isZero();
  }

  @Test
  void theEnvironmentCannotLiftAProfilesProtection() {
    saveReadOnlyProfile();
    conf.env("CONF_READ_ONLY", "0");
    Result r = conf.pipe().run("page", "delete", "42", "--yes");
    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void aDryRunPublishOnlyReads() {
    conf.env("CONF_READ_ONLY", "1");
    // The dry run is let through the refusal (it fails later, for a missing folder, exit 2).
    Result r =
        conf.pipe().run("publish", tmp.resolve("nope").toString(), "--space", "D", "--dry-run");
    assertThat(r.err()).doesNotContain("read-only");
  }

  @Test
  void authLoginReadOnlySavesAProfileThatRefusesWrites() {
    wm.stubFor(
        get(urlPathEqualTo("/wiki/rest/api/user/current"))
            .willReturn(
                okJson(
                    "{\"type\":\"known\",\"accountId\":\"5b10\",\"accountType\":\"atlassian\","
                        + "\"email\":\"jane@acme.com\",\"displayName\":\"Jane Doe\"}")));
    var fresh = new dev.conf.testing.ConfRunner(configDir).stdin(TestSite.CLOUD_TOKEN);
    Result login =
        fresh.run(
            "auth",
            "login",
            "--url",
            url(),
            "--deployment",
            "cloud",
            "--email",
            TestSite.CLOUD_EMAIL,
            "--with-token",
            "--read-only",
            "--profile",
            "reader");
    assertThat(login.exitCode()).as(login.toString()).isZero();
    assertThat(ConfigFile.load(configDir).setting("reader", CommandContext.READ_ONLY))
        .isEqualTo("true");
    int before = wm.getAllServeEvents().size();
    Result r = fresh.run("comment", "delete", "777", "--yes");
    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.err())
        .isEqualTo(
            "conf: this profile is read-only: `conf comment delete` would change the site"
                + " (profile 'reader' is read-only)\n");
    assertThat(wm.getAllServeEvents()).hasSize(before);
  }
}
