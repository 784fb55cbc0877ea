package dev.conf.backend.dc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conf.service.TokenExpiry;
import dev.conf.util.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which of the user's listed tokens is the one in use, as far as the list tells. */
class PatExpiryTest {
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  private static PatExpiry.Pat pat(String name, String expiring, String lastAccessed) {
    return new PatExpiry.Pat(
        name,
        expiring == null ? null : Instant.parse(expiring),
        lastAccessed == null ? null : Instant.parse(lastAccessed));
  }

  @Test
  void theOnlyValidTokenIsTheOneInUse() {
    TokenExpiry e =
        PatExpiry.pick(
                List.of(
                    pat("old", "2026-10-01T00:00:00Z", "2026-09-30T00:00:00Z"),
                    pat("ci", "2027-01-01T12:00:00Z", null)),
                NOW)
            .orElseThrow();
    assertThat(e).isEqualTo(new TokenExpiry(Instant.parse("2027-01-01T12:00:00Z"), "ci", true, 1));
    assertThat(e.describe(NOW)).isEqualTo("2027-01-01 (in 33 days)");
    assertThat(e.warning(NOW)).isNull();
  }

  @Test
  void theOneUsedJustNowIsTheOneInUse() {
    TokenExpiry e =
        PatExpiry.pick(
                List.of(
                    pat("laptop", "2026-12-02T09:00:00Z", "2026-11-29T08:00:00Z"),
                    pat("ci", "2027-03-01T00:00:00Z", "2026-11-29T11:59:58Z"),
                    pat("forever", null, "2026-11-01T00:00:00Z")),
                NOW)
            .orElseThrow();
    assertThat(e.tokenName()).isEqualTo("ci");
    assertThat(e.certain()).isTrue();
    assertThat(e.tokens()).isEqualTo(3);
  }

  @Test
  void whenItCannotBeToldTheSoonestExpiryIsGivenAndSaidToBeThat() {
    TokenExpiry e =
        PatExpiry.pick(
                List.of(
                    pat("a", "2027-03-01T00:00:00Z", "2026-11-29T11:59:00Z"),
                    pat("b", "2026-12-05T12:00:00Z", "2026-11-29T11:58:00Z"),
                    pat("c", null, null)),
                NOW)
            .orElseThrow();
    assertThat(e).isEqualTo(new TokenExpiry(Instant.parse("2026-12-05T12:00:00Z"), null, false, 3));
    assertThat(e.describe(NOW))
        .isEqualTo(
            "2026-12-05 (in 6 days); the soonest of your 3 tokens: which one conf uses cannot be"
                + " told");
    assertThat(e.warning(NOW)).startsWith("warning: a personal access token of yours expires");
  }

  @Test
  void noListedTokenSaysNothingAndATokenWithoutADateNeverExpires() {
    assertThat(PatExpiry.pick(List.of(), NOW)).isEmpty();
    TokenExpiry never = PatExpiry.pick(List.of(pat("x", null, null)), NOW).orElseThrow();
    assertThat(never.describe(NOW)).isEqualTo("never");
    assertThat(never.warning(NOW)).isNull();
  }

  @Test
  void theWarningStartsFourteenDaysAhead() {
    TokenExpiry in14 = new TokenExpiry(Instant.parse("2026-12-13T01:00:00Z"), "ci", true, 1);
    TokenExpiry in15 = new TokenExpiry(Instant.parse("2026-12-14T01:00:00Z"), "ci", true, 1);
    assertThat(in14.warning(NOW))
        .isEqualTo(
            "warning: the personal access token expires 2026-12-13 (in 14 days): create a new one"
                + " (profile picture > Settings > Personal Access Tokens) and run conf auth login"
                + " again");
    assertThat(in15.warning(NOW)).isNull();
    assertThat(new TokenExpiry(NOW.plusSeconds(3600), "ci", true, 1).describe(NOW))
        .isEqualTo("2026-11-29 (today)");
  }

  @Test
  void theListsDatesAreReadInEachFormTheSiteUses() throws Exception {
    List<PatExpiry.Pat> pats =
        PatExpiry.parse(
            Json.parse(
                "[{\"id\":1,\"name\":\"a\",\"createdAt\":\"2026-01-01T10:00:00.000+0000\","
                    + "\"expiringAt\":\"2027-01-05T10:00:00.000+0000\","
                    + "\"lastAccessedAt\":\"2026-11-29T11:59:00.123+01:00\"},"
                    + "{\"id\":2,\"name\":\"b\",\"expiringAt\":1798106400000},"
                    + "{\"id\":3,\"name\":\"c\",\"expiringAt\":\"soon\"}]"));
    assertThat(pats)
        .containsExactly(
            pat("a", "2027-01-05T10:00:00Z", "2026-11-29T10:59:00.123Z"),
            new PatExpiry.Pat("b", Instant.ofEpochMilli(1798106400000L), null),
            new PatExpiry.Pat("c", null, null));
  }
}
