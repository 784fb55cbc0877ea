package dev.conf.auth;

import dev.conf.config.Profile;
import dev.conf.error.ConfException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds the site and credentials a command should use. Precedence: the environment (so CI needs no
 * config file), then the profile's secret in the OS keychain, then the 0600 file store, but the
 * file only when the user chose it at login.
 *
 * <p>Environment: {@code CONFLUENCE_URL}, {@code CONFLUENCE_EMAIL} + {@code CONFLUENCE_API_TOKEN}
 * (Cloud; {@code ATLASSIAN_API_TOKEN}, then {@code JIRA_API_TOKEN} also work, since a Cloud API
 * token belongs to the account), {@code CONFLUENCE_PAT} (Data Center), {@code CONFLUENCE_USERNAME}
 * + {@code CONFLUENCE_PASSWORD} (Data Center, legacy), {@code CONFLUENCE_DEPLOYMENT}; for a Cloud
 * service account {@code CONF_OAUTH_CLIENT_ID} + {@code CONF_OAUTH_CLIENT_SECRET} (client
 * credentials, minted at first use and kept in memory).
 *
 * <p>OAuth profiles (browser login, client credentials) reach their site through the gateway of the
 * profile's {@link AtlassianHosts}, with an {@link OAuthSession} that renews the access token.
 *
 * <p>Last, as curl and gh do, a {@link Netrc} entry for the host requests go to: its login is the
 * Cloud account's email (Basic with the API token); on Data Center an empty login (or {@code
 * token}) makes the password a personal access token, any other login a username and password
 * (legacy, warned). Never for OAuth, scoped-token or Connect profiles, and never for another host.
 */
public final class ConnectionResolver {
  /** Cloud API token variables, most specific first. */
  public static final String[] CLOUD_TOKEN_VARS = {
    "CONFLUENCE_API_TOKEN", "ATLASSIAN_API_TOKEN", "JIRA_API_TOKEN"
  };

  public static final String CLIENT_ID_VAR = "CONF_OAUTH_CLIENT_ID";
  public static final String CLIENT_SECRET_VAR = "CONF_OAUTH_CLIENT_SECRET";

  private final Map<String, String> env;
  private final URI gateway;
  private final Function<Profile, SecretStore> stores;
  private final OAuthSupport oauth;
  private java.util.function.Consumer<String> warnings = w -> {};

  /**
   * What OAuth profiles need beyond the stores.
   *
   * @param configDir where the refresh lock files live, beside the config
   * @param grants the token endpoint of an app
   * @param cloudIdOf a Cloud site's cloud id (from its public {@code /_edge/tenant_info})
   */
  public record OAuthSupport(
      Clock clock,
      Path configDir,
      OAuthGrants.Factory grants,
      Function<URI, String> cloudIdOf,
      DataCenterGrants dataCenter) {
    public OAuthSupport(
        Clock clock, Path configDir, OAuthGrants.Factory grants, Function<URI, String> cloudIdOf) {
      this(clock, configDir, grants, cloudIdOf, null);
    }
  }

  /** The token endpoint of a Data Center site's OAuth 2.0 provider, for one incoming link. */
  @FunctionalInterface
  public interface DataCenterGrants {
    OAuthGrants create(URI base, String clientId, String clientSecret);
  }

  /**
   * @param gateway api.atlassian.com, or a test server standing in for it
   * @param stores the secret store a profile's secret lives in
   */
  public ConnectionResolver(
      Map<String, String> env, URI gateway, Function<Profile, SecretStore> stores) {
    this.env = env;
    this.gateway = gateway;
    this.stores = stores;
    this.oauth = null;
  }

  /** A resolver whose Atlassian hosts come from the environment or each profile. */
  public ConnectionResolver(
      Map<String, String> env, Function<Profile, SecretStore> stores, OAuthSupport oauth) {
    this.env = env;
    this.gateway = null;
    this.stores = stores;
    this.oauth = oauth;
  }

  /** Where warnings about the credentials found go (a netrc password login); none by default. */
  public ConnectionResolver withWarnings(java.util.function.Consumer<String> sink) {
    this.warnings = sink;
    return this;
  }

  /** The Atlassian hosts for a profile (null: none saved) under this environment. */
  public AtlassianHosts hosts(Profile profile) {
    try {
      AtlassianHosts h =
          AtlassianHosts.resolve(
              env,
              profile == null ? null : profile.authUrl(),
              profile == null ? null : profile.apiUrl());
      return gateway == null ? h : new AtlassianHosts(h.auth(), gateway);
    } catch (IllegalArgumentException e) {
      throw ConfException.usage(e.getMessage());
    }
  }

  /**
   * @param profileName the selected profile's name; may name no saved profile
   * @param profile the saved profile, or null
   * @param override {@code --deployment}, or null
   */
  public Connection resolve(String profileName, Profile profile, Deployment override) {
    String envUrl = get("CONFLUENCE_URL");
    Deployment deployment =
        override != null ? override : Deployment.parse(get("CONFLUENCE_DEPLOYMENT"));
    Site site;
    boolean fromProfile =
        envUrl == null || profile != null && sameSite(envUrl, profile, deployment);
    if (envUrl != null && !fromProfile) {
      site = detect(envUrl, deployment);
    } else if (profile != null && profile.url() != null) {
      site = siteOf(profile, deployment);
    } else if (envUrl != null) {
      site = detect(envUrl, deployment);
    } else {
      throw ConfException.auth(
          "not logged in"
              + (profileName != null ? " (profile '" + profileName + "')" : "")
              + ": run `conf auth login`, or set CONFLUENCE_URL and a token in the environment");
    }

    if (fromProfile && profile != null && oauthKind(profile) != null) {
      return oauthProfile(profileName, profile, site);
    }
    SiteCredentials fromEnv = credentialsFromEnv(site, fromProfile ? profile : null);
    if (fromEnv == null && site.deployment() == Deployment.CLOUD && clientCredentialsInEnv()) {
      return clientCredentialsFromEnv(
          fromProfile ? profileName : null, site, fromProfile ? profile : null);
    }
    if (fromEnv != null) {
      return new Connection(
          fromProfile ? profileName : null, site, fromEnv, caCert(fromProfile ? profile : null));
    }
    if (!fromProfile || profile == null) {
      SiteCredentials netrc = fromNetrc(site, null);
      if (netrc != null) {
        return new Connection(null, site, netrc, null);
      }
      throw ConfException.auth(
          "CONFLUENCE_URL is set but no credentials are: set "
              + (site.deployment() == Deployment.CLOUD
                  ? "CONFLUENCE_EMAIL and CONFLUENCE_API_TOKEN (or, for a service account,"
                      + " CONF_OAUTH_CLIENT_ID and CONF_OAUTH_CLIENT_SECRET)"
                  : "CONFLUENCE_PAT (or CONFLUENCE_USERNAME and CONFLUENCE_PASSWORD)"));
    }
    SecretStore store = stores.apply(profile);
    String secret = store.get(profileName);
    if (secret == null) {
      SiteCredentials netrc = fromNetrc(site, profile);
      if (netrc != null) {
        return new Connection(profileName, site, netrc, profile.caCert());
      }
      throw ConfException.auth(
          "no secret for profile '"
              + profileName
              + "' in the "
              + store.describe()
              + ": run `conf auth login`");
    }
    AuthType type = authType(profile, site);
    return new Connection(
        profileName,
        site,
        new SiteCredentials(type, profile.user(), secret, store.describe()),
        profile.caCert());
  }

  /** The site a saved profile points at, scoped-token and OAuth routing included. */
  public Site siteOf(Profile profile, Deployment override) {
    if (profile.cloudId() != null) {
      URI api = hosts(profile).api();
      URI siteUrl = Site.parse(profile.url());
      return oauthKind(profile) != null
          ? Site.oauth(api, profile.cloudId(), siteUrl)
          : Site.scoped(api, profile.cloudId(), siteUrl);
    }
    Deployment d = override != null ? override : Deployment.parse(profile.deployment());
    return detect(profile.url(), d);
  }

  private static AuthType oauthKind(Profile profile) {
    AuthType t;
    try {
      t = AuthType.parse(profile.auth());
    } catch (IllegalArgumentException e) {
      return null;
    }
    return t != null && t.oauth() ? t : null;
  }

  private Connection oauthProfile(String profileName, Profile profile, Site site) {
    AuthType kind = oauthKind(profile);
    boolean dataCenter = site.deployment() == Deployment.DATA_CENTER;
    if (oauth == null
        || (dataCenter ? oauth.dataCenter() == null : profile.cloudId() == null)
        || profile.clientId() == null) {
      throw ConfException.auth(
          "profile '" + profileName + "' is incomplete: run `conf auth login --web` again");
    }
    SecretStore store = stores.apply(profile);
    AtlassianHosts hosts = hosts(profile);
    String envSecret = get(CLIENT_SECRET_VAR);
    OAuthSession session =
        new OAuthSession(
            profileName,
            kind,
            new OAuthTokenStore(store),
            TokenLock.forProfile(oauth.configDir(), profileName),
            oauth.clock(),
            stored -> {
              String secret = stored != null ? stored : envSecret;
              if (secret == null) {
                throw ConfException.auth(
                    "no client secret stored for profile '"
                        + profileName
                        + "': set "
                        + CLIENT_SECRET_VAR
                        + " or log in again");
              }
              return dataCenter
                  ? oauth.dataCenter().create(site.apiBase(), profile.clientId(), secret)
                  : oauth.grants().create(hosts, profile.clientId(), secret);
            });
    return new Connection(
        profileName,
        site,
        SiteCredentials.oauth(kind, session, store.describe()),
        profile.caCert());
  }

  private boolean clientCredentialsInEnv() {
    return oauth != null && get(CLIENT_ID_VAR) != null && get(CLIENT_SECRET_VAR) != null;
  }

  /** A service account entirely from the environment: its token is minted and kept in memory. */
  private Connection clientCredentialsFromEnv(String profileName, Site site, Profile profile) {
    AtlassianHosts hosts = hosts(profile);
    String clientId = get(CLIENT_ID_VAR);
    String secret = get(CLIENT_SECRET_VAR);
    URI siteUrl = site.siteUrl() != null ? site.siteUrl() : site.root();
    Site through =
        site.oauth() ? site : Site.oauth(hosts.api(), oauth.cloudIdOf().apply(siteUrl), siteUrl);
    OAuthSession session =
        new OAuthSession(
            "(environment)",
            AuthType.CLIENT_CREDENTIALS,
            null,
            null,
            oauth.clock(),
            stored -> oauth.grants().create(hosts, clientId, secret));
    return new Connection(
        profileName,
        through,
        SiteCredentials.oauth(
            AuthType.CLIENT_CREDENTIALS,
            session,
            "environment (" + CLIENT_ID_VAR + ", " + CLIENT_SECRET_VAR + ")"),
        caCert(profile));
  }

  private Site detect(String url, Deployment deployment) {
    try {
      return Site.detect(url, deployment);
    } catch (IllegalArgumentException e) {
      throw ConfException.usage(e.getMessage());
    }
  }

  private boolean sameSite(String envUrl, Profile profile, Deployment deployment) {
    if (profile.url() == null) {
      return false;
    }
    try {
      return Site.detect(envUrl, deployment)
          .displayUrl()
          .equals(Site.detect(profile.url(), deployment).displayUrl());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private SiteCredentials credentialsFromEnv(Site site, Profile profile) {
    if (site.deployment() == Deployment.CLOUD) {
      for (String var : CLOUD_TOKEN_VARS) {
        String token = get(var);
        if (token != null) {
          String email = get("CONFLUENCE_EMAIL");
          if (email == null && profile != null) {
            email = profile.email();
          }
          if (email == null) {
            throw ConfException.auth(
                var
                    + " is set but CONFLUENCE_EMAIL is not: a Cloud API token is sent with its account's email");
          }
          return new SiteCredentials(AuthType.TOKEN, email, token, "environment (" + var + ")");
        }
      }
      return null;
    }
    String pat = get("CONFLUENCE_PAT");
    if (pat != null) {
      return new SiteCredentials(AuthType.PAT, null, pat, "environment (CONFLUENCE_PAT)");
    }
    String password = get("CONFLUENCE_PASSWORD");
    if (password != null) {
      String username = get("CONFLUENCE_USERNAME");
      if (username == null && profile != null) {
        username = profile.username();
      }
      if (username == null) {
        throw ConfException.auth("CONFLUENCE_PASSWORD is set but CONFLUENCE_USERNAME is not");
      }
      return new SiteCredentials(
          AuthType.PASSWORD, username, password, "environment (CONFLUENCE_PASSWORD)");
    }
    String token = get("CONFLUENCE_API_TOKEN");
    if (token != null) {
      // On Data Center the "API token" people mean is a personal access token.
      return new SiteCredentials(AuthType.PAT, null, token, "environment (CONFLUENCE_API_TOKEN)");
    }
    return null;
  }

  /**
   * The netrc entry for the host this site's requests go to, as credentials; null when there is
   * none, the site is reached through the gateway, or the profile logs in another way (OAuth,
   * Connect, sessions).
   */
  private SiteCredentials fromNetrc(Site site, Profile profile) {
    if (site.scoped() || site.oauth()) {
      return null;
    }
    AuthType saved;
    try {
      saved = profile == null ? null : AuthType.parse(profile.auth());
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (saved != null
        && saved != AuthType.TOKEN
        && saved != AuthType.PAT
        && saved != AuthType.PASSWORD) {
      return null;
    }
    String host = site.root().getHost();
    Netrc netrc = Netrc.load(env).orElse(null);
    Netrc.Entry entry = netrc == null ? null : netrc.find(host).orElse(null);
    if (entry == null) {
      return null;
    }
    String source =
        "netrc ("
            + netrc.file()
            + (entry.machine() == null ? ", default entry" : ", machine " + entry.machine())
            + ")";
    String login = entry.login() == null || entry.login().isBlank() ? null : entry.login();
    if (site.deployment() == Deployment.CLOUD) {
      String email = login != null ? login : get("CONFLUENCE_EMAIL");
      if (email == null && profile != null) {
        email = profile.email();
      }
      if (email == null) {
        throw ConfException.auth(
            "the "
                + source
                + " entry for "
                + host
                + " has no login: on Cloud it is the Atlassian account's email");
      }
      return new SiteCredentials(AuthType.TOKEN, email, entry.password(), source);
    }
    if (login == null || login.equals("token")) {
      return new SiteCredentials(AuthType.PAT, null, entry.password(), source);
    }
    warnings.accept(
        "the "
            + source
            + " entry for "
            + host
            + " is a username and password (legacy); a personal access token is preferred:"
            + " leave its login empty, or set it to 'token'");
    return new SiteCredentials(AuthType.PASSWORD, login, entry.password(), source);
  }

  private static AuthType authType(Profile profile, Site site) {
    AuthType t = AuthType.parse(profile.auth());
    return t != null ? t : AuthType.defaultFor(site.deployment());
  }

  private static String caCert(Profile profile) {
    return profile == null ? null : profile.caCert();
  }

  private String get(String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }
}
