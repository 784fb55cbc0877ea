package dev.conf.backend;

import dev.conf.convert.CodeLanguages;
import dev.conf.service.Capabilities;
import dev.conf.service.Capabilities.Operation;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which REST API version serves the Cloud operations that v2 lacks, by how the profile reaches the
 * site. The tables themselves are {@link dev.conf.backend.cloud.CloudBackend}, {@link
 * dev.conf.backend.cloud.CloudPages} and {@link dev.conf.backend.cloud.CloudPageItems}; {@link
 * Backends} picks the constant.
 */
public enum CloudRoutes {
  /**
   * An API token, classic on the site or scoped through the gateway: v2 wherever it has the
   * operation, v1 for the rest (current user, CQL search, move, copy, label writes, upload).
   */
  API_TOKEN(true, EnumSet.noneOf(Operation.class)),
  /**
   * OAuth 2.0 through the gateway, which answers v1 content, space and comment routes with 410
   * Gone: v2 for everything it has (a move within the space by {@code parentId}), v1 only for CQL
   * search and the current user, which the gateway still serves; label writes, uploads, copies and
   * restrictions (v1 content routes, with no v2 form) are refused before any request.
   */
  OAUTH(
      false,
      EnumSet.of(
          Operation.LABEL_WRITES,
          Operation.ATTACHMENT_UPLOAD,
          Operation.PAGE_COPY,
          Operation.RESTRICTIONS));

  private final boolean v1Content;
  private final Set<Operation> lacking;

  CloudRoutes(boolean v1Content, Set<Operation> lacking) {
    this.v1Content = v1Content;
    this.lacking = lacking;
  }

  /** Whether v1's content routes (move, copy, labels, upload) answer this profile. */
  public boolean v1Content() {
    return v1Content;
  }

  /**
   * Cloud's answers: no minor edits (v2's update has no such flag), folders, code languages as
   * written; moves across spaces only through v1.
   */
  public Capabilities capabilities() {
    return new Capabilities(false, v1Content, true, CodeLanguages::cloud, lacking);
  }
}
