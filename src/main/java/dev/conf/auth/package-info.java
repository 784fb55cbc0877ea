/**
 * Deployment detection from a site URL, credentials and the Authorization header, and secret stores
 * (the OS keychain, or a 0600 file on request). Knows nothing of commands, HTTP or Confluence
 * resources.
 */
package dev.conf.auth;
