/**
 * {@code conf property ...}: list, read, write and delete the content properties (JSON values) of a
 * page or blog post, writes guarded by the property's version. Talks to Confluence only through
 * {@link dev.conf.service.ConfluenceService}.
 */
package dev.conf.cli.property;
