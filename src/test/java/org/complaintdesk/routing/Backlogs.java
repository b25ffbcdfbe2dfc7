package org.complaintdesk.routing;

import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** Queued cases filed straight under a team (as a backlog after an outage would look). */
final class Backlogs {
  private Backlogs() {}

  /** {@code n} unassigned English cases, the i-th posted {@code i} seconds after {@code t0}. */
  static void queue(Jdbi jdbi, long teamId, int n, Instant t0) {
    RoutingBenchmark.queue(jdbi, teamId, n, t0, Duration.ofSeconds(1));
  }
}
