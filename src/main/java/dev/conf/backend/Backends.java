package dev.conf.backend;

import dev.conf.auth.AuthType;
import dev.conf.auth.Deployment;
import dev.conf.auth.Site;
import dev.conf.backend.cloud.CloudBackend;
import dev.conf.backend.dc.DataCenterBackend;
import dev.conf.http.ApiClient;
import dev.conf.service.Capabilities;
import dev.conf.service.ConfluenceService;
import dev.conf.service.RawApi;
import java.net.URI;
import okhttp3.HttpUrl;

/**
 * The one place where Cloud or Data Center, and which REST API version serves which operation, is
 * chosen: from the site the connection resolved to and the kind of credentials it holds.
 */
public final class Backends {
  private Backends() {}

  /** The service for a site reached with credentials of type {@code auth}. */
  public static ConfluenceService create(Site site, AuthType auth, ApiClient api) {
    if (site.deployment() == dev.conf.auth.Deployment.DATA_CENTER) {
      // A PAT's expiry is asked of the site itself; no other login has one to ask.
      return new DataCenterBackend(roots(site), api, auth == AuthType.PAT);
    }
    return create(site, routes(auth), api);
  }

  static ConfluenceService create(Site site, CloudRoutes routes, ApiClient api) {
    ApiRoots roots = roots(site);
    return switch (site.deployment()) {
      case CLOUD -> new CloudBackend(roots, api, routes);
      case DATA_CENTER -> new DataCenterBackend(roots, api);
    };
  }

  /** {@code conf api}'s requests to a site, resolved from the same roots as the service's. */
  public static RawApi rawApi(Site site, ApiClient api) {
    return new SiteApi(roots(site), api);
  }

  /**
   * What a deployment can do when no site is at hand ({@code conf convert} works offline, told only
   * {@code --deployment}): Data Center's, or Cloud's for null (the default).
   */
  public static Capabilities capabilities(Deployment deployment) {
    return deployment == Deployment.DATA_CENTER
        ? DataCenterBackend.CAPABILITIES
        : CloudRoutes.API_TOKEN.capabilities();
  }

  /**
   * Which routes a kind of credentials gets on Cloud. Every auth type must say: a new one (OAuth)
   * does not compile until it is given its routes here.
   */
  static CloudRoutes routes(AuthType auth) {
    return switch (auth) {
      // A Connect app's JWT is taken by the site itself, v1 and v2 alike, as an API token is.
      case TOKEN, PAT, PASSWORD, CONNECT_JWT, SESSION, COOKIE, OAUTH1 -> CloudRoutes.API_TOKEN;
      case OAUTH, CLIENT_CREDENTIALS -> CloudRoutes.OAUTH;
    };
  }

  /** Where the site's APIs hang, worked out once. */
  static ApiRoots roots(Site site) {
    HttpUrl root = HttpUrl.get(site.root().toString());
    HttpUrl apiBase = HttpUrl.get(site.apiBase().toString());
    URI web = site.webBase();
    return switch (site.deployment()) {
      case CLOUD ->
          new ApiRoots(apiBase, root, root, "/wiki/api/v2/spaces", web, site.displayUrl());
      case DATA_CENTER ->
          new ApiRoots(apiBase, null, apiBase, "/rest/api/space", web, site.displayUrl());
    };
  }
}
