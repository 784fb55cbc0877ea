package dev.conf.service;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A content property of a page or blog post: a key and a JSON value, versioned on its own (writing
 * one makes no page version). Field names are the {@code --json} contract of {@code conf property}.
 *
 * @param id the server's id (Cloud: a number the v2 writes address it by; Data Center: the key
 *     addresses it and the id is informational)
 * @param version the property's version number, which a write must send plus one
 */
@JsonPropertyOrder({"id", "key", "version", "value"})
public record ContentProperty(String id, String key, int version, JsonNode value) {}
