/**
 * The picocli commands: one class per verb, grouped by noun. Commands talk to Confluence only
 * through {@link dev.conf.service.ConfluenceService} and print only through {@link
 * dev.conf.output.Io}; they never import {@code http} or a backend's wire types.
 */
package dev.conf.cli;
