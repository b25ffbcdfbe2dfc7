package org.complaintdesk.sla;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Picks the first policy, in explicit position order (then id), whose condition matches. */
public final class PolicySelector {
  private PolicySelector() {}

  public static Optional<SlaPolicy> select(List<SlaPolicy> policies, SlaPolicy.CaseFacts facts) {
    return policies.stream()
        .sorted(Comparator.comparingInt(SlaPolicy::position).thenComparingLong(SlaPolicy::id))
        .filter(p -> p.condition().matches(facts))
        .findFirst();
  }
}
