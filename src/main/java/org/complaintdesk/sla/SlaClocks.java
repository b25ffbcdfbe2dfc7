package org.complaintdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SLA state of one case, computed from facts only (no storage, no "now" except where asked), so
 * every rule below is unit-tested and the same code serves the scheduler and the reports.
 *
 * <ul>
 *   <li>First response: from the customer's first post until our first reply.
 *   <li>Next response: from the customer's first unanswered post after our last reply ({@code
 *       waitingSince}) until our next reply. Nothing is due while we spoke last, and nothing once
 *       resolved (Chatwoot #10178).
 *   <li>Resolution: from the first post until resolve. Pauses (waiting on the customer; resolved
 *       until reopened) do not count.
 * </ul>
 */
public final class SlaClocks {
  private SlaClocks() {}

  /** What the clocks read from a case. */
  public record Facts(
      Instant openedAt,
      Instant firstResponseAt,
      Instant waitingSince,
      Instant resolvedAt,
      List<SlaTimer.Pause> pauses) {
    public Facts {
      pauses = pauses == null ? List.of() : List.copyOf(pauses);
    }

    boolean resolved() {
      return resolvedAt != null;
    }
  }

  /** Due times; each null when not running. {@code earliest} is the queue's sort key. */
  public record DueTimes(
      Instant firstResponseDue, Instant nextResponseDue, Instant resolutionDue, Instant earliest) {
    public static final DueTimes NONE = new DueTimes(null, null, null, null);
  }

  public static DueTimes due(SlaPolicy policy, BusinessCalendar calendar, Facts f) {
    if (policy == null || f.resolved()) {
      return DueTimes.NONE;
    }
    Instant frt =
        f.firstResponseAt() == null && policy.firstResponse() != null
            ? SlaTimer.due(calendar, f.openedAt(), policy.firstResponse(), f.pauses())
            : null;
    Instant nrt =
        f.firstResponseAt() != null && f.waitingSince() != null && policy.nextResponse() != null
            ? SlaTimer.due(calendar, f.waitingSince(), policy.nextResponse(), f.pauses())
            : null;
    Instant rt =
        policy.resolution() != null
            ? SlaTimer.due(calendar, f.openedAt(), policy.resolution(), f.pauses())
            : null;
    Instant earliest =
        Stream.of(frt, nrt, rt).filter(x -> x != null).min(Instant::compareTo).orElse(null);
    return new DueTimes(frt, nrt, rt, earliest);
  }

  /** Counted (business or calendar, minus pauses) time between two instants of this case. */
  public static Duration counted(
      BusinessCalendar calendar, Instant from, Instant to, List<SlaTimer.Pause> pauses) {
    return SlaTimer.elapsed(calendar, from, to, pauses);
  }

  /** The share of {@code target} used at {@code now} (100 = due now), for warnings. */
  public static int percentUsed(
      BusinessCalendar calendar,
      Instant start,
      Instant now,
      Duration target,
      List<SlaTimer.Pause> pauses) {
    if (target.isZero()) {
      return 100;
    }
    long used = SlaTimer.elapsed(calendar, start, now, pauses).toMillis();
    return (int) Math.min(Integer.MAX_VALUE, used * 100 / target.toMillis());
  }
}
