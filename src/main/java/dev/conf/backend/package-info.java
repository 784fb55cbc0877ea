/**
 * The implementations of {@link dev.conf.service.ConfluenceService}: the REST operations by API
 * version ({@code v1}: Data Center and Cloud's remaining v1 calls; {@code v2}: Cloud), one short
 * routing table per deployment ({@code cloud}, {@code dc}) saying which serves what, and {@link
 * dev.conf.backend.Backends}, the one place that chooses. A backend method is one request (or one
 * pager) and a mapping from wire JSON to the neutral model.
 */
package dev.conf.backend;
