package org.complaintdesk.cases;

import java.time.Instant;
import org.complaintdesk.common.Network;

/**
 * A customer's complaint being handled. {@code openedAt} is the customer's post time: every clock
 * (first response, resolution) starts there, not when we noticed the post. {@code waitingSince} is
 * the customer's first post we have not answered yet (the next-response clock); {@code dueAt} is
 * the earliest SLA due time, the queue's sort key.
 *
 * <p>{@code priority} is the stored priority: the detractor, reach and complaint parts of the
 * case's strongest post ({@code priorityDetractor}, ...) plus any raise by escalation or a
 * responder. The waiting part grows with time and is added when the case is read ({@link
 * CaseService#priorityParts}) or sorted ({@code sort=priority}); SLA policies and routing rules
 * select on the stored priority, so a case's policy does not drift while it waits.
 */
public record Case(
    long id,
    Network network,
    String authorHandle,
    String status,
    double priority,
    Long assigneeId,
    String assignee,
    Instant openedAt,
    Instant createdAt,
    Instant updatedAt,
    Instant firstResponseAt,
    Long firstResponseMs,
    Instant resolvedAt,
    Long resolutionMs,
    Long teamId,
    String language,
    Instant waitingSince,
    Instant lastReplyAt,
    Integer reopenedCount,
    Long slaPolicyId,
    Instant firstResponseDueAt,
    Instant nextResponseDueAt,
    Instant resolutionDueAt,
    Instant dueAt,
    Double priorityDetractor,
    Double priorityReach,
    Double priorityComplaint) {

  public boolean isResolved() {
    return CaseStatus.RESOLVED.key().equals(status);
  }
}
