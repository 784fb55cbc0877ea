/**
 * {@code conf label ...}: list, add and remove the labels of a page or blog post, checked locally
 * before any request. Talks to Confluence only through {@link dev.conf.service.ConfluenceService}.
 */
package dev.conf.cli.label;
