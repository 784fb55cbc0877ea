package dev.conf.service;

/**
 * A CQL search.
 *
 * @param cql the query, as {@link Cql} builds it or as the user wrote it
 * @param excerpt whether to ask for each result's excerpt (the server skips that work otherwise)
 */
public record SearchQuery(String cql, boolean excerpt) {}
