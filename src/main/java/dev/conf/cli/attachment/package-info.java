/**
 * {@code conf attachment ...}: list, upload, download and delete the attachments of a page or blog
 * post. Transfers are streamed (never held in memory), downloads land under their final name only
 * when complete. Talks to Confluence only through {@link dev.conf.service.ConfluenceService}.
 */
package dev.conf.cli.attachment;
