package dev.conf.backend;

import dev.conf.auth.Site;
import dev.conf.backend.cloud.CloudBackend;
import dev.conf.backend.dc.DataCenterBackend;
import dev.conf.http.ApiClient;
import dev.conf.service.ConfluenceService;

/** The one place where Cloud or Data Center is chosen. */
public final class Backends {
  private Backends() {}

  public static ConfluenceService create(Site site, ApiClient api) {
    return switch (site.deployment()) {
      case CLOUD -> new CloudBackend(site, api);
      case DATA_CENTER -> new DataCenterBackend(site, api);
    };
  }
}
