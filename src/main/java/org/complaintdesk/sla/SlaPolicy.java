package org.complaintdesk.sla;

import java.time.Duration;
import java.util.Set;
import org.complaintdesk.common.Network;

/**
 * Targets for a case. Any target may be null (not measured). {@code calendarId} null means calendar
 * time (24/7); otherwise the business calendar with that id. Policies are matched in {@code
 * position} order and the first whose condition holds wins - never by name (Zammad's trap).
 */
public record SlaPolicy(
    long id,
    String name,
    int position,
    Condition condition,
    Duration firstResponse,
    Duration nextResponse,
    Duration resolution,
    Long calendarId,
    int warnPercent) {

  /** Every non-null part must hold; an empty condition matches every case (a fallback). */
  public record Condition(Double minPriority, Set<Network> networks, Set<Long> teamIds) {
    public static final Condition ANY = new Condition(null, Set.of(), Set.of());

    public Condition {
      networks = networks == null ? Set.of() : Set.copyOf(networks);
      teamIds = teamIds == null ? Set.of() : Set.copyOf(teamIds);
    }

    public boolean matches(CaseFacts facts) {
      return (minPriority == null || facts.priority() >= minPriority)
          && (networks.isEmpty() || networks.contains(facts.network()))
          && (teamIds.isEmpty() || (facts.teamId() != null && teamIds.contains(facts.teamId())));
    }
  }

  /** What policy selection looks at. */
  public record CaseFacts(double priority, Network network, Long teamId) {}
}
