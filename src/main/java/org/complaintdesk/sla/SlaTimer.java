package org.complaintdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Measures and schedules one SLA clock: it runs from a start instant through the calendar's open
 * hours, except during pauses (the case was waiting on the customer, or resolved until reopened).
 */
public final class SlaTimer {
  private SlaTimer() {}

  /** A pause; {@code to} is null while it lasts. */
  public record Pause(Instant from, Instant to) {
    public Pause {
      if (to != null && to.isBefore(from)) {
        throw new IllegalArgumentException("a pause cannot end before it starts");
      }
    }

    Instant endOr(Instant now) {
      return to == null ? now : to;
    }
  }

  /** Counted time from {@code start} to {@code end}, without pauses. */
  public static Duration elapsed(
      BusinessCalendar calendar, Instant start, Instant end, List<Pause> pauses) {
    Duration total = calendar.between(start, end);
    return total.minus(paused(calendar, start, end, pauses));
  }

  /**
   * When {@code target} of counted time will have passed since {@code start}, or null while a pause
   * is open (a paused clock has no due time; it gets one again when it resumes).
   */
  public static Instant due(
      BusinessCalendar calendar, Instant start, Duration target, List<Pause> pauses) {
    if (pauses.stream().anyMatch(p -> p.to() == null && !p.from().isBefore(start))) {
      return null;
    }
    // Fixed point: push the due time out by the paused time before it until it stops moving.
    // Each round only adds pauses that start before the current candidate, so it terminates.
    Instant due = calendar.add(start, target);
    for (int i = 0; i <= pauses.size() + 1; i++) {
      Instant next = calendar.add(start, target.plus(paused(calendar, start, due, pauses)));
      if (next.equals(due)) {
        return due;
      }
      due = next;
    }
    return due;
  }

  private static Duration paused(
      BusinessCalendar calendar, Instant start, Instant end, List<Pause> pauses) {
    Duration total = Duration.ZERO;
    for (Pause p : pauses) {
      Instant a = p.from().isBefore(start) ? start : p.from();
      Instant b = p.endOr(end).isAfter(end) ? end : p.endOr(end);
      total = total.plus(calendar.between(a, b));
    }
    return total;
  }
}
