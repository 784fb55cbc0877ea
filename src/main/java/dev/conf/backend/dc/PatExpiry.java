package dev.conf.backend.dc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conf.backend.ApiRoots;
import dev.conf.error.ConfException;
import dev.conf.http.ApiClient;
import dev.conf.service.TokenExpiry;
import dev.conf.util.Json;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The expiry of the personal access token a Data Center request is made with, from {@code GET
 * {base}/rest/pat/latest/tokens}: undocumented (it is in no OpenAPI document) but long-standing
 * since PATs came with Confluence 7.9. It lists the user's tokens, {@code id}, {@code name}, {@code
 * createdAt}, {@code expiringAt} and often {@code lastAccessedAt}, but never the token itself, so
 * which one is in use is worked out: a token already expired is not it; the only one left is; else
 * the only one used within {@link #RECENT} of now is (this very request used it, and the one before
 * it checked the user). When that cannot be told (the site updates {@code lastAccessedAt} lazily,
 * or several tokens were just used), the soonest expiry among the valid tokens is given and said to
 * be that. A 404 (no such endpoint) or 403 (PATs turned off) — or any answer that is not the list —
 * is no expiry, never an error: the login itself has already been checked.
 */
public final class PatExpiry {
  /** How recent a last access counts as this run's. */
  static final Duration RECENT = Duration.ofMinutes(10);

  /** One listed token. */
  record Pat(String name, Instant expiringAt, Instant lastAccessedAt) {}

  private PatExpiry() {}

  public static Optional<TokenExpiry> fetch(ApiRoots roots, ApiClient api, Instant now) {
    ApiClient.RawResponse r;
    try {
      r =
          api.raw(
              "GET",
              roots.v1().newBuilder().addPathSegments("rest/pat/latest/tokens").build(),
              List.of(),
              null,
              null);
    } catch (ConfException e) {
      return Optional.empty();
    }
    if (r.status() != 200) {
      return Optional.empty();
    }
    try {
      return pick(
          parse(Json.parse(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8))), now);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static List<Pat> parse(JsonNode list) {
    List<Pat> out = new ArrayList<>();
    if (!list.isArray()) {
      return out;
    }
    for (JsonNode n : list) {
      out.add(
          new Pat(
              n.path("name").asText(null),
              time(n.get("expiringAt")),
              time(n.get("lastAccessedAt"))));
    }
    return out;
  }

  /** The token in use, or the soonest expiry when that cannot be told. */
  static Optional<TokenExpiry> pick(List<Pat> listed, Instant now) {
    List<Pat> valid =
        listed.stream().filter(p -> p.expiringAt() == null || p.expiringAt().isAfter(now)).toList();
    if (valid.isEmpty()) {
      return Optional.empty();
    }
    if (valid.size() == 1) {
      Pat p = valid.get(0);
      return Optional.of(new TokenExpiry(p.expiringAt(), p.name(), true, 1));
    }
    Instant since = now.minus(RECENT);
    List<Pat> recent =
        valid.stream()
            .filter(p -> p.lastAccessedAt() != null && !p.lastAccessedAt().isBefore(since))
            .toList();
    if (recent.size() == 1) {
      Pat p = recent.get(0);
      return Optional.of(new TokenExpiry(p.expiringAt(), p.name(), true, valid.size()));
    }
    Instant soonest =
        valid.stream()
            .map(Pat::expiringAt)
            .filter(Objects::nonNull)
            .min(Comparator.naturalOrder())
            .orElse(null);
    return Optional.of(new TokenExpiry(soonest, null, false, valid.size()));
  }

  private static final DateTimeFormatter NO_COLON_OFFSET =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]Z");

  /** {@code 2027-01-05T10:00:00.000+0000}, {@code ...+00:00}, {@code ...Z} or epoch millis. */
  static Instant time(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isNumber()) {
      return Instant.ofEpochMilli(n.asLong());
    }
    String s = n.asText().trim();
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(s, NO_COLON_OFFSET).toInstant();
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }
}
