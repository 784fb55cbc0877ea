package dev.conf.service;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Where a site answers, for telling its links (a page URL copied from the browser) from another
 * site's: conf never sends credentials to a host the user did not log in to.
 *
 * @param displayUrl what messages call the site
 * @param known the site's web UI, the URL it was logged in with and its API root, where known
 */
public record SiteUrls(String displayUrl, List<URI> known) {
  public SiteUrls {
    known = known.stream().filter(Objects::nonNull).toList();
  }

  /** Same host and port as one of the site's known URLs. */
  public boolean owns(URI uri) {
    for (URI k : known) {
      if (k.getHost() != null
          && k.getHost().equalsIgnoreCase(uri.getHost())
          && port(k) == port(uri)) {
        return true;
      }
    }
    return false;
  }

  private static int port(URI u) {
    if (u.getPort() != -1) {
      return u.getPort();
    }
    return "http".equalsIgnoreCase(u.getScheme()) ? 80 : 443;
  }
}
