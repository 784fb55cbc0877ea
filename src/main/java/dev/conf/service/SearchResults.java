package dev.conf.service;

import java.util.List;

/**
 * What a search returned.
 *
 * @param totalSize how many hits the server says there are; -1 when it did not say
 * @param truncated the server stopped handing out results (no next page) before the limit and
 *     before {@code totalSize}: Confluence caps how far a search can be paged
 */
public record SearchResults(List<SearchResult> results, long totalSize, boolean truncated) {}
