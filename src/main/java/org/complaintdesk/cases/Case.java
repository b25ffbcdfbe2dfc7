package org.complaintdesk.cases;

import java.time.Instant;
import org.complaintdesk.common.Network;

/**
 * A customer's complaint being handled. {@code openedAt} is the customer's post time: every clock
 * (first response, resolution) starts there, not when we noticed the post.
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
    Long resolutionMs) {

  public boolean isResolved() {
    return CaseStatus.RESOLVED.key().equals(status);
  }
}
