package dev.conf.cli.auth;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.conf.auth.AuthType;
import dev.conf.auth.Deployment;
import dev.conf.cli.CommandContext;
import dev.conf.config.ConfigFile;
import dev.conf.config.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The saved profiles as {@code auth status}, {@code auth switch} and {@code auth logout} show them:
 * read from the config file alone, so listing them opens no keychain and sends no request.
 */
final class SavedProfiles {
  private SavedProfiles() {}

  /**
   * One saved profile.
   *
   * @param current whether commands use it now (the config's current profile, or CONF_PROFILE)
   * @param secretStorage where its secret is kept: {@code keychain} or {@code file (PATH)}
   */
  @JsonPropertyOrder({
    "name",
    "current",
    "site",
    "deployment",
    "authType",
    "user",
    "secretStorage",
    "readOnly"
  })
  record Summary(
      String name,
      boolean current,
      String site,
      String deployment,
      String authType,
      String user,
      String secretStorage,
      boolean readOnly) {

    /** "https://x.atlassian.net (Cloud, token, jane@x.com)", for one line about the profile. */
    String describe() {
      return site
          + " ("
          + deploymentName(deployment)
          + (authType == null ? "" : ", " + authType)
          + (user == null ? "" : ", " + user)
          + (readOnly ? ", read-only" : "")
          + ")";
    }
  }

  /** Every saved profile, by name, the one in use marked. */
  static List<Summary> list(CommandContext ctx) {
    ConfigFile config = ctx.config();
    String inUse = ctx.profileName();
    List<Summary> all = new ArrayList<>();
    for (Map.Entry<String, Profile> e : config.profiles().entrySet()) {
      all.add(summary(ctx, e.getKey(), e.getValue(), e.getKey().equals(inUse)));
    }
    return all;
  }

  static Summary summary(CommandContext ctx, String name, Profile p, boolean current) {
    return new Summary(
        name,
        current,
        p.url(),
        p.deployment(),
        authType(p),
        p.user(),
        Profile.STORAGE_FILE.equals(p.storage())
            ? ctx.fileStore().describe()
            : Profile.STORAGE_KEYCHAIN,
        "true".equals(ctx.config().setting(name, CommandContext.READ_ONLY)));
  }

  private static String authType(Profile p) {
    try {
      AuthType t = AuthType.parse(p.auth());
      if (t != null) {
        return t.id();
      }
      Deployment d = Deployment.parse(p.deployment());
      return d == null ? null : AuthType.defaultFor(d).id();
    } catch (IllegalArgumentException e) {
      return p.auth();
    }
  }

  static String deploymentName(String id) {
    try {
      Deployment d = Deployment.parse(id);
      return d == null ? "-" : d.displayName();
    } catch (IllegalArgumentException e) {
      return id;
    }
  }
}
