package dev.conf.cli.auth;

import dev.conf.auth.AuthType;
import dev.conf.auth.Deployment;
import dev.conf.auth.SecretStore;
import dev.conf.auth.Site;
import dev.conf.auth.SiteCredentials;
import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.config.ConfigFile;
import dev.conf.config.Profile;
import dev.conf.error.ConfException;
import dev.conf.output.Io;
import dev.conf.service.User;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code conf auth login}: asks for (or reads) a site and credentials, proves they work against the
 * current-user endpoint, then saves the profile and puts the secret in the keychain. Nothing is
 * saved when the check fails. A secret is never taken from argv: it comes from a no-echo prompt or
 * stdin.
 */
@Access(Access.Kind.LOCAL)
@Examples({
  "conf auth login --url https://x.atlassian.net --email me@x.com",
  "conf auth login --url https://wiki.corp.example --profile corp",
  "conf auth login --url https://x.atlassian.net --email me@x.com --with-token < token.txt"
})
@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    description = {
      "Log in to a Confluence site and save the credentials.",
      "",
      "Cloud:",
      "  conf auth login --url https://x.atlassian.net --email me@x.com \\",
      "      --with-token < token.txt",
      "Data Center:",
      "  conf auth login --url https://wiki.corp.example --with-token < pat.txt",
      "",
      "The secret is read without echo on a terminal, or from stdin with --with-token;",
      "it is stored in the OS keychain (or, with --insecure-storage, a file readable",
      "only by you)."
    })
public final class LoginCommand implements Callable<Integer> {
  private final CommandContext ctx;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "The site, e.g. https://x.atlassian.net.")
  String url;

  @Option(
      names = "--email",
      paramLabel = "EMAIL",
      description = "Cloud: the Atlassian account's email.")
  String email;

  @Option(
      names = "--username",
      paramLabel = "NAME",
      description = "Data Center: the username (password auth).")
  String username;

  @Option(
      names = "--type",
      paramLabel = "token|pat|password",
      description =
          "token (Cloud API token, the Cloud default), pat (Data Center default), password.")
  String type;

  @Option(names = "--with-token", description = "Read the secret from stdin.")
  boolean withToken;

  @Option(
      names = "--scoped",
      description = "Cloud: the API token is scoped; route calls through api.atlassian.com.")
  boolean scoped;

  @Option(
      names = "--insecure-storage",
      description = "Keep the secret in a plain file (mode 0600) instead of the OS keychain.")
  boolean insecureStorage;

  @Option(
      names = "--read-only",
      description =
          "Make the profile read-only: every command that would change the site refuses (exit 4),"
              + " conf api allows only GET and HEAD. Undo: conf config unset read-only.")
  boolean readOnly;

  @Option(
      names = "--space",
      paramLabel = "KEY",
      description = "A default space key for this profile.")
  String space;

  LoginCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Io io = ctx.io();
    boolean interactive = io.isStdinTty() && !withToken;
    String siteUrl = url != null ? url : ask(interactive, "Confluence site URL: ", "--url");
    Site site = detect(siteUrl, ctx.deploymentOverride());

    AuthType authType = authType(site);
    if (scoped && site.deployment() != Deployment.CLOUD) {
      throw ConfException.usage("--scoped is for Confluence Cloud API tokens");
    }
    String user = null;
    if (authType == AuthType.TOKEN) {
      user = email != null ? email : ask(interactive, "Atlassian account email: ", "--email");
    } else if (authType == AuthType.PASSWORD) {
      user = username != null ? username : ask(interactive, "Username: ", "--username");
    }
    String secret = readSecret(interactive, authType);

    String cloudId = null;
    if (scoped || site.scoped()) {
      cloudId = site.scoped() ? site.cloudId() : ctx.cloudIdOf(site.siteUrl());
      site = Site.scoped(ctx.gateway(), cloudId, site.scoped() ? null : site.siteUrl());
    }

    SecretStore store = insecureStorage ? ctx.fileStore() : ctx.keychain();
    SiteCredentials credentials = new SiteCredentials(authType, user, secret, store.describe());
    User me = ctx.serviceFor(site, credentials).currentUser();

    if (authType == AuthType.PASSWORD) {
      io.err()
          .println(
              "warning: username and password authentication is legacy; a personal access token"
                  + " (--type pat) is preferred");
    }
    String profileName = ctx.profileName();
    store.put(profileName, secret);
    if (insecureStorage) {
      io.err()
          .println(
              "warning: the secret is stored in plain text in "
                  + ctx.fileStore().file()
                  + " (readable only by you); the OS keychain is safer");
    } else {
      // A secret left in the plain-text file by an earlier --insecure-storage login is no longer
      // used.
      ctx.fileStore().delete(profileName);
    }

    ConfigFile config = ctx.config();
    config.put(
        profileName,
        new Profile(
            site.displayUrl(),
            site.deployment().id(),
            authType.id(),
            authType == AuthType.TOKEN ? user : null,
            authType == AuthType.PASSWORD ? user : null,
            space,
            cloudId,
            ctx.globals().caCert(),
            insecureStorage ? Profile.STORAGE_FILE : Profile.STORAGE_KEYCHAIN));
    if (readOnly) {
      config.putSetting(profileName, CommandContext.READ_ONLY, "true");
    }
    config.setCurrent(profileName);
    config.save();

    io.err()
        .println(
            "Logged in to "
                + site.displayUrl()
                + " ("
                + site.deployment().displayName()
                + (site.scoped() ? ", scoped token" : "")
                + ") as "
                + me.describe()
                + "; profile '"
                + profileName
                + "', secret in the "
                + store.describe());
    return 0;
  }

  private Site detect(String siteUrl, Deployment override) {
    try {
      return Site.detect(siteUrl, override);
    } catch (IllegalArgumentException e) {
      throw ConfException.usage(e.getMessage());
    }
  }

  private AuthType authType(Site site) {
    AuthType t;
    try {
      t = AuthType.parse(type);
    } catch (IllegalArgumentException e) {
      throw ConfException.usage(e.getMessage());
    }
    if (t == null) {
      return username != null && site.deployment() == Deployment.DATA_CENTER
          ? AuthType.PASSWORD
          : AuthType.defaultFor(site.deployment());
    }
    if (site.deployment() == Deployment.CLOUD && t != AuthType.TOKEN) {
      throw ConfException.usage(
          "Confluence Cloud takes an API token (--type token) with the account's email");
    }
    if (site.deployment() == Deployment.DATA_CENTER && t == AuthType.TOKEN) {
      throw ConfException.usage(
          "--type token is for Cloud; Data Center takes a personal access token (--type pat) or"
              + " --type password");
    }
    return t;
  }

  private String ask(boolean interactive, String question, String option) {
    if (!interactive) {
      throw ConfException.usage(option + " is required when not on a terminal");
    }
    String answer = ctx.io().prompt(question);
    if (answer.isEmpty()) {
      throw ConfException.usage("no answer given for " + option);
    }
    return answer;
  }

  private String readSecret(boolean interactive, AuthType authType) {
    String secret;
    if (withToken) {
      secret = ctx.io().readAllStdin().strip();
      if (secret.isEmpty()) {
        throw ConfException.usage("--with-token: no secret on stdin");
      }
    } else if (interactive) {
      String label =
          switch (authType) {
            case TOKEN ->
                "API token (https://id.atlassian.com/manage-profile/security/api-tokens): ";
            case PAT -> "Personal access token: ";
            case PASSWORD -> "Password: ";
          };
      char[] chars = ctx.io().promptSecret(label);
      secret = chars == null ? "" : new String(chars).strip();
      if (secret.isEmpty()) {
        throw ConfException.usage("no secret given");
      }
    } else {
      throw ConfException.usage(
          "not on a terminal: pass the secret on stdin with --with-token (never as an argument)");
    }
    return secret;
  }
}
