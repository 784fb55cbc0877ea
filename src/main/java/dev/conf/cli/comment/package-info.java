/**
 * {@code conf comment ...}: list, add and delete the comments of a page or blog post; bodies are
 * written in Markdown and shown as plain text. Talks to Confluence only through {@link
 * dev.conf.service.ConfluenceService}.
 */
package dev.conf.cli.comment;
