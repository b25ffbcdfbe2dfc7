package org.complaintdesk.ingest;

import java.time.Instant;
import org.complaintdesk.common.Network;

/**
 * A configured source of mentions with its persisted cursor and health. {@code state} is one of
 * {@code ok}, {@code backing_off}, {@code rate_limited}, {@code unhealthy}. {@code adminPaused}: an
 * admin paused it over the API; its poller skips every tick until resumed.
 */
public record Source(
    long id,
    String name,
    Network network,
    String query,
    String cursor,
    boolean enabled,
    Instant lastSuccessAt,
    Instant lastErrorAt,
    String lastError,
    int consecutiveFailures,
    long itemsFetched,
    String state,
    Instant pausedUntil,
    boolean adminPaused) {

  public static final String OK = "ok";
  public static final String BACKING_OFF = "backing_off";
  public static final String RATE_LIMITED = "rate_limited";
  public static final String UNHEALTHY = "unhealthy";

  public boolean healthy() {
    return enabled && consecutiveFailures == 0 && !UNHEALTHY.equals(state);
  }
}
