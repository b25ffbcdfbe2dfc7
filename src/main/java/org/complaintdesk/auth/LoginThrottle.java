package org.complaintdesk.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Counts failed logins per account and per client address in fixed windows. Caffeine bounds the
 * memory an attacker can make us spend (at most {@code MAX_KEYS} counters each) and expires idle
 * counters; its ticker reads the injected clock, so tests move time instead of sleeping.
 */
final class LoginThrottle {
  private static final long MAX_KEYS = 100_000;

  private final Clock clock;
  private final Duration window;
  private final int maxPerAccount;
  private final int maxPerAddress;
  private final Cache<String, Window> accounts;
  private final Cache<String, Window> addresses;

  private record Window(Instant start, int failures) {}

  LoginThrottle(Clock clock, AuthConfiguration config) {
    this.clock = clock;
    this.window = config.failureWindow.toJavaDuration();
    this.maxPerAccount = config.maxFailuresPerAccount;
    this.maxPerAddress = config.maxFailuresPerAddress;
    this.accounts = newCache();
    this.addresses = newCache();
  }

  private Cache<String, Window> newCache() {
    return Caffeine.newBuilder()
        .maximumSize(MAX_KEYS)
        .expireAfterWrite(window.toMillis(), TimeUnit.MILLISECONDS)
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
        .build();
  }

  /** How long the caller must wait before trying again, if the account or address is locked. */
  Optional<Duration> lockedFor(String account, String address) {
    Instant now = clock.instant();
    Duration a = remaining(accounts.getIfPresent(key(account)), maxPerAccount, now);
    Duration b = remaining(addresses.getIfPresent(address), maxPerAddress, now);
    Duration longest = a.compareTo(b) >= 0 ? a : b;
    return longest.isZero() ? Optional.empty() : Optional.of(longest);
  }

  void failed(String account, String address) {
    bump(accounts, key(account));
    bump(addresses, address);
  }

  /**
   * A successful login clears the account's count (not the address's: one right guess among many).
   */
  void succeeded(String account) {
    accounts.invalidate(key(account));
  }

  private void bump(Cache<String, Window> cache, String key) {
    Instant now = clock.instant();
    cache
        .asMap()
        .compute(
            key,
            (k, w) ->
                w == null || !now.isBefore(w.start().plus(window))
                    ? new Window(now, 1)
                    : new Window(w.start(), w.failures() + 1));
  }

  private Duration remaining(Window w, int max, Instant now) {
    if (w == null || w.failures() < max) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(now, w.start().plus(window));
    return left.isNegative() ? Duration.ZERO : left;
  }

  private static String key(String account) {
    return account == null ? "" : account.trim().toLowerCase(Locale.ROOT);
  }
}
