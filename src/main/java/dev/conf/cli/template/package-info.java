/**
 * {@code conf template ...}: the page templates of a space and the global ones. Talks to Confluence
 * only through {@link dev.conf.service.ConfluenceService}.
 */
package dev.conf.cli.template;
