package org.complaintdesk.events;

import java.time.Instant;

/** One reporting event. Events are only ever appended. */
public record Event(
    long id,
    String type,
    Instant occurredAt,
    Long caseId,
    Long mentionId,
    String actor,
    Long durationMs,
    String data) {}
