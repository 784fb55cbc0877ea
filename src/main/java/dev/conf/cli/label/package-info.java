/**
 * {@code conf label ...}: list, add and remove a page's labels, checked locally before any request.
 * Talks to Confluence only through {@link dev.conf.service.ConfluenceService}.
 */
package dev.conf.cli.label;
