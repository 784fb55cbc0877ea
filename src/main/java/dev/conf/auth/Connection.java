package dev.conf.auth;

/**
 * A resolved way to reach one site: which profile (if any) it came from, the site's API bases, the
 * credentials and where they were found.
 *
 * @param profile the profile name, or null when everything came from the environment
 * @param caCert an extra CA bundle path from the profile, or null
 */
public record Connection(String profile, Site site, SiteCredentials credentials, String caCert) {}
