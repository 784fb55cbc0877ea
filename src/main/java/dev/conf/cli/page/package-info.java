/**
 * {@code conf page ...}: one class per verb, and the page tree model. The verbs blog posts share
 * (view, list, create, update, delete) are one line of type and their help here; their options and
 * work are in {@link dev.conf.cli.content}. Talks to Confluence only through {@link
 * dev.conf.service.ConfluenceService}.
 */
package dev.conf.cli.page;
