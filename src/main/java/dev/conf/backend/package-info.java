/**
 * The two implementations of {@link dev.conf.service.ConfluenceService} and the choice between
 * them. A backend method is one request (or one pager) and a mapping from wire JSON to the neutral
 * model.
 */
package dev.conf.backend;
