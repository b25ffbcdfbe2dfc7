package org.complaintdesk.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/** One audited change. {@code before}/{@code after} are JSON written by {@link AuditLog}. */
public record AuditEntry(
    long id,
    Instant occurredAt,
    Long actorId,
    String actor,
    String action,
    String target,
    @JsonRawValue String before,
    @JsonRawValue String after) {}
