package dev.conf.service;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A space, the same on both deployments. Its field names are the {@code --json} contract for {@code
 * conf space list} and {@code conf space view} (docs/json.md): keep them stable.
 */
@JsonPropertyOrder({"id", "key", "name", "type", "status", "description", "homepageId", "url"})
public record Space(
    String id,
    String key,
    String name,
    String type,
    String status,
    String description,
    String homepageId,
    String url) {}
