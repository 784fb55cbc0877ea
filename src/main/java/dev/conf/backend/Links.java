package dev.conf.backend;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;

/** Small helpers both backends use to read Confluence JSON. */
public final class Links {
  private Links() {}

  /** A text field, or null when absent, null or empty. */
  public static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    String s = v.asText();
    return s.isEmpty() ? null : s;
  }

  /** The web URL of an entity: the site's web base plus its {@code _links.webui}. */
  public static String webUrl(URI webBase, JsonNode entity) {
    String webui = text(entity.path("_links"), "webui");
    if (webui == null) {
      return null;
    }
    if (webui.startsWith("http://") || webui.startsWith("https://")) {
      return webui;
    }
    String base = webBase != null ? webBase.toString() : text(entity.path("_links"), "base");
    if (base == null) {
      return null;
    }
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + webui;
  }
}
