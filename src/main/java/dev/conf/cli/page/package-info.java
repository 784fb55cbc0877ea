/**
 * {@code conf page ...}: one class per verb, plus what the page and blog commands share: page
 * addresses ({@link dev.conf.cli.page.PageRef}), their resolution, body input, the tree model and
 * the abstract view/list/create/update/delete commands that {@code conf blog} reuses. Talks to
 * Confluence only through {@link dev.conf.service.ConfluenceService}.
 */
package dev.conf.cli.page;
