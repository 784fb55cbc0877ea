package dev.conf.cli.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.conf.auth.Connection;
import dev.conf.auth.OAuthTokens;
import dev.conf.auth.Site;
import dev.conf.cli.Access;
import dev.conf.cli.CommandContext;
import dev.conf.cli.Examples;
import dev.conf.cli.JsonOptions;
import dev.conf.output.FieldList;
import dev.conf.output.Io;
import dev.conf.output.JsonFields;
import dev.conf.output.TablePrinter;
import dev.conf.service.User;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code conf auth status}: which site, deployment, user and auth type conf would use, and where
 * the secret comes from, then every saved profile (the one in use marked). Checks the credentials
 * in use live unless {@code --offline}; the listing comes from the config file alone. {@code
 * --profile P} shows that one profile only. Exit 4 when not logged in or the check fails.
 */
@Access(Access.Kind.READS)
@Examples({
  "conf auth status",
  "conf auth status --offline --json",
  "conf --profile corp auth status"
})
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Show the site, user and credentials in use, and check them; then list",
      "every saved profile, the one in use marked with *.",
      "With --profile NAME: that profile only."
    })
public final class StatusCommand implements Callable<Integer>, JsonOptions.Fielded {
  private final CommandContext ctx;

  @Option(names = "--offline", description = "Do not contact the site.")
  boolean offline;

  @Mixin JsonOptions json;

  StatusCommand(CommandContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public JsonFields jsonFields() {
    return JsonFields.of(Status.class);
  }

  /** The {@code --json} shape. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({
    "profile",
    "site",
    "deployment",
    "apiBase",
    "scoped",
    "cloudId",
    "authType",
    "user",
    "secretSource",
    "verified",
    "displayName",
    "scopes",
    "accessTokenExpires",
    "readOnly",
    "patExpires",
    "patInUse",
    "profiles"
  })
  record Status(
      String profile,
      String site,
      String deployment,
      String apiBase,
      boolean scoped,
      String cloudId,
      String authType,
      String user,
      String secretSource,
      boolean verified,
      String displayName,
      String scopes,
      String accessTokenExpires,
      String readOnly,
      String patExpires,
      String patInUse,
      List<SavedProfiles.Summary> profiles) {}

  @Override
  public Integer call() {
    Connection c = ctx.connection();
    Site site = c.site();
    String readOnly = ctx.readOnlyReason();
    User me = offline ? null : ctx.service().currentUser();
    java.time.Instant now = ctx.clock().instant();
    dev.conf.service.TokenExpiry pat =
        me == null ? null : ctx.service().tokenExpiry(now).orElse(null);
    OAuthTokens grant =
        c.credentials().tokens() == null ? null : c.credentials().tokens().current();
    String scopes = grant == null ? null : grant.scopes();
    String expires =
        grant == null || grant.expiresAt() == null ? null : grant.expiresAt().toString();
    Status s =
        new Status(
            c.profile(),
            site.displayUrl(),
            site.deployment().id(),
            site.apiBase().toString(),
            site.scoped(),
            site.cloudId(),
            c.credentials().type().id(),
            c.credentials().user(),
            c.credentials().source(),
            me != null,
            me == null ? null : me.displayName(),
            scopes,
            expires,
            readOnly,
            pat == null ? null : pat.expiresAt() == null ? "never" : pat.expiresAt().toString(),
            pat == null ? null : pat.certain() ? pat.tokenName() : null,
            ctx.globals().profile() == null ? SavedProfiles.list(ctx) : null);
    Io io = ctx.io();
    if (pat != null && pat.warning(now) != null) {
      io.err().println(pat.warning(now));
    }
    if (json.enabled()) {
      json.print(io, s);
      return 0;
    }
    String deployment =
        site.deployment().displayName()
            + (site.oauth()
                ? " (OAuth through " + site.root() + ")"
                : site.scoped() ? " (scoped token through " + site.root() + ")" : "");
    String user =
        me != null ? me.describe() : c.credentials().user() != null ? c.credentials().user() : "-";
    FieldList fields =
        new FieldList(io).add("Profile", c.profile() == null ? "(environment)" : c.profile());
    if (readOnly != null) {
      fields.add("Read-only", "yes: " + readOnly);
    }
    fields
        .add("Site", site.displayUrl())
        .add("Deployment", deployment)
        .add("User", user + (offline ? " (not checked)" : ""))
        .add(
            "Auth",
            c.credentials().type().oauth()
                ? c.credentials().type().id() + " (" + c.credentials().type().description() + ")"
                : c.credentials().type().description())
        .add("Secret from", c.credentials().source());
    if (pat != null) {
      fields.add("Token expires", pat.describe(now));
    }
    if (site.oauth()) {
      fields.add("Cloud id", site.cloudId());
      fields.add("Scopes", scopes == null ? "-" : scopes);
      fields.add("Token expires", expires == null ? "- (minted at first use)" : expires);
    } else if (grant != null) {
      // Data Center's own OAuth 2.0 provider: no gateway, but the same grant.
      fields.add("Scopes", scopes == null ? "-" : scopes);
      fields.add("Token expires", expires == null ? "- (minted at first use)" : expires);
    }
    fields.print();
    printProfiles(io, s.profiles(), c.profile());
    return 0;
  }

  /**
   * Every saved profile after the one in use, when there is another to show: a table on a terminal;
   * in a pipe, after an empty line, one tab-separated line a profile (name, "current" or empty,
   * site, deployment, auth type, user, where the secret is kept, "read-only" or empty).
   */
  private static void printProfiles(Io io, List<SavedProfiles.Summary> profiles, String shown) {
    if (profiles == null
        || profiles.isEmpty()
        || profiles.size() == 1 && profiles.get(0).name().equals(shown)) {
      return;
    }
    io.out().println();
    if (!io.isStdoutTty()) {
      TablePrinter tsv = new TablePrinter(io, "", "", "", "", "", "", "", "");
      for (SavedProfiles.Summary p : profiles) {
        tsv.row(
            p.name(),
            p.current() ? "current" : "",
            p.site(),
            p.deployment(),
            p.authType(),
            p.user(),
            p.secretStorage(),
            p.readOnly() ? "read-only" : "");
      }
      tsv.print();
      return;
    }
    io.out().println("Saved profiles (switch with conf auth switch NAME):");
    TablePrinter table =
        new TablePrinter(
                io, "", "PROFILE", "SITE", "DEPLOYMENT", "AUTH", "USER", "SECRET", "READ-ONLY")
            .keepWhole(2);
    for (SavedProfiles.Summary p : profiles) {
      table.row(
          p.current() ? "*" : "",
          p.name(),
          p.site(),
          SavedProfiles.deploymentName(p.deployment()),
          p.authType(),
          p.user() == null ? "-" : p.user(),
          p.secretStorage(),
          p.readOnly() ? "yes" : "no");
    }
    table.print();
  }
}
