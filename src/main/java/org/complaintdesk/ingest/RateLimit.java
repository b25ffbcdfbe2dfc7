package org.complaintdesk.ingest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.complaintdesk.common.Network;

/**
 * A network's rate-limit state as read from its response headers. Every network spells the reset
 * differently (X and Bluesky: epoch seconds, Mastodon: ISO-8601, Reddit: seconds remaining), so
 * there is one parser per network; all produce an absolute {@link #resetAt}.
 */
public record RateLimit(Long limit, Long remaining, Instant resetAt) {

  /** True when the window is used up and the poller should wait for {@link #resetAt}. */
  public boolean exhausted() {
    return remaining != null && remaining <= 0 && resetAt != null;
  }

  /** Reads a network's rate-limit headers from a response. */
  @FunctionalInterface
  public interface Parser {
    /**
     * @param header looks a header up by name, case-insensitively; null when absent
     * @param now the time the response arrived, for relative resets
     */
    Optional<RateLimit> parse(Function<String, String> header, Instant now);
  }

  /** X (v1.1 and v2): {@code x-rate-limit-*}, reset in epoch seconds. */
  public static final Parser X =
      (h, now) -> of(h, "x-rate-limit-", epochSeconds(h, "x-rate-limit-reset"));

  /** Mastodon: {@code X-RateLimit-*}, reset as ISO-8601 with microseconds. */
  public static final Parser MASTODON =
      (h, now) -> of(h, "x-ratelimit-", iso(h.apply("x-ratelimit-reset")));

  /** Bluesky (atproto xrpc): {@code RateLimit-*}, reset in epoch seconds. */
  public static final Parser BLUESKY =
      (h, now) -> of(h, "ratelimit-", epochSeconds(h, "ratelimit-reset"));

  /** Reddit: {@code X-Ratelimit-*}, reset = seconds left in the window (may be fractional). */
  public static final Parser REDDIT =
      (h, now) -> of(h, "x-ratelimit-", relativeSeconds(h.apply("x-ratelimit-reset"), now));

  /** Feeds and webhooks carry no rate-limit headers; only Retry-After applies. */
  public static final Parser NONE = (h, now) -> Optional.empty();

  public static Parser forNetwork(Network network) {
    return switch (network) {
      case X -> X;
      case MASTODON -> MASTODON;
      case BLUESKY -> BLUESKY;
      case REDDIT -> REDDIT;
      default -> NONE;
    };
  }

  /**
   * {@code Retry-After} (RFC 9110): delay seconds or an HTTP date. Returns the absolute time, or
   * null when absent or unreadable.
   */
  public static Instant retryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Instant relative = relativeSeconds(value, now);
    if (relative != null) {
      return relative;
    }
    try {
      return java.time.ZonedDateTime.parse(
              value.trim(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
          .toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Optional<RateLimit> of(Function<String, String> h, String prefix, Instant reset) {
    Long limit = number(h.apply(prefix + "limit"));
    Long remaining = number(h.apply(prefix + "remaining"));
    if (limit == null && remaining == null && reset == null) {
      return Optional.empty();
    }
    return Optional.of(new RateLimit(limit, remaining, reset));
  }

  private static Instant epochSeconds(Function<String, String> h, String name) {
    Long seconds = number(h.apply(name));
    return seconds == null ? null : Instant.ofEpochSecond(seconds);
  }

  static Instant iso(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.trim()).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static Instant relativeSeconds(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      double seconds = Double.parseDouble(value.trim());
      if (seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds)) {
        return null;
      }
      return now.plusMillis((long) Math.ceil(seconds * 1000));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Header numbers can be fractional ("598.0" on Reddit); they are rounded down. */
  static Long number(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return (long) Math.floor(Double.parseDouble(value.trim().toLowerCase(Locale.ROOT)));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
