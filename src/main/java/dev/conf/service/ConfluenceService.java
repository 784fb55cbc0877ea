package dev.conf.service;

import dev.conf.auth.Deployment;
import java.util.List;

/**
 * Everything commands ask of Confluence, in neutral terms. One implementation per deployment
 * (Cloud: REST v2 with v1 where v2 has no operation; Data Center: v1), chosen once from the
 * profile; commands never see API versions, URLs or wire formats. Failures are {@link
 * dev.conf.error.ConfException}s.
 */
public interface ConfluenceService {
  Deployment deployment();

  /** The user the credentials belong to; the cheapest call that proves they work. */
  User currentUser();

  /**
   * Spaces in the server's order.
   *
   * @param limit at most this many; {@link Long#MAX_VALUE} for all
   */
  List<Space> listSpaces(SpaceQuery query, long limit);

  /** One space by key; exit code 3 when there is none. */
  Space getSpace(String key);

  /**
   * A CQL search, in the server's order (relevance unless the CQL orders it).
   *
   * @param limit at most this many; {@link Long#MAX_VALUE} for all the server will page through
   */
  SearchResults search(SearchQuery query, long limit);
}
