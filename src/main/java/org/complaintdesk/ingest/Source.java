package org.complaintdesk.ingest;

import java.time.Instant;
import org.complaintdesk.common.Network;

/** A configured source of mentions with its persisted cursor and health. */
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
    long itemsFetched) {

  public boolean healthy() {
    return enabled && consecutiveFailures == 0;
  }
}
