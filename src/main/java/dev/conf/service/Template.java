package dev.conf.service;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A page template, of a space or global. Field names are the {@code --json} contract of {@code conf
 * template list}.
 *
 * @param spaceKey the space it belongs to; null for a global template
 * @param body its storage body; null in listings
 */
@JsonPropertyOrder({"id", "name", "description", "spaceKey", "body"})
public record Template(String id, String name, String description, String spaceKey, String body) {}
