package org.complaintdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Each network spells its reset differently; all must come out as the same absolute instant. */
class RateLimitTest {
  static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

  static Function<String, String> headers(Map<String, String> h) {
    return name ->
        h.entrySet().stream()
            .filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(name))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(null);
  }

  @Test
  void xResetIsEpochSeconds() {
    var rl =
        RateLimit.X.parse(
                headers(
                    Map.of(
                        "x-rate-limit-limit", "450",
                        "x-rate-limit-remaining", "0",
                        "x-rate-limit-reset", Long.toString(NOW.getEpochSecond() + 120))),
                NOW)
            .orElseThrow();
    assertThat(rl).isEqualTo(new RateLimit(450L, 0L, NOW.plusSeconds(120)));
    assertThat(rl.exhausted()).isTrue();
  }

  @Test
  void mastodonResetIsIsoWithMicroseconds() {
    var rl =
        RateLimit.MASTODON
            .parse(
                headers(
                    Map.of(
                        "X-RateLimit-Limit", "300",
                        "X-RateLimit-Remaining", "299",
                        "X-RateLimit-Reset", "2026-01-01T12:05:00.123456Z")),
                NOW)
            .orElseThrow();
    assertThat(rl.resetAt()).isEqualTo(Instant.parse("2026-01-01T12:05:00.123456Z"));
    assertThat(rl.exhausted()).isFalse();
  }

  @Test
  void blueskyResetIsEpochSeconds() {
    var rl =
        RateLimit.BLUESKY
            .parse(
                headers(
                    Map.of(
                        "RateLimit-Limit", "3000",
                        "RateLimit-Remaining", "0",
                        "RateLimit-Reset", Long.toString(NOW.getEpochSecond() + 300),
                        "RateLimit-Policy", "3000;w=300")),
                NOW)
            .orElseThrow();
    assertThat(rl.resetAt()).isEqualTo(NOW.plusSeconds(300));
  }

  @Test
  void redditResetIsFractionalSecondsRemaining() {
    var rl =
        RateLimit.REDDIT
            .parse(
                headers(
                    Map.of(
                        "X-Ratelimit-Used", "600",
                        "X-Ratelimit-Remaining", "0.0",
                        "X-Ratelimit-Reset", "42.5")),
                NOW)
            .orElseThrow();
    assertThat(rl.resetAt()).isEqualTo(NOW.plusMillis(42_500));
    assertThat(rl.remaining()).isZero();
    assertThat(rl.exhausted()).isTrue();
  }

  @Test
  void missingOrGarbageHeadersGiveNothingRatherThanAnError() {
    assertThat(RateLimit.X.parse(headers(Map.of()), NOW)).isEmpty();
    var rl =
        RateLimit.MASTODON
            .parse(headers(Map.of("X-RateLimit-Reset", "tomorrow-ish")), NOW)
            .orElse(null);
    assertThat(rl).isNull();
  }

  @Test
  void retryAfterAcceptsSecondsAndHttpDates() {
    assertThat(RateLimit.retryAfter("30", NOW)).isEqualTo(NOW.plusSeconds(30));
    assertThat(RateLimit.retryAfter("Thu, 01 Jan 2026 12:01:00 GMT", NOW))
        .isEqualTo(NOW.plusSeconds(60));
    assertThat(RateLimit.retryAfter("soon", NOW)).isNull();
  }
}
